import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Issue 12, point 10: the search field had no Ctrl-U / Ctrl-W, and a level reason longer than
/// its field ran off the screen. Issue 11: every typed line is one value type, `LineEditor`,
/// with one editing rule; fields scroll.
@Suite struct LineEditorTests {
  /// `line` after `keys` in turn, and whether each key was an edit.
  private func typing(_ keys: [KeyPress?], into line: LineEditor) -> (line: LineEditor, edits: [Bool]) {
    var line = line
    var edits: [Bool] = []
    for key in keys { edits.append(line.edit(with: key)) }
    return (line, edits)
  }

  @Test func ctrlUClearsAndCtrlWRemovesTheLastWord() {
    let word = typing([.control("w")], into: "maison des  ados  ")
    #expect(word.line == "maison des  ")
    let words = typing([.control("w"), .control("w")], into: "maison des  ados  ")
    #expect(words.line == "maison ")
    let cleared = typing([.control("u"), .control("u"), .control("w"), .backspace], into: words.line)
    #expect(cleared.line.isEmpty)
    #expect(cleared.edits == [true, false, false, false], "nothing left to remove: the field's own key applies")
    let note = typing([.control("u")], into: "première ligne\nseconde")
    #expect(note.line == "première ligne\n", "Ctrl-U clears the line being typed, not the whole note")
    let tab = typing([.control("w")], into: "appel\tCRIP")
    #expect(tab.line == "appel\t", "a word ends at any blank")
  }

  @Test func charactersAreAppendedAndOtherKeysAreNotEdits() {
    let typed = typing([.character("1"), .character("5"), .character(" "), .character("a")], into: LineEditor())
    #expect(typed.line.text == "15 a")
    #expect(typed.edits == [true, true, true, true])
    #expect(LineEditor(" 15 a  ").trimmed == "15 a")
    let others: [KeyPress?] = [.enter, .escape, .left, .tab, .control("s"), .function(2), nil]
    let untouched = typing(others, into: typed.line)
    #expect(untouched.line.text == "15 a")
    #expect(untouched.edits == others.map { _ in false }, "these keys belong to the field")
    var line = typed.line
    line.clear()
    #expect(line.isEmpty)
  }

  /// ⌫ removes what people see as one character: a wide one, an accent typed as a combining
  /// mark after its letter, an emoji with its skin tone.
  @Test func backspaceRemovesOneWholeCharacter() {
    #expect(typing([.backspace, .backspace], into: LineEditor("Noe\u{0308}l")).line.text == "No")
    #expect(typing([.backspace], into: "東京都").line == "東京")
    #expect(typing([.backspace], into: "ok 👍🏽").line == "ok ")
    #expect(CharacterWidth.of(typing([.character("東")], into: "a").line.text) == 3)
  }

  /// A paste is text: terminal control characters are dropped, CR removed, a line break is a
  /// space in a one-line field and kept in a note; past `maximumPaste` the rest is dropped.
  @Test func aPasteIsCleanedAndBounded() {
    var field: LineEditor = "rue "
    let fieldCut = field.paste("des\u{1B}[31m Lilas\r\n93\u{07}", keepsLines: false)
    #expect(!fieldCut)
    #expect(field == "rue des[31m Lilas 93")
    var note = LineEditor()
    let noteCut = note.paste("ligne 1\r\nligne 2\u{1B}", keepsLines: true)
    #expect(!noteCut)
    #expect(note == "ligne 1\nligne 2")
    var long = LineEditor("x")
    let longCut = long.paste(String(repeating: "é", count: LineEditor.maximumPaste + 10), keepsLines: false)
    #expect(longCut)
    #expect(long.text.count == LineEditor.maximumPaste + 1, "the paste is bounded, not what was typed before")
    var empty = LineEditor()
    let emptyCut = empty.paste("\u{1B}\u{07}", keepsLines: false)
    #expect(!emptyCut)
    #expect(empty.isEmpty)
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
    #expect(typing.raise.reason.text == reason)
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
    #expect(word.placeEntry.line == "Saint ")
    let (cleared, _) = TestWorld.press([.control("u"), .backspace], on: word)
    #expect(cleared.placeEntry.line.isEmpty)
    #expect(cleared.screen == .placeEntry)
    var followUp = try TestWorld.state()
    followUp.overlays.append(.followUp)
    let (called, _) = TestWorld.press(TestWorld.type("CRIP 95 accueil") + [.control("w")], on: followUp)
    #expect(called.followUpDraft[.contact] == "CRIP 95 ")
  }
}

/// The place window and the follow-up fields cut a long line by columns like the other fields
/// (`TextLayout.tail`): they counted characters, so a line of wide characters ran past the box.
@Suite struct TypedLineDisplayTests {
  @Test func aLongLineOfWideCharactersStaysInItsBox() throws {
    var state = try TestWorld.state()
    let wide = LineEditor(String(repeating: "東", count: 60))
    state.placeEntry.line = wide
    state.followUpDraft[.reference] = wide
    let box = ModalBox(state: state)
    for line in box.placeEntryLines(width: 70) + box.followUpLines(width: 70) {
      let text = line.spans.map(\.text).joined()
      #expect(CharacterWidth.of(text) <= 70, "\(text)")
    }
    let shown = box.placeEntryLines(width: 70).map { $0.spans.map(\.text).joined() }
    #expect(shown.contains { $0.contains("…東東") }, "\(shown)")
  }
}
