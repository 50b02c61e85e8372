import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Issue 12, point 10: a wrong key gave no feedback at all. It now says, on the status line,
/// that it did nothing here, and a good key afterwards still works.
@Suite struct KeyFeedbackTests {
  @Test func aKeyWithoutMeaningOnAQuestionSaysSo() throws {
    let (state, effects) = TestWorld.press([.character("z")], on: try TestWorld.state())
    #expect(effects.isEmpty)
    #expect(state.walk.path.isEmpty)
    #expect(state.status?.text == "Touche « z » sans effet ici (? : aide)")
    let line = UIProgram.render(state).textLines[GridSize.minimum.rows - 3]
    #expect(line.contains("Touche « z » sans effet ici"))
    let (answered, _) = TestWorld.press([.character("2")], on: state)
    #expect(answered.walk.path.map(\.answer) == ["Non"])
  }

  @Test func aKeyWithoutMeaningOnTheOrientationSaysSo() throws {
    let (state, effects) = TestWorld.press([.character("z")], on: try TestWorld.finishedCase())
    #expect(state.screen == .orientation)
    #expect(effects.isEmpty)
    #expect(state.status?.text == "Touche « z » sans effet ici (? : aide)")
    var english = try TestWorld.finishedCase()
    english.language = .en
    #expect(TestWorld.press([.function(12)], on: english).0.status?.text == "That key does nothing here (?: help)")
  }
}
