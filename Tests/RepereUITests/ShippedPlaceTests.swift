import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

/// Issue 12, item 6: the place can be set or changed at any moment (`p`, `:lieu` in plain mode),
/// the urgent path included; without a place the orientation says the place is missing, never
/// that the directory lacks a record.
@Suite struct ShippedPlaceTests {
  static func journalEvents(_ effects: [Effect]) -> [JournalEvent] {
    effects.flatMap { effect -> [JournalEvent] in
      if case .journal(let events) = effect { return events }
      return []
    }
  }

  /// « Danger immédiat » answered yes, the advice read: the urgent orientation, no place asked.
  static func urgentOrientation(size: GridSize = .minimum) -> AppState {
    TestWorld.press([.character("1"), .enter], on: ShippedWorld.state(size: size)).0
  }

  /// The orientation as one line of words (wrapping does not split what is searched).
  static func orientationText(_ state: AppState) -> String {
    PlainText.orientation(state).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @Test func withoutAPlaceTheOrientationSaysThePlaceIsMissingAndWhichKeyGivesIt() throws {
    let state = Self.urgentOrientation()
    #expect(state.screen == .orientation)
    #expect(state.walk.place == nil)
    let text = Self.orientationText(state)
    #expect(text.contains("lieu non précisé : indiquez-le (touche p)"))
    #expect(!text.contains("à compléter dans l'annuaire"))
    #expect(ActionTable.footer(on: .orientation).contains { $0.id == .setPlace })
    #expect(ActionTable.footer(on: .question).contains { $0.id == .setPlace })
    #expect(ActionTable.action(for: .control("p"), on: .typedQuestion) == .setPlace)
  }

  /// Issue 12, item 10, on the shipped bundle (the fixture test used the place index directly):
  /// « Sarcele » is offered as Sarcelles (95), never taken silently.
  @Test func aMistypedPlaceIsOfferedWithTheShippedReferenceData() throws {
    let opened = TestWorld.press([.character("p")], on: Self.urgentOrientation()).0
    let (offered, effects) = TestWorld.press(TestWorld.type("Sarcele") + [.enter], on: opened)
    #expect(offered.screen == .placeChoice)
    #expect(offered.placeChoice.suggested)
    #expect(offered.placeChoice.candidates.first?.label.contains("Sarcelles") == true)
    #expect(offered.walk.place == nil)
    #expect(!Self.journalEvents(effects).contains { if case .place = $0 { true } else { false } })
  }

  @Test func thePlaceIsSetOnTheUrgentPathAndTheDepartementsContactsFollow() throws {
    let state = Self.urgentOrientation()
    let opened = TestWorld.press([.character("p")], on: state).0
    #expect(opened.screen == .placeEntry)
    let (placed, effects) = TestWorld.press(TestWorld.type("Sarcelles") + [.enter], on: opened)
    #expect(placed.overlays.isEmpty)
    #expect(placed.walk.place?.departement == "95")
    #expect(placed.walk.place?.label.contains("Sarcelles") == true)
    #expect(Self.journalEvents(effects).contains { if case .place = $0 { true } else { false } })
    let text = Self.orientationText(placed)
    #expect(!text.contains("lieu non précisé"))
    // The parquet and the CRIP of the 95 are now found (the example directory of the 95).
    let kinds = placed.contactsByQuery.values.flatMap { $0 }.filter { !$0.query.kinds.isEmpty }
    #expect(kinds.contains { $0.query.kinds.contains("parquet") && !$0.matches.isEmpty })
    #expect(UIProgram.render(placed).textLines[0].contains("Sarcelles"))
  }

  @Test func anUnknownPlaceKeepsTheWindowOpenWithTheText() throws {
    let opened = TestWorld.press([.character("p")], on: Self.urgentOrientation()).0
    let (after, effects) = TestWorld.press(TestWorld.type("Zzzyx") + [.enter], on: opened)
    #expect(after.screen == .placeEntry)
    #expect(after.placeEntry.line == "Zzzyx")
    #expect(after.status?.kind == .error)
    #expect(effects.isEmpty)
    let closed = TestWorld.press([.escape], on: after).0
    #expect(closed.screen == .orientation)
    #expect(closed.walk.place == nil)
  }

  @Test func changingAnAnsweredPlaceChangesTheAnswerWithAReason() throws {
    let finished = try ShippedWorld.walked("15-tiers-organisateur-sarcelles", size: .minimum)
    #expect(finished.walk.place?.departement == "95")
    let (moved, effects) = TestWorld.press(
      [.character("p")] + TestWorld.type("Beauvais") + [.enter], on: finished)
    #expect(moved.walk.place?.departement == "60")
    let change = Self.journalEvents(effects).compactMap { event -> ChangeEvent? in
      if case .change(let change) = event { return change }
      return nil
    }.first
    #expect(change?.reason == "lieu précisé par le professionnel")
    #expect(change?.place?.departement == "60")
  }

  @Test func plainModeSetsThePlaceWithACommand() throws {
    var session = PlainSession(state: Self.urgentOrientation())
    let (_, usage) = session.handle(":lieu")
    #expect(usage == [Chrome.plainPlaceUsage(.fr)])
    _ = session.handle(":lieu Sarcelles")
    #expect(session.state.walk.place?.departement == "95")
    #expect(session.state.overlays.isEmpty)
    _ = session.handle(":lieu Zzzyx")
    #expect(session.statusText?.hasPrefix("! ") == true)
    #expect(session.state.overlays.isEmpty)
  }
}
