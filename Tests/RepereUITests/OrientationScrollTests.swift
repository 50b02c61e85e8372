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
    #expect(state.orientationScroll == 0)
  }

  @Test func pagesLinesStartAndEndEachChangeWhatIsShown() throws {
    let top = try Self.orientation()
    let topText = text(top)
    let paged = TestWorld.press([.pageDown], on: top).0
    #expect(text(paged) != topText)
    #expect(paged.orientationScroll > 0)
    let end = TestWorld.press([.end], on: top).0
    #expect(text(end).contains("souffrance psychique) ? — Non"))
    let back = TestWorld.press([.home], on: end).0
    #expect(text(back) == topText)
    let lined = TestWorld.press([.pageDown, .up], on: top).0
    #expect(
      lined.orientationScroll == paged.orientationScroll - 1 || lined.orientationSelection != paged.orientationSelection
    )
  }

  @Test func aChosenContactIsAlwaysOnScreen() throws {
    var state = try Self.orientation()
    for _ in 0..<40 {
      state = TestWorld.press([.down], on: state).0
      let screen = OrientationScreen(state: state)
      if let focus = screen.lines.focus, state.orientationContacts.indices.contains(state.orientationSelection) {
        let scroller = OrientationScroller(state: state)
        if scroller.isVisible(state.orientationSelection) {
          #expect(
            focus >= state.orientationScroll && focus < state.orientationScroll + Frame(size: state.size).bodyHeight)
        }
      }
    }
    // Tab picks the next contact and brings it on screen; Enter opens the one seen.
    let tabbed = TestWorld.press([.home, .tab], on: state).0
    #expect(OrientationScroller(state: tabbed).isVisible(tabbed.orientationSelection))
    let opened = TestWorld.press([.enter], on: tabbed).0
    guard case .detail(let id, _, _) = opened.overlays.last else {
      Issue.record("Enter did not open the chosen contact")
      return
    }
    #expect(id == tabbed.orientationContacts[tabbed.orientationSelection].match.structureID)
  }
}
