import Foundation
import RepereJournal

/// A key as the interface understands it, independent of curses codes.
public enum KeyPress: Hashable, Sendable {
  case character(Character)
  case up, down, left, right
  case enter, backspace, delete, escape, tab
  case pageUp, pageDown, home, end
  case function(Int)
  /// Ctrl + a letter (lowercase).
  case control(Character)
}

/// Everything that can happen to the interface: keys, clock, size, and the results of effects.
public enum Msg: Hashable, Sendable {
  case key(KeyPress)
  /// An action by name, as the plain mode's commands send it: the same table decides whether it
  /// applies on the screen, and the same screen handler carries it out, without a key.
  case action(ActionID)
  /// A mouse click at a cell.
  case click(x: Int, y: Int)
  /// Text pasted in the terminal (bracketed paste): text for the field it lands in, never keys.
  case paste(String)
  case resized(GridSize)
  /// The clock moved (the runtime ticks about every 100 ms).
  case tick(Date)
  /// The journal wrote `count` records.
  case journalSaved(count: Int)
  case journalFailed(String)
  case exported(path: String)
  case exportFailed(String)
  /// SIGTERM, SIGHUP or SIGINT: flush and leave.
  case terminate
  /// The runtime reopened a suspended case (`Effect.resume`, or `--resume` at start).
  case resumed(ResumedWalk)
  /// The case could not be reopened (closed meanwhile, open in another window…).
  case resumeFailed(String)
  /// The data services (directory, places, contacts) finished loading in the background, while
  /// the questions were already answerable.
  case servicesLoaded(LoadedServices)
}

/// Services delivered by the background load, carried by `Msg.servicesLoaded`. A delivery is
/// equal only to itself: services hold lookups that cannot be compared, and arrive once.
public final class LoadedServices: Hashable, Sendable {
  public let services: AppServices

  public init(_ services: AppServices) {
    self.services = services
  }

  public static func == (lhs: LoadedServices, rhs: LoadedServices) -> Bool { lhs === rhs }

  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// Work the runtime does on the interface's behalf, then reports back as a `Msg`.
public enum Effect: Hashable, Sendable {
  /// Append these events to the case journal (durably, before reporting `journalSaved`).
  case journal([JournalEvent])
  /// Export the case summary; `fallback` is the interface's own text summary, used when no
  /// journal is available to export from.
  case export(fallback: String, suggestedName: String)
  /// Leave the program: the journal is closed as `outcome` (a finished case) or suspended
  /// (nil: the case can be resumed later).
  case quit(closeAs: CaseOutcome?)
  /// Keep the note being typed (an empty text: none) where it survives the process, until it is
  /// saved as a note.
  case saveDraft(String)
  /// Reopen the unfinished case `caseID` in place of the new, empty one (answered by
  /// `Msg.resumed` or `Msg.resumeFailed`).
  case resume(caseID: String)
}
