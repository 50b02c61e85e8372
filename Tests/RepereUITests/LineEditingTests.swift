import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Issue 12, point 10: the search field had no Ctrl-U / Ctrl-W, and a level reason longer than
/// its field ran off the screen. One editing rule for every typed line; fields scroll.
@Suite struct LineEditingTests {
  @Test func ctrlUClearsAndCtrlWRemovesTheLastWord() {
    var text = "maison des  ados  "
    #expect(LineEditing.edit(&text, with: .control("w")))
    #expect(text == "maison des  ")
    #expect(LineEditing.edit(&text, with: .control("w")))
    #expect(text == "maison ")
    #expect(LineEditing.edit(&text, with: .control("u")))
    #expect(text.isEmpty)
    #expect(!LineEditing.edit(&text, with: .control("u")), "nothing to clear: the field's own key applies")
    #expect(!LineEditing.edit(&text, with: .backspace))
    var note = "première ligne\nseconde"
    #expect(LineEditing.edit(&note, with: .control("u")))
    #expect(note == "première ligne\n", "Ctrl-U clears the line being typed, not the whole note")
  }

  @Test func theSearchFieldTakesCtrlUAndCtrlW() throws {
    let (searching, _) = TestWorld.press([.character("/")] + TestWorld.type("crip val"), on: try TestWorld.state())
    #expect(searching.screen == .search)
    #expect(searching.search.query == "crip val")
    let (word, _) = TestWorld.press([.control("w")], on: searching)
    #expect(word.search.query == "crip ")
    #expect(word.screen == .search)
    let (cleared, _) = TestWorld.press([.control("u")], on: word)
    #expect(cleared.search.query.isEmpty)
    #expect(cleared.screen == .search)
  }

  @Test func aLongLevelReasonScrollsInItsField() throws {
    let reason = "la mineure dit qu'un homme l'attend ce soir à la sortie du foyer avec une voiture grise FIN"
    let keys: [KeyPress] = [.character("l"), .character("1")] + TestWorld.type(reason)
    let (typing, _) = TestWorld.press(keys, on: try TestWorld.state())
    #expect(typing.screen == .levelReason || typing.screen == .raiseLevel)
    #expect(typing.raise.reason == reason)
    let text = UIProgram.render(typing).textLines.joined(separator: "\n")
    #expect(text.contains("voiture grise FIN"), "the end being typed is in view")
    #expect(text.contains("Raison (obligatoire) : …"))
    #expect(TextLayout.tail("abcdef", width: 4) == "…def")
    #expect(TextLayout.tail("abc", width: 4) == "abc")
  }

  /// The place window and the follow-up fields edit by the same rule (they had their own copy,
  /// without Ctrl-U or Ctrl-W).
  @Test func thePlaceWindowAndTheFollowUpFieldsEditByTheSameRule() throws {
    let (typing, _) = TestWorld.press([.control("p")] + TestWorld.type("Saint Denis"), on: try TestWorld.state())
    #expect(typing.screen == .placeEntry)
    let (word, _) = TestWorld.press([.control("w")], on: typing)
    #expect(word.placeEntry.text == "Saint ")
    let (cleared, _) = TestWorld.press([.control("u"), .backspace], on: word)
    #expect(cleared.placeEntry.text.isEmpty)
    #expect(cleared.screen == .placeEntry)
    var followUp = try TestWorld.state()
    followUp.overlays.append(.followUp)
    let (called, _) = TestWorld.press(TestWorld.type("CRIP 95 accueil") + [.control("w")], on: followUp)
    #expect(called.followUpDraft[.contact] == "CRIP 95 ")
  }
}
