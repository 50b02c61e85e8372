import RepereBase
import Testing

@testable import RepereRules

@Suite struct WalkTests {
  let place93 = AnswerValue.place(PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)"))
  let place95 = AnswerValue.place(PlaceValue(communeCode: "95127", departement: "95", label: "Cergy (95)"))

  @Test func walkReachesAnOutcomeWithLevelAndExplanation() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let state = Walker.walk(
      library: library, protocolID: "national/orientation",
      answers: ["securite": .bool(false), "lieu": place93, "age": .number(15), "signes": .checklist(["hotel"])])
    #expect(state.isFinished)
    #expect(state.pathIDs == ["securite", "lieu", "age", "signes", "conseil-info", "orientation", "fin-signalement"])
    #expect(state.dispositionCodes == ["accompagnement", "signalement-procureur"])
    #expect(state.level == "signalement")
    #expect(
      state.explanation.lines.first
        == "Niveau : signalement — le plus élevé parmi accompagnement (accompagnement), signalement-procureur (signalement)"
    )
    let signalement = try #require(state.dispositions.last)
    #expect(signalement.explanation.decisions.last?.condition == "age < 18 and has(signes, 'hotel')")
    #expect(signalement.explanation.decisions.last?.reads == ["age = 15", "signes = hotel"])
  }

  @Test func pendingQuestionStopsTheWalk() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let state = Walker.walk(library: library, protocolID: "national/orientation", answers: ["securite": .bool(false)])
    #expect(!state.isFinished)
    #expect(state.pending?.id == "lieu")
    #expect(state.pathIDs == ["securite"])
  }
}
