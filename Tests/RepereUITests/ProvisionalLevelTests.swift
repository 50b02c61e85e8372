import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Issue 12, item 8: during the questions the header's level is said provisional and shown as a
/// floor (« ≥ ») of what the answers so far imply; once the orientation is reached it is final.
@Suite struct ProvisionalLevelTests {
  @Test func duringTheQuestionsTheLevelIsAProvisionalFloor() throws {
    let atSigns = try ShippedChecklistTests.atSigns()
    let level = try #require(atSigns.walk.level)
    let header = UIProgram.render(atSigns).textLines[0]
    #expect(header.contains("provisoire"))
    #expect(header.contains("≥ " + LevelNames.label(level.id, .fr)))
  }

  @Test func atTheOrientationTheLevelIsFinal() throws {
    let finished = try ShippedWorld.walked("15-tiers-organisateur-sarcelles", size: .minimum)
    let header = UIProgram.render(finished).textLines[0]
    #expect(!header.contains("provisoire"))
    #expect(header.contains(" SIGNALEMENT "))
    #expect(!header.contains("≥"))
  }
}
