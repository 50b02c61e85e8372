import Foundation
import RepereApp
import RepereJournal
import RepereTestSupport
import RepereUI
import Testing

@Suite struct CaseEffectsTests {
  /// A state of the fixture's new case, for effects that read it.
  static func state(_ setup: CaseSetup) -> AppState {
    UIProgram.start(
      walker: setup.makeWalker(now: TestClock.caseStart, language: .fr), services: setup.services, language: .fr,
      size: .minimum, now: TestClock.caseStart, placeText: nil
    ).0
  }

  @Test func withoutAJournalFolderTheExportGoesToTheWorkingDirectory() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    let setup = try world.setup(journaled: false)
    let effects = CaseEffects(setup: setup)
    let messages = effects.perform(.export(fallback: "Synthèse\n", suggestedName: "synthese.md"), Self.state(setup))
    let exported = world.workingDirectory.appendingPathComponent("exports/synthese.md")
    #expect(messages.contains { if case .exported(let path) = $0 { path == exported.path } else { false } })
    #expect(try String(contentsOf: exported, encoding: .utf8) == "Synthèse\n")
    #expect(effects.journalPath == nil)
  }

  @Test func aJournalWriteFailsClearlyWithoutAJournalFolder() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    let setup = try world.setup(journaled: false)
    let effects = CaseEffects(setup: setup)
    let messages = effects.perform(
      .journal([.note(NoteEvent(text: "appel reçu", step: nil))]), Self.state(setup))
    #expect(messages.contains { if case .journalFailed = $0 { true } else { false } })
    effects.finish()
    #expect(effects.exitProblem?.contains("NON ENREGISTRÉE") == true)
  }

  @Test func aTrainingDebriefIsNeverWrittenOverAnEarlierOne() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    let setup = try world.setup(journaled: false)
    let effects = TrainingEffects(folder: world.workingDirectory)
    let state = Self.state(setup)
    let first = effects.perform(.export(fallback: "un", suggestedName: "debrief.md"), state)
    let second = effects.perform(.export(fallback: "deux", suggestedName: "debrief.md"), state)
    let paths = (first + second).compactMap { if case .exported(let path) = $0 { path } else { nil } }
    #expect(paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["debrief.md", "debrief-2.md"])
    #expect(effects.perform(.quit(closeAs: nil), state).isEmpty)
  }
}
