import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

/// Keys a professional types by reflex (Ctrl-S to save, Ctrl-C) and endings that must never lose
/// the note being typed (issue 12, items 2 and 4).
@Suite struct ProfessionalKeysTests {
  let t = TestWorld.type

  func notes(_ effects: [Effect]) -> [String] {
    effects.flatMap { effect -> [String] in
      guard case .journal(let events) = effect else { return [] }
      return events.compactMap { if case .note(let note) = $0 { note.text } else { nil } }
    }
  }

  func drafts(_ effects: [Effect]) -> [String] {
    effects.compactMap { if case .saveDraft(let text) = $0 { text } else { nil } }
  }

  @Test func controlSSavesTheNoteBeingTyped() throws {
    let (state, effects) = TestWorld.press(
      [.character("n")] + t("Rappeler la CPE") + [.control("s")], on: try TestWorld.state())
    #expect(notes(effects) == ["Rappeler la CPE"])
    #expect(state.overlays.isEmpty)
    #expect(state.notesWindow.draft.isEmpty)
    #expect(ActionTable.footer(on: .notes).first { $0.id == .saveNote }?.keyLabel(on: .notes, .fr) == "Ctrl-S")
  }

  @Test func controlCAsksLikeQAndKeepsTheCaseOpen() throws {
    let (asked, effects) = TestWorld.press([.character("2"), .control("c")], on: try TestWorld.state())
    #expect(asked.overlays.last == .confirmQuit)
    #expect(!effects.contains { if case .quit = $0 { true } else { false } })
    // A second Ctrl-C confirms; the unfinished case is suspended, not closed.
    let (_, quitting) = TestWorld.press([.control("c")], on: asked)
    #expect(quitting.contains(.quit(closeAs: nil)))
  }

  @Test func everyKeystrokeOfANoteIsKeptOutsideTheProcess() throws {
    let (_, effects) = TestWorld.press([.character("n")] + t("Léa"), on: try TestWorld.state())
    #expect(drafts(effects) == ["L", "Lé", "Léa"])
  }

  @Test func controlCInTheNoteEditorSavesTheNoteBeforeQuitting() throws {
    let typing = TestWorld.press([.character("2"), .character("n")] + t("Appel du 17"), on: try TestWorld.state()).0
    let (asked, _) = TestWorld.press([.control("c")], on: typing)
    #expect(asked.overlays.last == .confirmQuit)
    #expect(asked.notesWindow.draft == "Appel du 17")
    let (_, effects) = TestWorld.press([.control("c")], on: asked)
    #expect(notes(effects) == ["Appel du 17"])
    #expect(effects.last == .quit(closeAs: nil))
  }

  @Test func aSignalSavesTheNoteBeingTyped() throws {
    let typing = TestWorld.press([.character("n")] + t("Le père rappelle à 18 h"), on: try TestWorld.state()).0
    let (_, effects) = UIProgram.update(typing, .terminate)
    #expect(notes(effects) == ["Le père rappelle à 18 h"])
    #expect(effects.last == .quit(closeAs: nil))
  }
}
