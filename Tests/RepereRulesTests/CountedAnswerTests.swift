import RepereBase
import Testing

@testable import RepereRules

/// The one rule for which answers count in contact rules (`age_variable`): answers on the
/// walk's path, never those set aside by a change.
@Suite struct CountedAnswerTests {
  @Test func theAgeIsTheLastAnswerOnThePath() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let definition = library.protocolDefinition("national/orientation")
    var state = WalkState(protocolID: "national/orientation")
    state.path = [
      PathEntry(stepID: "securite", kind: .yesno, answer: .bool(false)),
      PathEntry(stepID: "age", kind: .number, answer: .number(15)),
    ]
    #expect(state.number(forVariable: "age", in: definition) == 15)
  }

  @Test func anAnswerSetAsideNeverCounts() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let definition = library.protocolDefinition("national/orientation")
    var state = WalkState(protocolID: "national/orientation")
    state.path = [PathEntry(stepID: "securite", kind: .yesno, answer: .bool(true))]
    state.setAside = ["age": .number(15)]
    #expect(state.number(forVariable: "age", in: definition) == nil)
  }
}
