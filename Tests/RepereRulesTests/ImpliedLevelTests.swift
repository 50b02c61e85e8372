import RepereBase
import Testing

@testable import RepereRules

/// The floor a case under way has earned: the lowest level among the endings its answers allow.
@Suite struct ImpliedLevelTests {
  /// A sign ticked at the first step is weighed only at the last one, after an unrelated question.
  static let late = """
    format: repere/protocol@1
    id: test/tardif
    title: Tardif
    version: "1"
    start: signes
    steps:
      - id: signes
        kind: multi
        text: Quels signes ?
        options:
          - { value: organisateur, label: Un tiers organise }
          - { value: fugues, label: Fugues }
        next: soins
      - { id: soins, kind: yesno, text: Soins ?, yes: evaluation, no: evaluation }
      - id: evaluation
        kind: route
        routes:
          - { when: "has(signes, 'organisateur')", next: fin-signalement }
          - { when: "has(signes, 'fugues')", next: fin-ip }
          - { next: fin-conseil }
      - { id: fin-signalement, kind: outcome, disposition: signalement }
      - { id: fin-ip, kind: outcome, disposition: ip }
      - { id: fin-conseil, kind: outcome, disposition: conseil }
    dispositions:
      signalement: { level: signalement, title: Signaler }
      ip: { level: information-preoccupante, title: IP }
      conseil: { level: conseil, title: Conseil }
    """

  @Test func aDecisiveTickSetsTheFloorBeforeTheStepThatWeighsIt() throws {
    let library = try Fixtures.library(Self.late)
    let answers: [String: AnswerValue] = ["signes": .checklist(["organisateur"])]
    #expect(Walker.walk(library: library, protocolID: "test/tardif", answers: answers).level == nil)
    #expect(ImpliedLevel.floor(library: library, protocolID: "test/tardif", answers: answers) == "signalement")
  }

  @Test func theFloorIsTheLowestPossibleEnding() throws {
    let library = try Fixtures.library(Self.late)
    #expect(ImpliedLevel.floor(library: library, protocolID: "test/tardif", answers: [:]) == "conseil")
    let fugues: [String: AnswerValue] = ["signes": .checklist(["fugues"])]
    #expect(
      ImpliedLevel.floor(library: library, protocolID: "test/tardif", answers: fugues) == "information-preoccupante")
  }

  @Test func aLookAheadCutByItsLimitsKnowsNothing() throws {
    let library = try Fixtures.library(Self.late)
    let tiny = FeasiblePaths.Limits(maxPaths: 1, maxStoredSteps: 10, maxWork: 1)
    #expect(ImpliedLevel.floor(library: library, protocolID: "test/tardif", answers: [:], limits: tiny) == nil)
  }

  @Test func anUnknownProtocolKnowsNothing() throws {
    let library = try Fixtures.library(Self.late)
    #expect(ImpliedLevel.floor(library: library, protocolID: "test/absent", answers: [:]) == nil)
  }
}
