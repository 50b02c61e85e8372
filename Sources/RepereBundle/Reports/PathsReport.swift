import Foundation
import RepereBase
import RepereRules

/// `repere paths` output.
public enum PathsReport {
  /// The counts, up to `showPaths` paths per disposition, the coverage and what is missing.
  public static func human(_ summary: PathsSummary, showPaths: Int) -> String {
    let analysis = summary.paths
    let coverage = summary.coverage
    var lines: [String] = ["Protocole : \(analysis.protocolID)"]
    lines.append("Parcours faisables (début → issue, pour des réponses possibles) : \(analysis.paths.count)")
    let elsewhere = Dictionary(
      grouping: analysis.paths.filter { $0.protocolID != analysis.protocolID }, by: \.protocolID)
    for (id, paths) in elsewhere.sorted(by: { $0.key < $1.key }) {
      lines.append("  dont \(paths.count) sous \(id) (choisi par le lieu)")
    }
    lines.append("Issues distinctes (parcours × orientations recueillies) : \(analysis.variantCount)")
    if let structural = summary.structuralPaths {
      lines.append("Parcours structurels (conditions ignorées, pour mémoire) : \(structural)")
    }
    lines.append("Réponses essayées (une par classe de réponses) : \(analysis.answersTried)")
    if let truncation = analysis.truncation {
      lines.append("ÉNUMÉRATION TRONQUÉE (\(truncation.message)) : les nombres sont des minima.")
    } else if analysis.approximations.isEmpty {
      lines.append("Énumération complète : les nombres sont exacts.")
    }

    lines.append("")
    lines.append("Par orientation (parcours qui la recueillent) :")
    for group in analysis.dispositions {
      let covered = group.paths.filter { summary.scenariosByPath[$0] != nil }.count
      var heading = "\(group.code) (\(group.level)) : \(group.count) parcours, \(covered) \(plural("couvert", covered))"
      if group.always < group.count { heading += " (dont \(group.count - group.always) selon les réponses)" }
      lines.append("")
      lines.append(heading)
      for index in group.paths.prefix(showPaths) {
        let path = analysis.paths[index]
        var line = summary.scenariosByPath[index] != nil ? "  [couvert] " : "  "
        if path.protocolID != analysis.protocolID { line += "[\(path.protocolID)] " }
        line += path.steps.joined(separator: " → ")
        if !path.alwaysGathers(group.code) { line += " (selon les réponses)" }
        lines.append(line)
      }
      if group.count > showPaths { lines.append("  … \(group.count - showPaths) autres") }
    }

    lines.append("")
    lines.append("Par issue :")
    for group in analysis.outcomes {
      let covered = group.paths.filter { summary.scenariosByPath[$0] != nil }.count
      lines.append(
        "  \(group.stepID ?? "?") (\(group.code)) : \(group.count) parcours, \(covered) \(plural("couvert", covered))")
    }

    lines.append("")
    lines.append(
      "Couverture par les scénarios : \(coverage.paths.count)/\(analysis.paths.count) parcours (\(percent(coverage.pathPercent)) %)"
        + " ; \(coverage.variants.count)/\(analysis.variantCount) issues (\(percent(coverage.variantPercent)) %)")
    let reached = analysis.dispositions.count
    lines.append("Orientations couvertes par les scénarios : \(coverage.dispositions.count)/\(reached)")
    for code in coverage.uncoveredDispositions {
      lines.append("  non couverte : \(code)")
      if let (path, variant) = analysis.example(gathering: code) {
        let under = path.protocolID != analysis.protocolID ? " (sous \(path.protocolID))" : ""
        lines.append("    par exemple\(under) : \(variant.example.map(\.text).joined(separator: " "))")
      }
    }
    if !analysis.unreached.isEmpty {
      let qualifier = analysis.truncated ? " (énumération tronquée : à vérifier)" : ""
      lines.append(
        "Orientations qu'aucun parcours ne recueille\(qualifier) : \(analysis.unreached.joined(separator: ", "))")
    }
    for problem in analysis.problems {
      lines.append("Parcours bloqués (\(problem.count)) : \(problem.message) — lancer `repere check`")
      lines.append("  par exemple : \(problem.example.map(\.text).joined(separator: " "))")
    }
    for approximation in analysis.approximations {
      lines.append("Approximation : \(approximation) — des parcours peuvent manquer")
    }
    for id in summary.unmatchedScenarios {
      lines.append("Attention : le parcours du scénario \(id) n'est pas parmi les parcours trouvés")
    }
    return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n")
  }

