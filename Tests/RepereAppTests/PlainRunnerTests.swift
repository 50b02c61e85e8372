import Foundation
import RepereApp
import RepereBundle
import RepereJournal
import RepereTestSupport
import Testing

/// The plain mode as the program runs it (`repere start --plain`), with lines in memory: the
/// journal written, closed with its path, and a replay of it on the same data agreeing.
@Suite struct PlainRunnerTests {
  static let caseToOrientation = ["2", "1", "Cergy", "15", "2", "1,2"]

  @Test func aScriptedCaseIsJournaledClosedAndReplaysTheSame() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    let setup = try world.setup()
    let script = ScriptedLines(Self.caseToOrientation + [":clore"])
    let runner = PlainRunner(setup: setup, language: .fr, effects: CaseEffects(setup: setup), lines: script.lines)
    let status = runner.run(place: nil)
    #expect(status == 0, "\(script.errors)")
    #expect(script.output.hasPrefix("Question 1 — L'enfant est-il en danger immédiat"))
    #expect(script.output.contains("Signaler au procureur"))
    let store = try #require(setup.store)
    let journals = try store.list()
    #expect(journals.count == 1)
    let journal = try #require(journals.first)
    #expect(script.output.contains("journal : \(journal.url.path)"))
    #expect(journal.isFinished)
    let reading = try store.read(id: journal.id)
    let record = RecordedCase(caseID: journal.id, reading: reading)
    #expect(record.end?.event.path?.first == "securite")
    let (bundle, _) = DataBundle.load(from: TestPaths.fixture("ui-bundle"))
    let outcome = try JournalReplay.run(ReplayScript(record, entries: reading.entries), in: bundle)
    #expect(outcome.path == record.end?.event.path)
    #expect(JournalReplay.isSame(record, outcome))
  }

  @Test func endOfInputSuspendsTheCaseForResuming() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    let setup = try world.setup()
    let script = ScriptedLines(["2"])
    let runner = PlainRunner(setup: setup, language: .fr, effects: CaseEffects(setup: setup), lines: script.lines)
    #expect(runner.run(place: nil) == 0)
    let unfinished = try #require(setup.store).unfinishedCases()
    #expect(unfinished.count == 1)
    #expect(script.output.contains("Question 2"))
  }

  @Test func quittingWithoutAWordLeavesNoJournal() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    let setup = try world.setup()
    let script = ScriptedLines([":quitter", "o"])
    let runner = PlainRunner(setup: setup, language: .fr, effects: CaseEffects(setup: setup), lines: script.lines)
    #expect(runner.run(place: nil) == 0)
    #expect(!script.output.contains("journal : "))
    #expect(!FileManager.default.fileExists(atPath: world.journals.path))
  }
}
