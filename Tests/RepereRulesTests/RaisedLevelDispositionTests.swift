import RepereBase
import Testing

@testable import RepereRules

/// Issue 12, item 5: raising the level by hand brings that level's disposition (its actions and
/// contacts), chosen from the protocol's data, never hard-coded.
@Suite struct RaisedLevelDispositionTests {
  static let place93 = AnswerValue.place(PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)"))

  @Test func theLevelsDispositionIsTheOneNamedLikeTheLevelElseTheFirstOfThatLevelInTheFile() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let definition = try #require(library.protocolDefinition("national/orientation"))
    // No disposition is called « urgence » in the fixture: the only one of that level.
    #expect(definition.dispositionCode(forLevel: "urgence") == "urgence-17")
    #expect(definition.dispositionCode(forLevel: "signalement") == "signalement-procureur")
    #expect(definition.dispositionCode(forLevel: "conseil") == "conseil")
    #expect(definition.dispositionCode(forLevel: "inconnu") == nil)
  }

  @Test func raisingToUrgenceDuringTheQuestionsPutsTheUrgentDispositionFirst() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    var session = CaseSession(library: library, protocolID: "national/orientation")
    session.answer("securite", .bool(false))
    #expect(session.state.dispositions.isEmpty)
    let changes = try session.raiseLevel(to: "urgence", reason: "il est devant la porte")
    #expect(changes.contains(.dispositionGathered(code: "urgence-17", level: "urgence", step: "lieu")))
    #expect(session.state.level == "urgence")
    #expect(session.state.computedLevel == nil)
    let brought = try #require(session.state.dispositions.first)
    #expect(brought.code == "urgence-17")
    #expect(brought.isFromRaise)
    #expect(
      session.state.explanation.lines.contains {
        $0.contains("urgence-17") && $0.contains("relevé à la main") && $0.contains("il est devant la porte")
      })
  }

  @Test func theRaisedDispositionStaysWhenLaterAnswersChangeTheWalk() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    var session = CaseSession(
      library: library, protocolID: "national/orientation",
      answers: ["securite": .bool(false), "lieu": Self.place93, "age": .number(19), "signes": .checklist(["argent"])],
      acknowledgeInfo: true)
    _ = try session.raiseLevel(to: "urgence", reason: "menaces")
    #expect(session.state.dispositionCodes.contains("urgence-17"))
    let changes = session.answer("age", .number(15))
    #expect(!changes.contains(.dispositionDropped(code: "urgence-17")))
    #expect(session.state.dispositionCodes.contains("urgence-17"))
    // Rebuilt from the stored answers and raise (a resumed case): the same disposition.
    let again = Walker.walk(
      library: library, protocolID: "national/orientation", answers: session.answers, acknowledgeInfo: true,
      raise: LevelRaise(level: "urgence", reason: "menaces"))
    #expect(again.dispositionCodes == session.state.dispositionCodes)
  }
}
