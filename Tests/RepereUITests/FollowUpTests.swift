import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

/// Issue 12, item 7: quitting after the orientation keeps the case open for follow-ups; `f` in
/// the quit box closes it; `s` records a « suite donnée » in the journal.
@Suite struct FollowUpTests {
  static func journalEvents(_ effects: [Effect]) -> [JournalEvent] {
    effects.flatMap { effect -> [JournalEvent] in
      if case .journal(let events) = effect { return events }
      return []
    }
  }

  @Test func quittingAfterTheOrientationKeepsTheCaseOpen() throws {
    let finished = try TestWorld.finishedCase()
    #expect(finished.walk.isFinished)
    let asking = TestWorld.press([.character("q")], on: finished).0
    #expect(asking.screen == .confirmQuit)
    let box = UIProgram.render(asking).text
    #expect(box.contains("reste ouvert pour noter les suites données"))
    #expect(box.contains("f : clore le dossier"))
    #expect(TestWorld.press([.character("o")], on: asking).1 == [.quit(closeAs: nil)])
    #expect(TestWorld.press([.character("f")], on: asking).1 == [.quit(closeAs: .completed)])
  }

  @Test func beforeTheOrientationThereIsNothingToClose() throws {
    let open = TestWorld.press([.character("2")], on: try TestWorld.state()).0
    let asking = TestWorld.press([.character("q")], on: open).0
    #expect(!UIProgram.render(asking).text.contains("clore"))
    #expect(TestWorld.press([.character("f")], on: asking).1.isEmpty)
    #expect(TestWorld.press([.character("o")], on: asking).1 == [.quit(closeAs: nil)])
  }

  @Test func aFollowUpIsTypedFieldByFieldAndJournaled() throws {
    let finished = try TestWorld.finishedCase()
    let opened = TestWorld.press([.character("s")], on: finished).0
    #expect(opened.screen == .followUp)
    // Who was called is required.
    let refused = TestWorld.press([.tab, .enter], on: opened)
    #expect(refused.0.screen == .followUp)
    #expect(refused.0.status?.kind == .error)
    #expect(refused.1.isEmpty)
    let keys: [KeyPress] =
      TestWorld.type("CRIP 95") + [.tab] + TestWorld.type("23 h 40") + [.tab] + TestWorld.type("IP-4471") + [.tab]
      + TestWorld.type("évaluation ouverte") + [.enter]
    let (recorded, effects) = TestWorld.press(keys, on: opened)
    let expected = FollowUpEvent(
      contact: "CRIP 95", when: "23 h 40", reference: "IP-4471", outcome: "évaluation ouverte")
    #expect(Self.journalEvents(effects) == [.followUp(expected)])
    #expect(recorded.followUps == [expected])
    #expect(recorded.screen == .orientation)
    let all = PlainText.orientation(recorded).joined(separator: "\n")
    #expect(all.contains("Suites données"))
    #expect(all.contains("CRIP 95 (23 h 40) · réf. IP-4471 · évaluation ouverte"))
  }

  @Test func aResumedCaseKeepsItsFollowUps() throws {
    let followUp = FollowUpEvent(contact: "17", outcome: "patrouille envoyée")
    var state = try TestWorld.state()
    let resumed = ResumedWalk(
      caseID: "k3v9q2m7x4aa", walker: try TestWorld.finishedCase().walker, notes: [], openedAt: nil, answerCount: 5,
      followUps: [followUp])
    state = UIProgram.update(state, .resumed(resumed)).0
    #expect(state.followUps == [followUp])
    #expect(state.screen == .orientation)
    #expect(
      ActionTable.action(for: .character("s"), on: state.screen) { state.allows($0, on: .orientation) } == .followUp)
  }

  @Test func plainModeRecordsAFollowUpAndCloses() throws {
    var session = PlainSession(state: try TestWorld.finishedCase())
    let (effects, _) = session.handle(":suite 17 ; 23 h 20 ; PV-118 ; patrouille envoyée")
    #expect(
      Self.journalEvents(effects)
        == [
          .followUp(FollowUpEvent(contact: "17", when: "23 h 20", reference: "PV-118", outcome: "patrouille envoyée"))
        ])
    let (closing, _) = session.handle(":clore")
    #expect(closing.contains(.quit(closeAs: .completed)))
  }
}
