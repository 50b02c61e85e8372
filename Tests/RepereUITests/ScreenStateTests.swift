import Testing

@testable import RepereUI

/// Issue 11, « the UI state by screen »: each screen keeps its own fields, starting afresh in
/// one assignment.
@Suite struct ScreenStateTests {
  /// The help's scroll was kept twice (in its window and in a field of the whole state): opened
  /// from the search it showed the page where an earlier help was left. It lives with the
  /// window now, so the help opens at its top from wherever it is asked.
  @Test func theHelpOpensAtItsTopFromEveryWindow() throws {
    let (scrolled, _) = TestWorld.press([.character("?"), .pageDown, .down], on: try TestWorld.state())
    #expect(scrolled.overlays.last == .help(scroll: 6))
    let (up, _) = TestWorld.press([.pageUp, .pageUp], on: scrolled)
    #expect(up.overlays.last == .help(scroll: 0), "never above its top")
    let (again, _) = TestWorld.press([.escape, .character("/"), .function(1)], on: scrolled)
    #expect(again.overlays == [.search, .help(scroll: 0)])
  }

  /// Opening the orientation starts its page afresh: the first contact, the top line.
  @Test func theOrientationOpensAtItsTop() throws {
    let (opened, _) = TestWorld.press([.character("o")], on: try TestWorld.state())
    #expect(opened.screen == .orientation)
    #expect(opened.orientation == OrientationPage())
  }
}

/// Issue 11, « one dispatch per screen »: each screen's row in `ScreenRole` says the line typed
/// on it; a key and a paste reach that line, and only on typing screens.
@Suite struct ScreenRoleTests {
  @Test func everyTypingScreenTakesKeysAndPastesIntoItsOwnLine() throws {
    for (screen, state) in try ModalAndFooterTests.states() {
      guard let line = screen.role.typedLine else {
        #expect(!screen.isTyping)
        continue
      }
      let before = state[keyPath: line.path].text
      let (typed, _) = TestWorld.press([.character("z")], on: state)
      #expect(typed.screen == screen, "\(screen): a printable key is text there")
      #expect(typed[keyPath: line.path].text == before + "z", "\(screen)")
      let (pasted, effects) = UIProgram.update(typed, .paste("q\u{1B}w"))
      #expect(effects.isEmpty)
      #expect(pasted.screen == screen, "\(screen): the ESC inside the paste closed nothing")
      #expect(pasted[keyPath: line.path].text == before + "zqw", "\(screen)")
      let (erased, _) = TestWorld.press([.backspace, .control("w")], on: pasted)
      #expect(!erased[keyPath: line.path].text.hasSuffix("z"), "\(screen)")
    }
  }

  @Test func aPasteOutsideATypingScreenIsRefused() throws {
    for (screen, state) in try ModalAndFooterTests.states() where !screen.isTyping {
      let (after, effects) = UIProgram.update(state, .paste("1"))
      #expect(effects.isEmpty)
      #expect(after.screen == screen)
      #expect(after.status?.kind == .error, "\(screen): said to be ignored")
    }
  }
}
