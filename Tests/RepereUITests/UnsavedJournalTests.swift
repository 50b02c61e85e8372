import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

/// Issue 18, point 4: after a failed journal write (a full disk) the answer stays visibly
/// unsaved, is retried, and the quit box never says the case « reste enregistré ».
@Suite struct UnsavedJournalTests {
  @Test func aFailedWriteStaysUnsavedUntilARetrySucceeds() throws {
    let start = try TestWorld.state()
    var (state, effects) = UIProgram.update(start, .key(.character("2")))
    #expect(effects.contains { if case .journal(let events) = $0 { return events.count == 1 } else { return false } })
    state = UIProgram.update(state, .journalFailed("écriture a échoué : No space left on device")).0
    #expect(state.journalUnsaved == 1)
    #expect(UIProgram.render(state).text.contains("journal : 1 NON ENREGISTRÉ(S)"))

    // A second answer on the still-full disk: two unsaved, in order (the runtime keeps them).
    (state, effects) = UIProgram.update(state, .key(.character("1")))
    state = UIProgram.update(state, .journalFailed("écriture a échoué : No space left on device")).0
    #expect(state.journalUnsaved == 2)

    var asking = state
    asking.overlays.append(.confirmQuit)
    let box = UIProgram.render(asking).text
    #expect(box.contains("NON ENREGISTRÉE(S)"))
    #expect(!box.contains("reste enregistré"))

    // Every tick asks the runtime to retry; once a write succeeds all is saved.
    let (ticked, retry) = UIProgram.update(state, .tick(TestWorld.now))
    #expect(retry.contains { if case .journal(let events) = $0 { return events.isEmpty } else { return false } })
    let saved = UIProgram.update(ticked, .journalSaved(count: 0)).0
    #expect(saved.journalUnsaved == 0)
    #expect(saved.journalError == nil)
    #expect(UIProgram.render(saved).text.contains("enregistré"))
  }

  /// The runtime's queue, with a fault-injected writer playing a full disk that frees up.
  @Test func unsavedEventsAreWrittenInOrderOnceSpaceReturns() throws {
    struct DiskFull: Error {}
    var queue = UnsavedEvents()
    var disk: [JournalEvent] = []
    var full = true
    let first = JournalEvent.note(NoteEvent(text: "un", step: nil))
    let second = JournalEvent.note(NoteEvent(text: "deux", step: nil))
    let write: (JournalEvent, Date) throws -> Void = { event, _ in
      if full { throw DiskFull() }
      disk.append(event)
    }
    queue.add([first], at: TestWorld.now)
    #expect(throws: DiskFull.self) { try queue.write(using: write) }
    queue.add([second], at: TestWorld.now)
    #expect(throws: DiskFull.self) { try queue.write(using: write) }
    #expect(queue.count == 2 && disk.isEmpty)
    full = false
    try queue.write(using: write)
    #expect(disk == [first, second])
    #expect(queue.isEmpty)
  }
}
