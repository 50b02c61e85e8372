import Foundation

/// A calendar day without time or zone (`2026-11-01`), as data files write dates: protocol
/// validity and review dates, directory `date_maj`, public holidays, resource dates.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `date` falls on in `timeZone` (Europe/Paris for the cases' clock).
  public init(_ date: Date, timeZone: TimeZone = CalendarDay.paris) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
  }

  /// Europe/Paris, the clock of protocol dates (UTC when the zone database is missing).
  public static let paris: TimeZone = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 0) ?? .current

  /// Parses `YYYY-MM-DD`; nil for anything else or an impossible day.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public var description: String {
    let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
    let day = self.day < 10 ? "0\(self.day)" : "\(self.day)"
    return "\(year)-\(month)-\(day)"
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic without a calendar.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The day `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// The day `count` days later (or earlier when negative).
  public func adding(days count: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + count) }

  /// 0 = Monday … 6 = Sunday.
  public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }
}
