import RepereBase
import RepereJournal
import Testing

@testable import RepereTerminal
@testable import RepereUI

/// Issue 18, point 6: an ESC inside pasted text closed the note editor and the rest of the paste
/// (digits) recorded answers. With bracketed paste, pasted text is text in the field it lands in.
@Suite struct PasteTests {
  static let hostilePaste = "Appel de 14 h\u{1B}2\u{1B}[A1 1 2\u{1B}\u{1B}\nq0y\u{07}fin"

  /// The terminal side: everything between the markers is the paste, ESC and digits included;
  /// the end marker ends it and is not kept.
  @Test func theCollectorKeepsEscapesAndDigitsUntilTheEndMarker() {
    var collector = BracketedPaste.Collector()
    var ended = false
    for scalar in (Self.hostilePaste + "\u{1B}[201~").unicodeScalars {
      #expect(!ended, "the paste ended early")
      ended = collector.feed(scalar.value)
    }
    #expect(ended)
    #expect(collector.text == Self.hostilePaste)
  }

  /// A paste is cut at `maximumKept` characters but still read to its end marker, so the rest
  /// never comes back as keys.
  @Test func anOverlongPasteIsReadToItsEndButKeptBounded() {
    var collector = BracketedPaste.Collector()
    var ended = false
    for _ in 0..<(BracketedPaste.maximumKept + 5_000) { ended = collector.feed(UInt32(UInt8(ascii: "1"))) || ended }
    for scalar in "\u{1B}[201~".unicodeScalars { ended = collector.feed(scalar.value) }
    #expect(ended)
    #expect(collector.text.count == BracketedPaste.maximumKept)
  }

  @Test func aPasteWithEscapeAndDigitsLandsAsTextInTheNote() throws {
    let (editing, _) = TestWorld.press([.character("n")], on: try TestWorld.state())
    #expect(editing.overlays.last == .notes)
    let (pasted, effects) = UIProgram.update(editing, .paste(Self.hostilePaste))
    #expect(effects.isEmpty, "a paste records nothing by itself")
    #expect(pasted.overlays.last == .notes, "the ESC inside the paste did not close the editor")
    #expect(pasted.walk.path.isEmpty, "the digits inside the paste answered nothing")
    // Control characters are dropped (never drawn), the line break kept, the rest is text.
    #expect(pasted.notesWindow.draft == "Appel de 14 h2[A1 1 2\nq0yfin")
    let (saved, _) = TestWorld.press([.escape], on: pasted)
    #expect(saved.notes.map(\.text) == ["Appel de 14 h2[A1 1 2\nq0yfin"])
    #expect(saved.walk.path.isEmpty)
  }

  @Test func aPasteOnAQuestionAnswersNothing() throws {
    let state = try TestWorld.state()
    let (after, effects) = UIProgram.update(state, .paste("2\u{1B}1"))
    #expect(after.walk.path.isEmpty)
    #expect(effects.isEmpty)
    #expect(after.status?.kind == .error)
  }

  /// Issue 18, point 5: a 10,000-character paste is cut to `maximumPaste` and said so.
  @Test func aTenThousandCharacterPasteIsCutAndSaidSo() throws {
    let (editing, _) = TestWorld.press([.character("n")], on: try TestWorld.state())
    let (pasted, _) = UIProgram.update(editing, .paste(String(repeating: "mot ", count: 2_500)))
    #expect(pasted.notesWindow.draft.text.count == AppState.maximumPaste)
    #expect(pasted.status?.kind == .error)
    #expect(UIProgram.render(pasted).text.contains("tronqué"))
  }
}
