import Foundation
import RepereBase
import RepereRules

/// `repere paths` output.
public enum PathsReport {
  public static func human(_ analysis: PathAnalysis, covered: Int, percent: Double, showPaths: Int) -> String {
    var lines: [String] = [
      "Protocole : \(analysis.protocolID)", "Parcours distincts (début → issue) : \(analysis.totalPaths)",
    ]
    for disposition in analysis.dispositions {
      lines.append("")
      lines.append("\(disposition.code) (\(disposition.level)) : \(disposition.count) parcours")
      for path in disposition.paths.prefix(showPaths) { lines.append("  \(path.joined(separator: " → "))") }
      if disposition.count > min(showPaths, disposition.paths.count) {
        lines.append("  … \(disposition.count - min(showPaths, disposition.paths.count)) autres")
      }
    }
    lines.append("")
    lines.append(
      "Couverture par les scénarios : \(covered)/\(analysis.totalPaths) parcours (\(String(format: "%.1f", percent)) %)"
    )
    return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n")
  }

  public static func json(_ analysis: PathAnalysis, covered: Int, percent: Double) -> String {
    struct Item: Encodable {
      var code: String
      var level: String
      var count: Int
      var paths: [[String]]
    }
    struct Report: Encodable {
      var protocolID: String
      var totalPaths: Int
      var coveredPaths: Int
      var coveragePercent: Double
      var truncated: Bool
      var dispositions: [Item]

      enum CodingKeys: String, CodingKey {
        case protocolID = "protocol"
        case totalPaths, coveredPaths, coveragePercent, truncated, dispositions
      }
    }
    return JSONOutput.encode(
      Report(
        protocolID: analysis.protocolID, totalPaths: analysis.totalPaths, coveredPaths: covered,
        coveragePercent: (percent * 10).rounded() / 10, truncated: analysis.truncated,
        dispositions: analysis.dispositions.map {
          Item(code: $0.code, level: $0.level, count: $0.count, paths: $0.paths)
        }
      ))
  }
}
