import Foundation
import RepereBase
import RepereRules

/// Text helpers for the training screens: scenario texts reflowed to the screen's width, the
/// case's clock in words, and answers in the interface's language.
enum TrainingText {
  /// Joins the hard line breaks of a YAML block (`|`) so the text wraps to the screen; blank
  /// lines stay paragraph breaks and lines starting a list item (`-`, `•`) stay on their own.
  static func reflow(_ text: String) -> String {
    var paragraphs: [String] = []
    var current = ""
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty {
        if !current.isEmpty { paragraphs.append(current) }
        current = ""
      } else if current.isEmpty {
        current = line
      } else if line.hasPrefix("- ") || line.hasPrefix("• ") {
        current += "\n" + line
      } else {
        current += " " + line
      }
    }
    if !current.isEmpty { paragraphs.append(current) }
    return paragraphs.joined(separator: "\n\n")
  }

  /// « dimanche 29 novembre 2026, 23 h 10 » / « Sunday 29 November 2026, 23:10 », in Paris time
  /// (the protocols' clock), whatever the machine's zone.
  static func clock(_ date: Date, _ language: Language) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = CalendarDay.paris
    let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
    let weekday = (parts.weekday ?? 1) - 1
    let month = (parts.month ?? 1) - 1
    let day = parts.day ?? 1
    let year = parts.year ?? 1970
    let hour = parts.hour ?? 0
    let minute = String(format: "%02d", parts.minute ?? 0)
    switch language {
    case .fr:
      let days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
      let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
      ]
      return "\(days[weekday]) \(day) \(months[month]) \(year), \(hour) h \(minute)"
    case .en:
      let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
      let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
      ]
      return "\(days[weekday]) \(day) \(months[month]) \(year), \(String(format: "%02d", hour)):\(minute)"
    }
  }

  /// An answer's label in the interface's language where the interface owns the words (oui/non,
  /// « je ne sais pas »); option labels and places stay as the protocol writes them.
  static func answer(_ value: AnswerValue?, label: String?, kind: StepKind, _ language: Language) -> String? {
    switch value {
    case .bool(let yes) where kind == .yesno: return (yes ? Chrome.yes : Chrome.no)(language)
    case .unknown: return Chrome.unknownOption(language)
    default: return label
    }
  }
}
