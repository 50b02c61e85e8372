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
