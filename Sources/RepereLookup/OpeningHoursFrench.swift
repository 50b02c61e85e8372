/// Opening hours written for people, in French: `Mo-Fr 09:00-17:00; PH off` becomes
/// « lun.–ven. 9 h–17 h ; fermé les jours fériés ». Record cards show this, never the OSM
/// syntax, which a professional in the middle of a call should not have to decode.
extension OpeningHours {
  public var frenchText: String {
    var parts: [String] = []
    for rule in rules {
      let text = Self.french(rule)
      guard !text.isEmpty else { continue }
      switch rule.joiner {
      case .normal, .additional: parts.append(text)
      case .fallback: parts.append("sinon " + text)
      }
    }
    return parts.joined(separator: " ; ")
  }

  private static let weekdayNames = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
  private static let monthNames = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
  ]

  private static func french(_ rule: Rule) -> String {
    let comment = rule.comment.map { "« \($0) »" }
    if rule.isCommentOnly { return comment ?? "" }
    let days = french(rule.days)
    var text: String
    switch rule.kind {
    case .closed:
      text = "fermé" + (days.isEmpty ? "" : " " + (rule.days.isOnlyHolidays ? "les jours fériés" : days))
    case .unknown:
      text = (days.isEmpty ? "" : days + " ") + "horaires à vérifier"
    case .open:
      // A whole day (`00:00-24:00`) reads like no time at all: « 24 h/24 ».
      let wholeDay = rule.spans.allSatisfy { $0.start == 0 && $0.end >= 24 * 60 }
      let spans = wholeDay ? "" : rule.spans.map { "\(hour($0.start))–\(hour($0.end))" }.joined(separator: ", ")
      if days.isEmpty {
        text = spans.isEmpty ? "24 h/24, 7 j/7" : "tous les jours " + spans
      } else {
        text = days + " " + (spans.isEmpty ? "24 h/24" : spans)
      }
    }
    if let comment { text += " (\(comment))" }
    return text
  }

  private static func french(_ days: DaySelector) -> String {
    var pieces: [String] = []
    pieces += days.years.map { $0.start == $0.end ? "\($0.start)" : "\($0.start)–\($0.end)" }
    pieces += days.monthdays.map(french)
    var dayList = days.weekdays.map(french)
    if days.holidays { dayList.append("jours fériés") }
    if !dayList.isEmpty { pieces.append(dayList.joined(separator: ", ")) }
    return pieces.joined(separator: " ")
  }

  private static func french(_ range: WeekdayRange) -> String {
    let name =
      range.from == range.to ? weekdayNames[range.from] : "\(weekdayNames[range.from])–\(weekdayNames[range.to])"
    guard !range.nth.isEmpty else { return name }
    let ordinals = range.nth.map {
      $0 == 1 ? "1er" : $0 == -1 ? "dernier" : $0 > 0 ? "\($0)e" : "\(-$0)e depuis la fin"
    }
    return ordinals.joined(separator: ", ") + " " + name + " du mois"
  }

  private static func french(_ range: MonthdayRange) -> String {
    switch range {
    case .months(let year, let from, let to):
      let months = from == to ? monthNames[from - 1] : "\(monthNames[from - 1])–\(monthNames[to - 1])"
      return year.map { "\(months) \($0)" } ?? months
    case .dates(let from, let to):
      return from == to ? french(from) : "\(french(from))–\(french(to))"
    }
  }

  private static func french(_ date: DateSpec) -> String {
    var text = date.isEaster ? "Pâques" : "\(date.day == 1 ? "1er" : String(date.day)) \(monthNames[date.month - 1])"
    if date.offset != 0 { text += date.offset > 0 ? " + \(date.offset) j" : " − \(-date.offset) j" }
    if let year = date.year { text += " \(year)" }
    return text
  }

  /// 540 → « 9 h », 570 → « 9 h 30 »; past midnight (a span into the next day) as the next day's hour.
  private static func hour(_ minute: Int) -> String {
    let wrapped = minute > 24 * 60 ? minute - 24 * 60 : minute
    let (hours, minutes) = (wrapped / 60, wrapped % 60)
    return minutes == 0 ? "\(hours) h" : "\(hours) h \(minutes < 10 ? "0" : "")\(minutes)"
  }
}

extension OpeningHours.DaySelector {
  /// `PH` alone: « fermé les jours fériés ».
  var isOnlyHolidays: Bool { holidays && weekdays.isEmpty && monthdays.isEmpty && years.isEmpty }
}
