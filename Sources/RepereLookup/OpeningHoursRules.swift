import RepereBase

/// The parsed form of OSM `opening_hours`, as the reference implementations model it: a list of
/// rule sequences joined by `;` (normal), `,` (additional) or `||` (fallback), each with a day
/// selector, time spans and a state (`open`, `closed`/`off`, `unknown`) with an optional comment.
extension OpeningHours {
  enum Kind: Hashable, Sendable {
    case open, closed, unknown
  }

  /// How a rule joins the rules before it.
  enum Operator: Hashable, Sendable {
    /// `;` — replaces the earlier rules on the days it names.
    case normal
    /// `,` — adds to the earlier rules.
    case additional
    /// `||` — applies only where the earlier rules leave the day closed.
    case fallback
  }

  /// A time span in minutes from the start of its day; `end` > `start`, up to 2880 (48:00).
  struct Span: Hashable, Sendable {
    var start: Int
    var end: Int
  }

  struct Rule: Hashable, Sendable {
    var joiner: Operator
    var days: DaySelector
    /// Empty: the whole day.
    var spans: [Span]
    var kind: Kind
    var comment: String?
    /// The rule is only a comment (no times, no state): Repère leaves the state unknown.
    var isCommentOnly: Bool
  }

  /// Which days a rule names. Every part that is present must match; empty parts match all days.
  struct DaySelector: Hashable, Sendable {
    var years: [YearRange] = []
    var monthdays: [MonthdayRange] = []
    var weekdays: [WeekdayRange] = []
    /// `PH`: French public holidays (the département's calendar).
    var holidays = false

    func matches(_ day: CalendarDay, calendar: HolidayCalendar) -> Bool {
      if !years.isEmpty, !years.contains(where: { $0.contains(day.year) }) { return false }
      if !monthdays.isEmpty, !monthdays.contains(where: { $0.contains(day) }) { return false }
      if weekdays.isEmpty && !holidays { return true }
      // The weekday and holiday lists are alternatives: `PH,Mo` names Mondays and holidays.
      if weekdays.contains(where: { $0.contains(day) }) { return true }
      return holidays && calendar.isHoliday(day)
    }
  }

  /// `2026`, `2025-2027`, `2026+`, `2020-2030/2`.
  struct YearRange: Hashable, Sendable {
    var start: Int
    var end: Int
    var step: Int

    func contains(_ year: Int) -> Bool { year >= start && year <= end && (year - start) % step == 0 }
  }

  /// A date as written: `Dec 24`, `easter`, `2026 Jan 01`, with a day offset (`easter -2 days`).
  struct DateSpec: Hashable, Sendable {
    var year: Int?
    var month: Int
    var day: Int
    var isEaster: Bool
    var offset: Int

    /// The date in `year` (its own year when it names one).
    func resolved(in year: Int) -> CalendarDay {
      let base =
        isEaster
        ? HolidayCalendar.easterSunday(year: self.year ?? year)
        : CalendarDay(year: self.year ?? year, month: month, day: day)
      return offset == 0 ? base : base.adding(days: offset)
    }
  }

  /// `Jul-Aug`, `Dec`, `Dec 24-31`, `Dec 24-Jan 02`, `Jan 01`, `easter`, `2026 Dec 24-2027 Jan 02`.
  enum MonthdayRange: Hashable, Sendable {
    case months(year: Int?, from: Int, to: Int)
    case dates(from: DateSpec, to: DateSpec)

    func contains(_ day: CalendarDay) -> Bool {
      switch self {
      case .months(let year, let from, let to):
        guard let year else {
          return from <= to ? (from...to).contains(day.month) : day.month >= from || day.month <= to
        }
        if from <= to { return day.year == year && (from...to).contains(day.month) }
        return (day.year == year && day.month >= from) || (day.year == year + 1 && day.month <= to)
      case .dates(let from, let to):
        if from.year != nil {
          // An absolute range: from its first day to the first `to` on or after it.
          let start = from.resolved(in: day.year)
          var end = to.resolved(in: start.year)
          if end < start, to.year == nil { end = to.resolved(in: start.year + 1) }
          return start <= day && day <= end
        }
        // A yearly range, possibly across the new year (Dec 24-Jan 02).
        let start = from.resolved(in: day.year)
        let end = to.resolved(in: day.year)
        if start <= end { return start <= day && day <= end }
        return day >= start || day <= end
      }
    }
  }

  /// `Mo`, `Mo-Fr`, `Fr-Mo`, `Mo[1]`, `Fr[-1]`, `Sa[1,3]`, `Su[2-3]` (weekday 0 = Monday).
  struct WeekdayRange: Hashable, Sendable {
    var from: Int
    var to: Int
    /// Which occurrences in the month (1…5 from the start, -1…-5 from the end); empty: all.
    var nth: [Int]

    func contains(_ day: CalendarDay) -> Bool {
      let weekday = day.weekday
      let inRange = from <= to ? (from...to).contains(weekday) : weekday >= from || weekday <= to
      guard inRange else { return false }
      if nth.isEmpty { return true }
      let fromStart = (day.day - 1) / 7 + 1
      let fromEnd = -((OpeningHours.monthLength(month: day.month, year: day.year) - day.day) / 7 + 1)
      return nth.contains(fromStart) || nth.contains(fromEnd)
    }
  }
}

extension OpeningHours {
  static func monthLength(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
