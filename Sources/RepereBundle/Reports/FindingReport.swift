import Foundation
import RepereBase

/// `repere check` output: compiler-style lines for people, JSON for tools.
public enum FindingReport {
  /// One line per finding (`file:line:column: error: message (hint) [code]`), a note line per
  /// related place, and a closing count.
  public static func human(_ findings: [Finding]) -> String {
    var lines: [String] = []
    for finding in findings {
      lines.append(TerminalText.sanitized(finding.description))
      for related in finding.related { lines.append("\(related): note: see also") }
    }
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.count - errors
    if findings.isEmpty {
      lines.append("Aucun problème trouvé.")
    } else {
      lines.append("\(errors) erreur\(errors > 1 ? "s" : ""), \(warnings) avertissement\(warnings > 1 ? "s" : "")")
    }
    return lines.joined(separator: "\n")
  }

  /// `{ "errors": n, "warnings": n, "findings": [ {code, severity, file, line, column, message, hint, related} ] }`.
  public static func json(_ findings: [Finding]) -> String {
    let errors = findings.filter { $0.severity == .error }.count
    let report = JSONReport(
      errors: errors, warnings: findings.count - errors, findings: findings.map(JSONFinding.init))
    return JSONOutput.encode(report)
  }

  /// The exit status of `check`: 2 with errors, 1 with warnings under `--strict`, else 0.
  public static func exitStatus(_ findings: [Finding], strict: Bool) -> Int32 {
    if findings.contains(where: { $0.severity == .error }) { return 2 }
    if strict, !findings.isEmpty { return 1 }
    return 0
  }

  struct JSONReport: Encodable {
    var errors: Int
    var warnings: Int
    var findings: [JSONFinding]
  }

  struct JSONLocation: Encodable {
    var file: String
    var line: Int
    var column: Int

    init(_ location: SourceLocation) {
      file = location.file
      line = location.line
      column = location.column
    }
  }

  struct JSONFinding: Encodable {
    var code: String
    var severity: String
    var file: String
    var line: Int
    var column: Int
    var message: String
    var hint: String?
    var related: [JSONLocation]

    init(_ finding: Finding) {
      code = finding.code
      severity = finding.severity.rawValue
      file = finding.location.file
      line = finding.location.line
      column = finding.location.column
      message = finding.message
      hint = finding.hint
      related = finding.related.map(JSONLocation.init)
    }
  }
}

/// Stable, readable JSON.
enum JSONOutput {
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "{}" }
    return TerminalText.escapingJSONControls(text)
  }
}
