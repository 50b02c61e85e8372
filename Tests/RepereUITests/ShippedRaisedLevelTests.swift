import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

/// Issue 12, item 5: raising the level with `l` brings that level's actions and contacts to the
/// top of the orientation, and the journal (hence the export) lists them.
@Suite struct ShippedRaisedLevelTests {
  static func journalEvents(_ effects: [Effect]) -> [JournalEvent] {
    effects.flatMap { effect -> [JournalEvent] in
      if case .journal(let events) = effect { return events }
      return []
    }
  }

  /// `l`, the first higher level (urgence), a reason, Enter.
  static func raiseToUrgence(_ state: AppState) -> (AppState, [Effect]) {
    TestWorld.press(
      [.character("l"), .character("1")] + TestWorld.type("l'adulte est revenu") + [.enter], on: state)
  }

  @Test func raisingAFinishedSignalementToUrgencePutsTheSeventeenFirst() throws {
    let finished = try ShippedWorld.walked("15-tiers-organisateur-sarcelles", size: .minimum)
    #expect(finished.walk.level?.id == "signalement")
    #expect(finished.walk.dispositions.first?.level.id == "signalement")
    let (raised, effects) = Self.raiseToUrgence(finished)
    #expect(raised.walk.level?.id == "urgence")
    let first = try #require(raised.walk.dispositions.first)
    #expect(first.level.id == "urgence")
    #expect(first.title.contains("17"))
    #expect(raised.orientationContacts.first?.match.structureID == "national/17")
    #expect(raised.orientationContacts.prefix(2).map(\.match.structureID) == ["national/17", "national/112"])
    // The orientation opens on the urgent disposition and its first action.
    let screen = UIProgram.render(raised).text
    #expect(screen.contains("appeler le 17"))
    // Journaled with the contacts as shown: the export (from the journal) lists them.
    let dispositions = Self.journalEvents(effects).compactMap { event -> DispositionEvent? in
      if case .disposition(let disposition) = event { return disposition }
      return nil
    }
    let urgent = try #require(dispositions.first { $0.level == "urgence" })
    #expect(urgent.contacts.map(\.id).prefix(2) == ["national/17", "national/112"])
    #expect(urgent.contacts.first?.phone == "17")
    #expect(!urgent.actions.isEmpty)
    #expect(CaseSummary(state: raised).text.contains("17 — Police secours"))
  }

  @Test func raisingAtTheFirstQuestionBringsTheUrgentActionsAtOnce() throws {
    let state = ShippedWorld.state()
    let (raised, _) = Self.raiseToUrgence(state)
    #expect(raised.walk.level?.id == "urgence")
    #expect(raised.walk.dispositions.map(\.level.id) == ["urgence"])
    #expect(raised.walk.current != nil)
    let orientation = TestWorld.press([.character("o")], on: raised).0
    #expect(UIProgram.render(orientation).text.contains("appeler le 17"))
  }
}
