import Foundation

/// The fixed clock of every test: one instant, and a clock the test moves by hand.
public final class TestClock: @unchecked Sendable {
  /// 29 Nov 2026 23:10 in Paris (2026-11-29T23:10:00+01:00), a Sunday night call: the instant
  /// the fixture cases and scenarios start at.
  public static let caseStart = Date(timeIntervalSince1970: 1_795_990_200)

  private let lock = NSLock()
  private var current: Date

  public init(_ start: Date = TestClock.caseStart) { current = start }

  public var now: Date { lock.withLock { current } }

  public func advance(minutes: Double) {
    lock.withLock { current = current.addingTimeInterval(minutes * 60) }
  }

  public func advance(days: Double) {
    lock.withLock { current = current.addingTimeInterval(days * 86_400) }
  }

  /// An ISO 8601 instant the test knows is valid (tests write explicit offsets).
  public static func date(_ iso: String) -> Date {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: iso) { return date }
    preconditionFailure("not an ISO 8601 instant: \(iso)")
  }
}
