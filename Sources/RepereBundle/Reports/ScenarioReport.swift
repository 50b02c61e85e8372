import Foundation
import RepereBase
import RepereRules

/// `repere scenario test` and `scenario list` output.
public enum ScenarioReport {
  /// Each scenario's name and result, expected vs actual for each failure, and the closing
  /// line `N passed, M failed`.
  public static func human(_ results: [ScenarioResult]) -> String {
    var lines: [String] = []
    for result in results {
      let scenario = result.scenario
      lines.append("\(result.passed ? "PASS" : "FAIL") \(scenario.id) — \(scenario.title) [\(scenario.file)]")
      for failure in result.failures {
        lines.append("    \(failure.aspect) :")
        lines.append("      attendu : \(failure.expected)")
        lines.append("      obtenu  : \(failure.actual)")
      }
    }
    let passed = results.filter(\.passed).count
    lines.append("\(passed) passed, \(results.count - passed) failed")
    return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n")
  }

  /// id, title, protocol and what each scenario covers (its expected level, dispositions and
  /// the path it walks).
  public static func list(_ scenarios: [Scenario], bundle: DataBundle, defaultNow: Date) -> String {
    var lines: [String] = []
    for scenario in scenarios {
      lines.append("\(scenario.id) — \(scenario.title)")
      lines.append("    protocole : \(scenario.protocolID)   fichier : \(scenario.file)")
      var covers: [String] = []
      if let level = scenario.expect.level { covers.append("niveau \(level)") }
      if let dispositions = scenario.expect.dispositions { covers.append(dispositions.joined(separator: ", ")) }
      if !scenario.changes.isEmpty { covers.append("\(scenario.changes.count) changement(s)") }
      let state = bundle.run(scenario, defaultNow: defaultNow).state
      if let state, state.protocolID != scenario.protocolID { covers.append("bascule vers \(state.protocolID)") }
      lines.append("    couvre : \(covers.joined(separator: " ; "))")
      if let state { lines.append("    parcours : \(state.pathIDs.joined(separator: " → "))") }
    }
    lines.append("\(scenarios.count) scénario\(scenarios.count > 1 ? "s" : "")")
    return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n")
  }

  public static func json(_ results: [ScenarioResult]) -> String {
    struct Item: Encodable {
      var id: String
      var title: String
      var file: String
      var passed: Bool
      var failures: [[String: String]]
    }
    struct Report: Encodable {
      var passed: Int
      var failed: Int
      var scenarios: [Item]
    }
    let items = results.map { result in
      Item(
        id: result.scenario.id, title: result.scenario.title, file: result.scenario.file, passed: result.passed,
        failures: result.failures.map { ["aspect": $0.aspect, "expected": $0.expected, "actual": $0.actual] })
    }
    let passed = results.filter(\.passed).count
    return MachineJSON.document(
      "scenario-test", Report(passed: passed, failed: results.count - passed, scenarios: items))
  }
}
