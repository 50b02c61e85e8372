import Foundation
import Testing

@testable import RepereUI

@Suite struct IdleLockTests {
  @Test func theScreenLocksAfterTheDelayHidesTheCaseAndTheUnlockingKeyDoesNothingElse() throws {
    var state = try TestWorld.state()
    let start = state.now
    state.idleLock = IdleLock(after: 600, lastActivity: start)
    let question = UIProgram.render(state).text
    #expect(question.contains("1"))

    // A key at minute 5 resets the delay.
    (state, _) = UIProgram.update(state, .tick(start.addingTimeInterval(300)))
    (state, _) = TestWorld.press([.character("2")], on: state)
    #expect(state.walk.path.map(\.answer) == ["Non"])
    (state, _) = UIProgram.update(state, .tick(start.addingTimeInterval(600)))
    #expect(state.idleLock?.locked == false)

    // Ten minutes after that key: locked, nothing of the case on screen.
    (state, _) = UIProgram.update(state, .tick(start.addingTimeInterval(900)))
    #expect(state.idleLock?.locked == true)
    let locked = UIProgram.render(state).text
    #expect(locked.contains("Écran verrouillé"))
    #expect(!locked.contains("Non"))
    #expect(!locked.contains(state.displayedStep?.id ?? "—"))

    // The key that unlocks is not an answer.
    let (unlocked, effects) = TestWorld.press([.character("1")], on: state)
    #expect(unlocked.idleLock?.locked == false)
    #expect(effects.isEmpty)
    #expect(unlocked.walk.path.map(\.answer) == ["Non"])
    #expect(!UIProgram.render(unlocked).text.contains("Écran verrouillé"))
  }

  @Test func withoutConfigurationTheScreenNeverLocks() throws {
    var state = try TestWorld.state()
    (state, _) = UIProgram.update(state, .tick(state.now.addingTimeInterval(86_400)))
    #expect(state.idleLock == nil)
    #expect(!UIProgram.render(state).text.contains("Écran verrouillé"))
  }
}
