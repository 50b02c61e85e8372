import RepereBundle
import RepereRules
import RepereTestSupport
import Testing

/// `repere walk --answer STEP=VALUE`: the answers read against the protocol's steps.
@Suite struct WrittenAnswersTests {
  static let bundle = DataBundle.load(from: TestPaths.fixture("ui-bundle")).0

  @Test func answersAreReadWithTheSpecsTextForms() throws {
    let answers = try WrittenAnswers.parse(
      ["securite=non", "age=15"], protocolID: "national/orientation", in: Self.bundle)
    #expect(answers["securite"] == .bool(false))
    #expect(answers["age"] == .number(15))
  }

  @Test func aBadlyWrittenAnswerAndAnUnknownStepAreTwoProblems() {
    #expect(throws: WrittenAnswers.Problem.badlyWritten("réponse « age » : écrire ETAPE=VALEUR")) {
      _ = try WrittenAnswers.parse(["age"], protocolID: "national/orientation", in: Self.bundle)
    }
    #expect {
      _ = try WrittenAnswers.parse(["agee=15"], protocolID: "national/orientation", in: Self.bundle)
    } throws: { error in
      guard case .unknownStep(let message) = error as? WrittenAnswers.Problem else { return false }
      return message.hasPrefix("aucune étape « agee » dans national/orientation") && message.contains("age")
    }
  }
}
