import Foundation
import RepereBase

/// Why opening hours did not parse, and where (column from 1, in Unicode scalars of the text).
public struct OpeningHoursError: Error, Hashable, Sendable, CustomStringConvertible {
  public var column: Int
  public var message: String

  public init(column: Int, message: String) {
    self.column = column
    self.message = message
  }

  public var description: String { "colonne \(column) : \(message)" }
}

/// Whether a structure is open at a given time.
public enum OpenState: Hashable, Sendable {
  /// Open; `closesAt` is nil when it never closes in the coming week (24/7).
  case open(closesAt: Date?, comment: String?)
  /// Closed; `opensAt` is nil when it does not open in the coming two weeks (or only on days
  /// whose hours are unknown).
  case closed(opensAt: Date?)
  /// The hours do not say (a rule that is only a comment): never listed as open now.
  case unknown(comment: String?)

  /// True only for `.open`.
  public var isOpen: Bool {
    if case .open = self { return true }
    return false
  }

  /// true, false, or nil when unknown.
  public var openFlag: Bool? {
    switch self {
    case .open: return true
    case .closed: return false
    case .unknown: return nil
    }
  }

  /// When the state next changes, in French: « ferme à 17:30 », « ouvre lundi à 09:00 »; nil when
  /// unknown. For a line that already says open or closed (a record card).
  public func frenchNextChange(now: Date, timeZone: TimeZone) -> String? {
    switch self {
    case .open(let closesAt, _): return closesAt.map { "ferme " + Self.frenchMoment($0, now: now, timeZone: timeZone) }
    case .closed(let opensAt): return opensAt.map { "ouvre " + Self.frenchMoment($0, now: now, timeZone: timeZone) }
    case .unknown: return nil
    }
  }

  /// A short French description: « ouvert · ferme à 17:30 », « fermé · ouvre lundi à 09:00 »,
  /// « horaires : à vérifier (sur rendez-vous) ». Times are shown in `timeZone` relative to `now`.
  public func frenchSummary(now: Date, timeZone: TimeZone) -> String {
    switch self {
    case .open(let closesAt, let comment):
      var text = "ouvert"
      if let closesAt { text += " · ferme " + Self.frenchMoment(closesAt, now: now, timeZone: timeZone) }
      if let comment { text += " (\(comment))" }
      return text
    case .closed(let opensAt):
      guard let opensAt else { return "fermé" }
      return "fermé · ouvre " + Self.frenchMoment(opensAt, now: now, timeZone: timeZone)
    case .unknown(let comment):
      return comment.map { "horaires : à vérifier (\($0))" } ?? "horaires : à vérifier"
    }
  }

  private static let frenchWeekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

  /// « à 17:30 » today, « demain à 09:00 », « lundi à 09:00 » within the week.
  static func frenchMoment(_ date: Date, now: Date, timeZone: TimeZone) -> String {
    let clock = WallClock(timeZone: timeZone)
    let (day, minute) = clock.local(date)
    let (today, _) = clock.local(now)
    let time = WallClock.hhmm(minute)
    switch day.dayNumber - today.dayNumber {
    case 0: return "à \(time)"
    case 1: return "demain à \(time)"
    case 2...6: return "\(frenchWeekdays[day.weekday]) à \(time)"
    default: return "le \(day.day)/\(day.month) à \(time)"
    }
  }
}

/// Opening hours in the OSM `opening_hours` syntax, evaluated as opening-hours-rs evaluates them
/// (see `DayEvaluator`): `24/7`; years, months, dates (`Dec 24-31`, `easter`) and the nth weekday
/// of a month (`Mo[1]`, `Fr[-1]`); weekday ranges and lists; `PH` with the département's public
/// holidays; time spans, past midnight too; states `open`, `closed`/`off`, `unknown` with a quoted
/// comment; rules joined by `;`, `,` (additional) or `||` (fallback). What is not supported (week
/// numbers, school holidays, sunrise/sunset, open ends) is a parse error with its column, never a
/// wrong answer. One deliberate difference: a rule that is only a comment (`"sur rendez-vous"`,
/// `Mo-Fr "sur rendez-vous"`) leaves the state unknown where opening-hours-rs says open.
public struct OpeningHours: Hashable, Sendable {
  /// The text as written.
  public let text: String
  let rules: [Rule]

  init(text: String, rules: [Rule]) {
    self.text = text
    self.rules = rules
  }

  /// Parses `text`; the error names the column of the first problem. A text already parsed is
  /// answered from `ParsedHours` (a national directory has 100,000 records and a few hundred
  /// distinct texts: parsing each record's was a fifth of `repere check`).
  public static func parse(_ text: String) -> Result<OpeningHours, OpeningHoursError> {
    if let known = ParsedHours.shared.result(for: text) { return known }
    let result = parseText(text)
    ParsedHours.shared.remember(result, for: text)
    return result
  }

