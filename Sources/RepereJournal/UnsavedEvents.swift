import Foundation

/// Events the journal could not take yet (a full disk, a failed fsync), oldest first, each with
/// the time it happened. They are written before any newer event and each leaves the queue only
/// once it is on disk, so an answer is never skipped nor reordered (issue 18, point 4).
///
/// The writing is injected (`write(using:)`), which is also the fault-injection seam the tests
/// use to play a full disk.
public struct UnsavedEvents: Sendable {
  public private(set) var events: [(event: JournalEvent, at: Date)] = []

  public init() {}

  public var count: Int { events.count }
  public var isEmpty: Bool { events.isEmpty }

  public mutating func add(_ newEvents: [JournalEvent], at date: Date) {
    events += newEvents.map { ($0, date) }
  }

  /// Writes the events in order with `append`, stopping at the first failure (rethrown); what
  /// was written is gone from the queue, the rest stays for the next attempt.
  public mutating func write(using append: (JournalEvent, Date) throws -> Void) throws {
    while let first = events.first {
      try append(first.event, first.at)
      events.removeFirst()
    }
  }
}
