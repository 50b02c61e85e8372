import Foundation
import Testing

@testable import RepereBase

/// `--now` and scenario instants: the hand-read usual shape must give exactly what the
/// ISO 8601 formatter gives, and leave every other text to it.
@Suite struct InstantTests {
  private func formatter(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
  }

  @Test func theUsualShapeReadsAsTheFormatterReadsIt() {
    var texts = [
      "2026-11-30T10:00:00+01:00", "2026-11-29T23:10:00Z", "2024-02-29T00:00:00-05:30", "1970-01-01T00:00:00Z",
      "2000-12-31T23:59:59+14:00", "1969-07-20T20:17:40Z", "2100-03-01T12:00:00+00:00",
    ]
    let offsets = ["Z", "+01:00", "-09:30", "+14:00", "+00:00"]
    for year in [1900, 1968, 1999, 2000, 2024, 2026, 2100, 2399] {
      for month in 1...12 {
        for day in [1, 15, 28] {
          let offset = offsets[(year + month + day) % offsets.count]
          let time = String(format: "%02d:%02d:%02d", (year + day) % 24, (month * 7) % 60, (day * 13) % 60)
          texts.append(String(format: "%04d-%02d-%02dT", year, month, day) + time + offset)
        }
      }
    }
    for text in texts {
      #expect(Instant.plain(text) != nil, "\(text)")
      #expect(Instant.plain(text) == formatter(text), "\(text)")
    }
  }

  @Test func otherTextsAreLeftToTheFormatter() {
    for text in [
      "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-30T24:00:00Z", "2026-11-30 10:00:00Z",
      "2026-11-30T10:00:00", "2026-11-30T10:00:00.5Z", "2026-11-30", "2026-11-30T10:00:00+1:00", "２０２６-11-30T10:00:00Z",
    ] {
      #expect(Instant.plain(text) == nil, "\(text)")
    }
    #expect(Instant.parse("2026-11-30T10:00:00.250+01:00", dayAllowed: false) != nil)
    #expect(Instant.parse("2026-11-30", dayAllowed: false) == nil)
    #expect(Instant.parse("2026-11-30") == Instant.parse("2026-11-29T23:00:00Z"))
  }
}
