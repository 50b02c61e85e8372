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

  public var description: String { "column \(column): \(message)" }
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

/// Opening hours in the OSM `opening_hours` syntax (the subset the directory spec names):
/// `24/7`, weekday ranges and lists, several time spans, spans past midnight, `off`, `PH` with
/// French public holidays, quoted comments, rules separated by `;` (a later rule replaces earlier
/// ones on the days it names) or by `,` before a new weekday selector (an additional rule).
public struct OpeningHours: Hashable, Sendable {
  /// The text as written.
  public let text: String
  let rules: [Rule]

  /// Days a rule names: weekdays (bit 0 = Monday) and/or public holidays.
  struct DaySelector: Hashable, Sendable {
    var weekdays: UInt8
    var holidays: Bool
  }

  /// A time span in minutes from the start of its day; `end` > `start`, above 1440 past midnight.
  struct Span: Hashable, Sendable {
    var start: Int
    var end: Int
  }

  enum Action: Hashable, Sendable {
    case spans([Span])
    case allDay
    case off
    case commentOnly
  }

  struct Rule: Hashable, Sendable {
    /// nil: every day.
    var days: DaySelector?
    var action: Action
    var comment: String?
    /// Joined to the previous rule with `,`: adds to it instead of replacing it.
    var additional: Bool
  }

  init(text: String, rules: [Rule]) {
    self.text = text
    self.rules = rules
  }

  /// Parses `text`; the error names the column of the first problem.
  public static func parse(_ text: String) -> Result<OpeningHours, OpeningHoursError> {
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
  public var isCommentOnly: Bool { rules.allSatisfy { $0.action == .commentOnly } }

  /// The state at `date`, on wall-clock time in `timeZone` (Europe/Paris, or the overseas
  /// département's own zone), with `holidays` for `PH`.
  public func state(at date: Date, timeZone: TimeZone, holidays: HolidayCalendar = .france) -> OpenState {
    let clock = WallClock(timeZone: timeZone)
    let (day, minute) = clock.local(date)
    let evaluator = DayEvaluator(rules: rules, holidays: holidays)
    let plan = evaluator.plan(for: day)
    if let interval = plan.intervals.first(where: { $0.start <= minute && minute < $0.end }) {
      return .open(
        closesAt: closingTime(from: day, interval: interval, evaluator: evaluator, clock: clock),
        comment: interval.comment)
    }
    if plan.unknown { return .unknown(comment: plan.unknownComment) }
    return .closed(opensAt: openingTime(after: minute, on: day, evaluator: evaluator, clock: clock))
  }

  /// Open (true), closed (false) or unknown (nil) at `date`.
  public func isOpen(at date: Date, timeZone: TimeZone, holidays: HolidayCalendar = .france) -> Bool? {
    state(at: date, timeZone: timeZone, holidays: holidays).openFlag
  }

  private func closingTime(
    from day: CalendarDay, interval: DayEvaluator.Interval, evaluator: DayEvaluator, clock: WallClock
  ) -> Date? {
    var end = interval.end
    var current = day
    // An interval that reaches midnight continues when the next day opens at 00:00.
    for _ in 0..<8 {
      guard end >= 1440 else { return clock.date(day: current, minute: end) }
      let next = current.adding(days: 1)
      guard let continuation = evaluator.plan(for: next).intervals.first(where: { $0.start == 0 }) else {
        return clock.date(day: next, minute: 0)
      }
      current = next
      end = continuation.end
    }
    return nil
  }

  private func openingTime(after minute: Int, on day: CalendarDay, evaluator: DayEvaluator, clock: WallClock)
    -> Date?
  {
    for offset in 0..<15 {
      let current = day.adding(days: offset)
      let plan = evaluator.plan(for: current)
      let threshold = offset == 0 ? minute : -1
      if let next = plan.intervals.filter({ $0.start > threshold }).min(by: { $0.start < $1.start }) {
        return clock.date(day: current, minute: next.start)
      }
      if offset > 0, plan.unknown { return nil }
    }
    return nil
  }
}

/// Works out which rules govern each day and the intervals they open, following
/// opening_hours.js: the last rule naming a day governs it (with the `,` rules joined to it), and
/// a span past midnight spills into the next day unless a later rule governs that day.
struct DayEvaluator {
  struct Interval {
    var start: Int
    var end: Int
    var comment: String?
  }

  struct Plan {
    var intervals: [Interval] = []
    var unknown = false
    var unknownComment: String?
  }

  let rules: [OpeningHours.Rule]
  let holidays: HolidayCalendar

  /// Indexes of the rules governing `day`, and the index of the first (non-additional) one.
  func governing(_ day: CalendarDay) -> (first: Int, indexes: [Int])? {
    var result: (first: Int, indexes: [Int])?
    let weekdayBit = UInt8(1) << UInt8(day.weekday)
    var holiday: Bool?
    for (index, rule) in rules.enumerated() {
      let matches: Bool
      if let days = rule.days {
        if days.weekdays & weekdayBit != 0 {
          matches = true
        } else if days.holidays {
          if holiday == nil { holiday = holidays.isHoliday(day) }
          matches = holiday ?? false
        } else {
          matches = false
        }
      } else {
        matches = true
      }
      guard matches else { continue }
      if rule.additional, var current = result {
        current.indexes.append(index)
        result = current
      } else {
        result = (index, [index])
      }
    }
    return result
  }

  func plan(for day: CalendarDay) -> Plan {
    var plan = Plan()
    let today = governing(day)
    // Spill from the previous day's spans past midnight, unless a later rule governs today.
    if let yesterday = governing(day.adding(days: -1)) {
      for index in yesterday.indexes where index >= (today?.first ?? 0) {
        guard case .spans(let spans) = rules[index].action else { continue }
        for span in spans where span.end > 1440 {
          plan.intervals.append(Interval(start: 0, end: span.end - 1440, comment: rules[index].comment))
        }
      }
    }
    guard let today else { return plan }
    for index in today.indexes {
      let rule = rules[index]
      switch rule.action {
      case .spans(let spans):
        for span in spans {
          plan.intervals.append(Interval(start: span.start, end: min(span.end, 1440), comment: rule.comment))
        }
      case .allDay:
        plan.intervals.append(Interval(start: 0, end: 1440, comment: rule.comment))
      case .off:
        break
      case .commentOnly:
        plan.unknown = true
        plan.unknownComment = plan.unknownComment ?? rule.comment
      }
    }
    plan.intervals.sort { $0.start < $1.start }
    return plan
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
