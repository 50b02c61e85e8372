import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Issue 12, item 8: during the questions the header's level is said provisional and shown as a
/// floor (« ≥ ») of what the answers so far imply, looking ahead at every ending still possible;
/// once the orientation is reached it is final.
@Suite struct ProvisionalLevelTests {
  @Test func duringTheQuestionsTheLevelIsAProvisionalFloor() throws {
    let atSigns = try ShippedChecklistTests.atSigns()
    let level = try #require(atSigns.walk.level)
    let header = UIProgram.render(atSigns).textLines[0]
    #expect(header.contains("provisoire"))
    #expect(header.contains("≥ " + LevelNames.label(level.id, .fr)))
  }

  /// The case: « échange sexuel » and « tiers organisateur » ticked. The walk weighs the
  /// signs a few questions later, so its own level is still low; every ending from here is a
  /// signalement, and the header says so at once.
  @Test func ticksThatMakeEveryEndingASignalementShowItAtOnce() throws {
    let (afterSigns, _) = TestWorld.press(
      [.character("1"), .character("2"), .enter], on: try ShippedChecklistTests.atSigns())
    try #require(afterSigns.displayedStep != nil, "questions remain after the signs")
    let own = try #require(afterSigns.walk.level)
    #expect(own.id != "signalement", "the walk alone has not reached it yet: \(own.id)")
    #expect(afterSigns.walk.impliedLevel?.id == "signalement")
    let header = UIProgram.render(afterSigns).textLines[0]
    #expect(header.contains("provisoire"))
    #expect(header.contains("≥ SIGNALEMENT"))
  }

  @Test func theFloorIsTheLowestEndingNotTheHighest() throws {
    // No sign ticked: some endings stay at advice or accompaniment, so the floor is not the
    // signalement one ending would reach.
    let (afterSigns, _) = TestWorld.press([.enter], on: try ShippedChecklistTests.atSigns())
    let implied = try #require(afterSigns.walk.impliedLevel)
    #expect(implied.id != "signalement" && implied.id != "urgence")
  }

  @Test func atTheFirstQuestionTheLookAheadIsCutAndTheHeaderSaysNoLevel() throws {
    let first = ShippedWorld.state(size: .minimum)
    #expect(first.walk.impliedLevel == nil)
  }

  @Test func atTheOrientationTheLevelIsFinal() throws {
    let finished = try ShippedWorld.walked("15-tiers-organisateur-sarcelles", size: .minimum)
    let header = UIProgram.render(finished).textLines[0]
    #expect(!header.contains("provisoire"))
    #expect(header.contains(" SIGNALEMENT "))
    #expect(!header.contains("≥"))
  }
}
