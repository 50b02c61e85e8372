import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Issue 12, point 10: « Sarcele » got « Lieu introuvable » while search tolerates typos. The
/// likely place is offered (« Sarcelles (95) ? ») and taken only when chosen.
@Suite struct PlaceSuggestionTests {
  @Test func aMistypedPlaceIsOfferedNotTaken() throws {
    let keys: [KeyPress] = [.character("2"), .character("1")] + TestWorld.type("Sarcele") + [.enter]
    let (offered, effects) = TestWorld.press(keys, on: try TestWorld.state())
    #expect(offered.screen == .placeChoice)
    #expect(offered.placeChoice.suggested)
    #expect(offered.status?.text == "Lieu introuvable : « Sarcele » — Sarcelles (95) ?")
    #expect(offered.walk.place == nil, "a suggestion is never taken silently")
    #expect(
      !effects.contains {
        if case .journal(let events) = $0 {
          events.contains { if case .place = $0 { true } else { false } }
        } else {
          false
        }
      })
    let text = UIProgram.render(offered).textLines.joined(separator: "\n")
    #expect(text.contains("Lieu introuvable : « Sarcele ». Vouliez-vous dire :"))
    #expect(text.contains("Sarcelles (95)"))
    let (chosen, _) = TestWorld.press([.enter], on: offered)
    #expect(chosen.walk.place?.label == "Sarcelles (95)")
  }

  @Test func nothingLikeItStillSaysNotFound() throws {
    let keys: [KeyPress] = [.character("2"), .character("1")] + TestWorld.type("Xyzzy") + [.enter]
    let (state, _) = TestWorld.press(keys, on: try TestWorld.state())
    #expect(state.status?.text == "Lieu introuvable : « Xyzzy »")
    #expect(state.screen != .placeChoice)
  }
}
