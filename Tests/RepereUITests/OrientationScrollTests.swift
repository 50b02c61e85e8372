import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// The orientation of the shipped protocol scrolls (issue 12, item 1): it opens at its top,
/// scrolls by line and page, goes to the start and the end, and a chosen contact is on screen.
@Suite struct OrientationScrollTests {
  static let small = GridSize(columns: 80, rows: 24)

  static func orientation() throws -> AppState {
    let state = try ShippedWorld.walked("06-echange-sexuel-cergy", size: small)
    try #require(state.screen == .orientation)
    return state
  }

  func text(_ state: AppState) -> String { UIProgram.render(state).text }

  @Test func itOpensAtItsTopWithTheLevelAndWhatToDoFirst() throws {
    let state = try Self.orientation()
    let screen = text(state)
    #expect(screen.contains("Orientation"))
    #expect(screen.contains("À faire"))
    #expect(state.orientation.scroll == 0)
  }

  @Test func pagesLinesStartAndEndEachChangeWhatIsShown() throws {
    let top = try Self.orientation()
    let topText = text(top)
    let paged = TestWorld.press([.pageDown], on: top).0
    #expect(text(paged) != topText)
    #expect(paged.orientation.scroll > 0)
    let end = TestWorld.press([.end], on: top).0
    #expect(text(end).contains("souffrance psychique) ? — Non"))
    let back = TestWorld.press([.home], on: end).0
    #expect(text(back) == topText)
    let lined = TestWorld.press([.pageDown, .up], on: top).0
    #expect(
      lined.orientation.scroll == paged.orientation.scroll - 1
        || lined.orientation.selection != paged.orientation.selection
    )
  }

  @Test func aChosenContactIsAlwaysOnScreen() throws {
    var state = try Self.orientation()
    for _ in 0..<40 {
      state = TestWorld.press([.down], on: state).0
      let screen = OrientationScreen(state: state)
      if let focus = screen.lines.focus, state.orientationContacts.indices.contains(state.orientation.selection) {
        let scroller = OrientationScroller(state: state)
        if scroller.isVisible(state.orientation.selection) {
          #expect(
            focus >= state.orientation.scroll && focus < state.orientation.scroll + Frame(size: state.size).bodyHeight)
        }
      }
    }
    // Tab picks the next contact and brings it on screen; Enter opens the one seen.
    let tabbed = TestWorld.press([.home, .tab], on: state).0
    #expect(OrientationScroller(state: tabbed).isVisible(tabbed.orientation.selection))
    let opened = TestWorld.press([.enter], on: tabbed).0
    guard case .detail(let id, _, _) = opened.overlays.last else {
      Issue.record("Enter did not open the chosen contact")
      return
    }
    #expect(id == tabbed.orientationContacts[tabbed.orientation.selection].match.structureID)
  }
}
