import RepereBase
import Testing

@testable import RepereRules

@Suite struct TypeCheckerTests {
  let checker: ExpressionTypeChecker

  init() throws {
    let (definition, _) = ProtocolLoader.load(text: Fixtures.orientation, file: "p.yaml")
    var protocolDefinition = try #require(definition)
    var steps = protocolDefinition.steps
    steps.append(
      Step(
        id: "statut", kind: .choice, text: "Statut ?",
        options: [StepOption(value: "ase", label: "ASE"), StepOption(value: "pjj", label: "PJJ")], next: "age"))
    steps.append(Step(id: "remarque", kind: .text, text: "Remarque", next: "age"))
    protocolDefinition.setSteps(steps)
    checker = ExpressionTypeChecker(protocolDefinition)
  }

  func issues(_ text: String) throws -> [ExpressionIssue] {
    checker.check(condition: try ExpressionParser.parse(text).get())
  }

  @Test(arguments: [
    "age >= 15", "securite = true", "not securite", "has(signes, 'hotel')", "count(signes) > 1",
    "score(signes) >= 3", "known(age) and unknown(securite)", "statut = 'ase'", "statut in ['ase', 'pjj']",
    "departement in ['93', '95']", "commune = '93066'", "age * 2 + 1 > 30", "known(lieu)", "remarque = 'x'",
  ])
  func wellTypedConditionsPass(text: String) throws {
    let found = try issues(text)
    #expect(found.isEmpty, "\(text): \(found)")
  }

  @Test func unknownVariablesAreNamedWithASuggestion() throws {
    let found = try issues("agee > 15")
    #expect(found.map(\.code) == ["unknown-variable"])
    #expect(found.first?.hint == "vouliez-vous dire « age » ?")
    #expect(try issues("conseil-info = 1").first?.code == "unknown-variable")
    #expect(
      try issues("orientation = 1").first?.hint
        == "l'étape « orientation » ne pose aucune question : elle n'a pas de valeur")
  }

  @Test func unknownOptionValuesInHasEqualsAndIn() throws {
    #expect(try issues("has(signes, 'hotell')").first?.code == "unknown-option-value")
    #expect(try issues("has(signes, 'hotell')").first?.hint == "vouliez-vous dire « hotel » ?")
    #expect(try issues("statut = 'asee'").first?.code == "unknown-option-value")
    #expect(try issues("'asee' = statut").first?.code == "unknown-option-value")
    #expect(try issues("statut in ['ase', 'pj']").map(\.code) == ["unknown-option-value"])
    #expect(try issues("statut in ['ase', 'pj']").first?.offset == 18)
  }

  @Test func mismatchedTypesAreRejected() throws {
    #expect(try issues("age = 'quinze'").first?.code == "type-mismatch")
    #expect(try issues("securite = 'oui'").first?.hint == "écrivez true ou false sans guillemets")
    #expect(try issues("signes = 'hotel'").first?.code == "type-mismatch")
    #expect(try issues("lieu = '93'").first?.hint == "comparez plutôt departement ou commune")
    #expect(try issues("has(statut, 'ase')").first?.code == "type-mismatch")
    #expect(try issues("count(age) > 1").first?.code == "type-mismatch")
    #expect(try issues("age and securite").first?.code == "type-mismatch")
    #expect(try issues("not age").first?.code == "type-mismatch")
    #expect(try issues("statut < 'b'").first?.code == "type-mismatch")
    #expect(try issues("age in ['a']").first?.code == "type-mismatch")
    #expect(try issues("'hotel' in signes").first?.code == "type-mismatch")
    #expect(try issues("securite + 1 > 0").first?.code == "type-mismatch")
    #expect(try issues("age in [1, 'a']").first?.code == "type-mismatch")
  }

  @Test func aConditionMustBeYesOrNo() throws {
    #expect(try issues("age + 1").first?.code == "expression-not-boolean")
    #expect(try issues("signes").first?.hint == "écrivez count(v) >= 1 ou has(v, 'x')")
  }
}
