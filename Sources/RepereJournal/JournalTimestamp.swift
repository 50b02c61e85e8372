import Foundation

/// An instant with the UTC offset it was recorded in: `2026-11-29T23:10:00+01:00`.
///
/// The offset is kept so an export shows the local time the professional saw, whatever the
/// time zone of the machine that reads the journal later. Whole seconds only.
public struct JournalTimestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var date: Date
  /// Seconds east of UTC.
  public var utcOffsetSeconds: Int

  /// `date` truncated to the second, with the offset `timeZone` has at that instant.
  public init(date: Date, timeZone: TimeZone) {
    self.date = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
    self.utcOffsetSeconds = timeZone.secondsFromGMT(for: date)
  }

  public init(date: Date, utcOffsetSeconds: Int) {
    self.date = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
    self.utcOffsetSeconds = utcOffsetSeconds
  }

  /// The wall-clock fields in the recorded offset.
  public var components: DateComponents {
    calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
  }

  private var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
    return calendar
  }

  /// ISO 8601 with the offset: `2026-11-29T23:10:00+01:00` (`Z` is never written, `+00:00` is).
  public var description: String {
    let parts = components
    let offset = abs(utcOffsetSeconds) / 60
    let sign = utcOffsetSeconds < 0 ? "-" : "+"
    return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):"
      + "\(pad(parts.second))\(sign)\(pad(offset / 60)):\(pad(offset % 60))"
  }

  /// « 29/11/2026 »
  public var frenchDate: String {
    let parts = components
    return "\(pad(parts.day))/\(pad(parts.month))/\(pad(parts.year, 4))"
  }

  /// « 23:10 »
  public var frenchTime: String {
    let parts = components
    return "\(pad(parts.hour)):\(pad(parts.minute))"
  }

  /// « UTC+01:00 »
  public var offsetLabel: String {
    let offset = abs(utcOffsetSeconds) / 60
    return "UTC\(utcOffsetSeconds < 0 ? "-" : "+")\(pad(offset / 60)):\(pad(offset % 60))"
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM` (fractions of a second ignored).
  public init?(parsing text: String) {
    let scalars = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= scalars.count else { return nil }
      var value = 0
      for byte in scalars[start..<(start + count)] {
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    func byte(_ index: Int, is expected: Character) -> Bool {
      index < scalars.count && Character(UnicodeScalar(scalars[index])) == expected
    }
    guard let year = number(0, 4), byte(4, is: "-"), let month = number(5, 2), byte(7, is: "-"),
      let day = number(8, 2), byte(10, is: "T"), let hour = number(11, 2), byte(13, is: ":"),
      let minute = number(14, 2), byte(16, is: ":"), let second = number(17, 2)
    else { return nil }
    var index = 19
    if byte(index, is: ".") {
      index += 1
      while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 { index += 1 }
    }
    let offset: Int
    if byte(index, is: "Z"), index + 1 == scalars.count {
      offset = 0
    } else if byte(index, is: "+") || byte(index, is: "-"), let hours = number(index + 1, 2),
      byte(index + 3, is: ":"), let minutes = number(index + 4, 2), index + 6 == scalars.count
    {
      offset = (hours * 3600 + minutes * 60) * (byte(index, is: "-") ? -1 : 1)
    } else {
      return nil
    }
    guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
    calendar.timeZone = zone
    let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    guard let date = calendar.date(from: parts) else { return nil }
    self.init(date: date, utcOffsetSeconds: offset)
  }

  public static func < (lhs: JournalTimestamp, rhs: JournalTimestamp) -> Bool { lhs.date < rhs.date }
}

private func pad(_ value: Int?, _ width: Int = 2) -> String {
  let text = String(value ?? 0)
  return String(repeating: "0", count: max(0, width - text.count)) + text
}
