import Foundation

/// The one reading of instants typed by people and data files (`--now`, scenarios).
public enum Instant {
  /// ISO 8601 with a time zone (`2026-11-29T23:10:00+01:00`, fractional seconds allowed), or,
  /// when `dayAllowed`, a plain day (`2026-11-29`, midnight in Paris).
  public static func parse(_ text: String, dayAllowed: Bool = true) -> Date? {
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
}
