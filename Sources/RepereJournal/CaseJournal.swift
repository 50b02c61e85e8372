import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open case journal: appends events, each written and fsync'd before `append` returns.
///
/// Obtained from `JournalStore.create` or `JournalStore.resume`. The file is locked (flock) while
/// open, so a second Repère window cannot write the same case; the lock dies with the process,
/// so a crash never leaves a case locked. Safe to call from several threads (one lock inside).
public final class CaseJournal: @unchecked Sendable {
  /// The case's random id (also the file's name without `.jsonl`).
  public let id: String
  /// The journal file.
  public let url: URL

  private enum State { case open, suspended, ended, unusable }

  private let lock = NSLock()
  private var descriptor: Int32
  private var state = State.open
  private var nextSequence: Int
  /// Bytes known to be on disk: a failed write is cut back to this length.
  private var length: Int
  private let clock: @Sendable () -> Date
  private let timeZone: TimeZone

  init(
    id: String, url: URL, descriptor: Int32, nextSequence: Int, length: Int,
    clock: @escaping @Sendable () -> Date, timeZone: TimeZone
  ) {
    self.id = id
    self.url = url
    self.descriptor = descriptor
    self.nextSequence = nextSequence
    self.length = length
    self.clock = clock
    self.timeZone = timeZone
  }

  deinit {
    if descriptor >= 0 { POSIX.close(descriptor) }
  }

  /// The sequence number of the last event written (0 before the opening).
  public var lastSequence: Int { lock.withLock { nextSequence - 1 } }

  /// True once the `end` event is written.
  public var isEnded: Bool { lock.withLock { state == .ended } }

  /// Appends `event` stamped with the injected clock's time. Returns once the line is on
  /// stable storage (written and fsync'd); throws otherwise — the event is then not saved and
  /// the UI must not show it as saved.
  @discardableResult
  public func append(_ event: JournalEvent) throws -> JournalEntry {
    try append(event, at: clock())
  }

  /// Appends `event` stamped with `date` (for callers that carry their own `now`).
  @discardableResult
  public func append(_ event: JournalEvent, at date: Date) throws -> JournalEntry {
    try lock.withLock {
      switch state {
      case .open: break
      case .ended: throw JournalError.alreadyClosed(id: id)
      case .suspended: throw JournalError.suspended(id: id)
      case .unusable: throw JournalError.unusable(id: id)
      }
      let entry = JournalEntry(
        sequence: nextSequence, time: JournalTimestamp(date: date, timeZone: timeZone), event: event)
      let line: Data
      do {
        line = try entry.encodedLine()
      } catch {
        throw JournalError.encoding(String(describing: error))
      }
      do {
        try POSIX.writeAll(descriptor, line, path: url.path)
      } catch {
        undoPartialWrite()
        throw error
      }
      do {
        try POSIX.sync(descriptor, path: url.path)
      } catch {
        // After a failed fsync the kernel may have dropped the dirty pages: what is on disk is
        // unknown, so refuse further writes rather than pretend.
        state = .unusable
        throw error
      }
      length += line.count
      nextSequence += 1
      if case .end = event {
        state = .ended
        releaseDescriptor()
      }
      return entry
    }
  }

  /// Writes the `end` event and closes the file. The case is then finished: no longer offered
  /// for resuming, still listed, exportable and purgeable.
  @discardableResult
  public func close(outcome: CaseOutcome = .completed, level: String?, path: [String]? = nil) throws -> JournalEntry {
    try append(.end(EndEvent(outcome: outcome, level: level, path: path)))
  }

  /// Closes the file without ending the case (the user quits mid-case, or the terminal is
  /// closing): the next start offers to resume it.
  public func suspend() {
    lock.withLock {
      guard state == .open else { return }
      state = .suspended
      releaseDescriptor()
    }
  }

  private func releaseDescriptor() {
    if descriptor >= 0 { POSIX.close(descriptor) }
    descriptor = -1
  }

  /// Cuts the file back to the last complete event after a failed or short write, so the next
  /// append starts on a clean line. If even that fails, the journal stops accepting writes.
  private func undoPartialWrite() {
    if ftruncate(descriptor, off_t(length)) != 0 {
      state = .unusable
      return
    }
    do {
      try POSIX.sync(descriptor, path: url.path)
    } catch {
      state = .unusable
    }
  }
}