  private static func parseText(_ text: String) -> Result<OpeningHours, OpeningHoursError> {
    var parser = OpeningHoursParser(text)
    do {
      return .success(OpeningHours(text: text, rules: try parser.parseRules()))
    } catch let error as OpeningHoursError {
      return .failure(error)
    } catch {
      return .failure(OpeningHoursError(column: 1, message: "\(error)"))
    }
  }

  /// Whether the hours are only comments (no rule says when it is open or closed).
  public var isCommentOnly: Bool { rules.allSatisfy(\.isCommentOnly) }

  /// The state at `date`, on wall-clock time in `timeZone` (Europe/Paris, or the overseas
  /// département's own zone), with `holidays` for `PH`.
  public func state(at date: Date, timeZone: TimeZone, holidays: HolidayCalendar = .france) -> OpenState {
    let clock = WallClock(timeZone: timeZone)
    let (day, minute) = clock.local(date)
    let evaluator = DayEvaluator(rules: rules, holidays: holidays)
    let schedule = evaluator.schedule(for: day)
    switch schedule.range(at: minute) {
    case .some(let range) where range.kind == .open:
      return .open(
        closesAt: closingTime(from: day, end: range.end, evaluator: evaluator, clock: clock),
        comment: range.comment.isEmpty ? nil : range.comment)
    case .some(let range) where range.kind == .unknown:
      return .unknown(comment: range.comment.isEmpty ? nil : range.comment)
    default:
      return .closed(opensAt: openingTime(after: minute, on: day, evaluator: evaluator, clock: clock))
    }
  }

  /// Open (true), closed (false) or unknown (nil) at `date`.
  public func isOpen(at date: Date, timeZone: TimeZone, holidays: HolidayCalendar = .france) -> Bool? {
    state(at: date, timeZone: timeZone, holidays: holidays).openFlag
  }

  private func closingTime(from day: CalendarDay, end: Int, evaluator: DayEvaluator, clock: WallClock) -> Date? {
    var end = end
    var current = day
    // An open range that reaches midnight continues when the next day opens at 00:00.
    for _ in 0..<8 {
      guard end >= 1440 else { return clock.date(day: current, minute: end) }
      let next = current.adding(days: 1)
      guard let continuation = evaluator.schedule(for: next).range(at: 0), continuation.kind == .open else {
        return clock.date(day: next, minute: 0)
      }
      current = next
      end = continuation.end
    }
    return nil
  }

  /// The next opening within two weeks; nil when none, or when unknown hours come first.
  private func openingTime(after minute: Int, on day: CalendarDay, evaluator: DayEvaluator, clock: WallClock)
    -> Date?
  {
    for offset in 0..<15 {
      let current = day.adding(days: offset)
      for range in evaluator.schedule(for: current).ranges where offset > 0 || range.start > minute {
        if range.kind == .open { return clock.date(day: current, minute: range.start) }
        if range.kind == .unknown { return nil }
      }
    }
    return nil
  }
}

/// Converts between instants and wall-clock (day, minute of day) in one time zone.
struct WallClock {
  let calendar: Calendar

  init(timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  func local(_ date: Date) -> (day: CalendarDay, minute: Int) {
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    let day = CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    return (day, (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
  }

  func date(day: CalendarDay, minute: Int) -> Date? {
    let actualDay = day.adding(days: minute / 1440)
    let minuteOfDay = minute % 1440
    return calendar.date(
      from: DateComponents(
        year: actualDay.year, month: actualDay.month, day: actualDay.day, hour: minuteOfDay / 60,
        minute: minuteOfDay % 60))
  }

  static func hhmm(_ minute: Int) -> String {
    let hour = minute / 60
    let rest = minute % 60
    return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (rest < 10 ? "0\(rest)" : "\(rest)")
  }
}

/// The results of parsing opening-hours texts, shared by every thread: parsing is a pure
/// function of the text, so a remembered result is the one a new parse would give. Bounded:
/// emptied when it holds `capacity` texts (a directory where every record has its own hours
/// only loses the memo, never grows memory).
final class ParsedHours: @unchecked Sendable {
  static let shared = ParsedHours()
  static let capacity = 4096
  private let lock = NSLock()
  private var results: [String: Result<OpeningHours, OpeningHoursError>] = [:]

  func result(for text: String) -> Result<OpeningHours, OpeningHoursError>? {
    lock.withLock { results[text] }
  }

  func remember(_ result: Result<OpeningHours, OpeningHoursError>, for text: String) {
    lock.withLock {
      if results.count >= Self.capacity { results.removeAll(keepingCapacity: true) }
      results[text] = result
    }
  }
}
