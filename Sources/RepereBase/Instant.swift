import Foundation

/// The one reading of instants typed by people and data files (`--now`, scenarios).
public enum Instant {
  /// ISO 8601 with a time zone (`2026-11-29T23:10:00+01:00`, fractional seconds allowed), or,
  /// when `dayAllowed`, a plain day (`2026-11-29`, midnight in Paris).
  public static func parse(_ text: String, dayAllowed: Bool = true) -> Date? {
    if let date = plain(text) { return date }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    guard dayAllowed else { return nil }
    formatter.formatOptions = [.withFullDate]
    formatter.timeZone = CalendarDay.paris
    return formatter.date(from: text)
  }

  /// The usual shape, `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`, read by hand: creating an
  /// `ISO8601DateFormatter` cost ≈ 1 ms, a twentieth of a warm `repere find`. Anything else
  /// (fractions, out-of-range fields) is left to the formatter, so both always agree.
  static func plain(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20 || bytes.count == 25 else { return nil }
    func number(_ start: Int, _ count: Int) -> Int? {
      var value = 0
      for byte in bytes[start..<(start + count)] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    func at(_ position: Int, _ character: Character) -> Bool { bytes[position] == character.asciiValue }
    guard at(4, "-"), at(7, "-"), at(10, "T"), at(13, ":"), at(16, ":"),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
      let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
      (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59,
      second <= 59
    else { return nil }
    var offset = 0
    if bytes.count == 20 {
      guard at(19, "Z") else { return nil }
    } else {
      guard at(19, "+") || at(19, "-"), at(22, ":"), let hours = number(20, 2), let minutes = number(23, 2),
        hours <= 23, minutes <= 59
      else { return nil }
      offset = (hours * 60 + minutes) * 60 * (at(19, "-") ? -1 : 1)
    }
    let seconds = daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    return Date(timeIntervalSince1970: TimeInterval(seconds - offset))
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
