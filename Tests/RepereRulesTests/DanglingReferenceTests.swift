import RepereBase
import Testing

@testable import RepereRules

/// Issue 18, point 10: `check` was quadratic in dangling step references (10,000 → 57 s): each
/// computed a "did you mean" against every step. Every reference is still reported; hints stop
/// after `Suggestion.hintsPerCheck`. At this size a quadratic check would time the suite out;
/// nothing here measures time.
@Suite struct DanglingReferenceTests {
  static func protocolText(steps: Int) -> String {
    var text = "format: repere/protocol@1\nid: t/grand\ntitle: T\nversion: \"1\"\nstart: s0\nsteps:\n"
    for index in 0..<steps {
      text += "  - id: s\(index)\n    kind: yesno\n    text: Q\n    yes: manque-\(index)\n    no: s\(index + 1)\n"
    }
    text += "  - id: s\(steps)\n    kind: outcome\n    disposition: a\n"
    text += "dispositions:\n  a: { level: urgence, title: A }\n"
    return text
  }

  @Test func tenThousandDanglingReferencesAreAllReportedWithBoundedHints() throws {
    let (loaded, loadFindings) = ProtocolLoader.load(text: Self.protocolText(steps: 10_000), file: "g.yaml")
    let definition = try #require(loaded, "\(loadFindings.prefix(3))")
    let findings = ProtocolChecker.check(
      library: ProtocolLibrary(files: [definition]), today: CalendarDay(year: 2026, month: 11, day: 29))
    let missing = findings.filter { $0.code == "missing-step" }
    #expect(missing.count == 10_000)
    #expect(missing.filter { $0.hint != nil }.count <= Suggestion.hintsPerCheck)
    #expect(missing.first { $0.location.line == 10 } != nil, "each at its own position")
  }

  @Test func theBudgetGivesHintsThenStops() {
    var budget = SuggestionBudget(2)
    #expect(budget.hint(for: "nxt", among: ["next"]) == "vouliez-vous dire « next » ?")
    #expect(budget.hint(for: "nxt", among: ["next"]) == "vouliez-vous dire « next » ?")
    #expect(budget.hint(for: "nxt", among: ["next"]) == nil)
  }
}