  public static func json(_ summary: PathsSummary) -> String {
    let analysis = summary.paths
    let coverage = summary.coverage
    struct Group: Encodable {
      var code: String
      var level: String
      var step: String?
      var count: Int
      var always: Int
      var covered: Int
      var paths: [[String]]?
    }
    struct Variant: Encodable {
      var dispositions: [String]
      var answers: [String: String]
      var scenarios: [String]
    }
    struct Path: Encodable {
      var protocolID: String
      var steps: [String]
      var scenarios: [String]
      var variants: [Variant]

      enum CodingKeys: String, CodingKey {
        case protocolID = "protocol"
        case steps, scenarios, variants
      }
    }
    struct Problem: Encodable {
      var message: String
      var count: Int
      var steps: [String]
      var answers: [String: String]
    }
    struct Report: Encodable {
      var protocolID: String
      var totalPaths: Int
      var variants: Int
      var structuralPaths: Int?
      var coveredPaths: Int
      var coveragePercent: Double
      var coveredVariants: Int
      var variantCoveragePercent: Double
      var truncated: Bool
      var truncation: String?
      var answersTried: Int
      var reachedDispositions: Int
      var coveredDispositions: [String]
      var uncoveredDispositions: [String]
      var unreachedDispositions: [String]
      var dispositions: [Group]
      var outcomes: [Group]
      var paths: [Path]
      var problems: [Problem]
      var approximations: [String]
      var unmatchedScenarios: [String]

      enum CodingKeys: String, CodingKey {
        case protocolID = "protocol"
        case totalPaths, variants, structuralPaths, coveredPaths, coveragePercent, coveredVariants
        case variantCoveragePercent, truncated, truncation, answersTried, reachedDispositions, coveredDispositions
        case uncoveredDispositions, unreachedDispositions, dispositions, outcomes, paths, problems, approximations
        case unmatchedScenarios
      }
    }
    func answers(_ example: [FeasiblePaths.Answer]) -> [String: String] {
      Dictionary(example.map { ($0.stepID, $0.value.textForm) }) { first, _ in first }
    }
    func covered(_ indices: [Int]) -> Int { indices.filter { summary.scenariosByPath[$0] != nil }.count }
    let report = Report(
      protocolID: analysis.protocolID, totalPaths: analysis.paths.count, variants: analysis.variantCount,
      structuralPaths: summary.structuralPaths, coveredPaths: coverage.paths.count,
      coveragePercent: rounded(coverage.pathPercent), coveredVariants: coverage.variants.count,
      variantCoveragePercent: rounded(coverage.variantPercent), truncated: analysis.truncated,
      truncation: analysis.truncation?.rawValue, answersTried: analysis.answersTried,
      reachedDispositions: analysis.dispositions.count, coveredDispositions: coverage.dispositions,
      uncoveredDispositions: coverage.uncoveredDispositions, unreachedDispositions: analysis.unreached,
      dispositions: analysis.dispositions.map {
        Group(
          code: $0.code, level: $0.level, step: nil, count: $0.count, always: $0.always, covered: covered($0.paths),
          paths: $0.paths.map { analysis.paths[$0].steps })
      },
      outcomes: analysis.outcomes.map {
        Group(
          code: $0.code, level: $0.level, step: $0.stepID, count: $0.count, always: $0.always,
          covered: covered($0.paths), paths: nil)
      },
      paths: analysis.paths.enumerated().map { index, path in
        Path(
          protocolID: path.protocolID, steps: path.steps, scenarios: summary.scenariosByPath[index] ?? [],
          variants: path.variants.enumerated().map { variantIndex, variant in
            Variant(
              dispositions: variant.dispositions, answers: answers(variant.example),
              scenarios: summary.scenariosByVariant[[index, variantIndex]] ?? [])
          })
      },
      problems: analysis.problems.map {
        Problem(message: $0.message, count: $0.count, steps: $0.steps, answers: answers($0.example))
      },
      approximations: analysis.approximations, unmatchedScenarios: summary.unmatchedScenarios)
    return MachineJSON.document("paths", report)
  }

  private static func plural(_ word: String, _ count: Int) -> String { count > 1 ? word + "s" : word }

  private static func percent(_ value: Double) -> String { String(format: "%.1f", value) }

  private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
