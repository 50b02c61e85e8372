import RepereBase

/// French public holidays (jours fériés), for the `PH` selector of opening hours.
///
/// Metropolitan France has eleven; Alsace-Moselle (57, 67, 68) adds Good Friday and
/// 26 December; each overseas département adds the day slavery was abolished there.
public struct HolidayCalendar: Hashable, Sendable {
  /// Extra fixed days (month, day) on top of the national list.
  public var extraFixedDays: [FixedDay]
  /// Whether Good Friday is a holiday (Alsace-Moselle).
  public var goodFriday: Bool

  /// A day that falls on the same date every year.
  public struct FixedDay: Hashable, Sendable {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) {
      self.month = month
      self.day = day
    }
  }

  public init(extraFixedDays: [FixedDay] = [], goodFriday: Bool = false) {
    self.extraFixedDays = extraFixedDays
    self.goodFriday = goodFriday
  }

  /// The eleven national holidays.
  public static let france = HolidayCalendar()

  /// The holidays that apply in a département.
  public static func forDepartement(_ code: String) -> HolidayCalendar {
    switch code {
    case "57", "67", "68": return HolidayCalendar(extraFixedDays: [FixedDay(month: 12, day: 26)], goodFriday: true)
    case "971": return HolidayCalendar(extraFixedDays: [FixedDay(month: 5, day: 27)])
    case "972": return HolidayCalendar(extraFixedDays: [FixedDay(month: 5, day: 22)])
    case "973": return HolidayCalendar(extraFixedDays: [FixedDay(month: 6, day: 10)])
    case "974": return HolidayCalendar(extraFixedDays: [FixedDay(month: 12, day: 20)])
    case "976": return HolidayCalendar(extraFixedDays: [FixedDay(month: 4, day: 27)])
    default: return .france
    }
  }

  private static let nationalFixedDays: Set<Int> = [101, 501, 508, 714, 815, 1101, 1111, 1225]

  /// Whether `day` is a public holiday.
  public func isHoliday(_ day: CalendarDay) -> Bool {
    if Self.nationalFixedDays.contains(day.month * 100 + day.day) { return true }
    if extraFixedDays.contains(FixedDay(month: day.month, day: day.day)) { return true }
    // Easter Monday, Ascension, Whit Monday (+ Good Friday in Alsace-Moselle).
    guard (3...6).contains(day.month) else { return false }
    let offset = day.dayNumber - Self.easterSunday(year: day.year).dayNumber
    return offset == 1 || offset == 39 || offset == 50 || (goodFriday && offset == -2)
  }

  /// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).
  public static func easterSunday(year: Int) -> CalendarDay {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CalendarDay(year: year, month: month, day: day)
  }
}
