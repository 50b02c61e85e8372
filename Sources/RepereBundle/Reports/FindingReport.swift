import Foundation
import RepereBase

/// `repere check` output: compiler-style lines for people, JSON for tools.
public enum FindingReport {
  /// One line per finding (`file:line:column: error: message (hint) [code]`), a note line per
  /// related place, and a closing count. With `limitPerCode`, only the first findings of each
  /// code are listed and the rest are counted (« … et 1 684 autres [postal-code-mismatch] »),
  /// so that a large directory's report stays readable; the closing count covers them all.
  public static func human(_ findings: [Finding], limitPerCode: Int? = nil) -> String {
    var lines: [String] = []
    var shown: [String: Int] = [:]
    var hidden: [(code: String, count: Int)] = []
    var hiddenIndex: [String: Int] = [:]
    for finding in findings {
      let count = shown[finding.code, default: 0]
      if let limitPerCode, count >= limitPerCode {
        if let index = hiddenIndex[finding.code] {
          hidden[index].count += 1
        } else {
          hiddenIndex[finding.code] = hidden.count
          hidden.append((finding.code, 1))
        }
        continue
      }
      shown[finding.code] = count + 1
      lines.append(TerminalText.sanitized(finding.description))
      for related in finding.related { lines.append("\(related): note: voir aussi") }
    }
    for (code, count) in hidden {
      lines.append(
        "… et \(grouped(count)) autre\(count > 1 ? "s" : "") [\(TerminalText.sanitized(code))] (--all pour tout afficher)"
      )
    }
    let errors = findings.filter { $0.severity == .error }.count
    let warnings = findings.count - errors
    if findings.isEmpty {
      lines.append("Aucun problème trouvé.")
    } else {
      lines.append(
        "\(grouped(errors)) erreur\(errors > 1 ? "s" : ""), \(grouped(warnings)) avertissement\(warnings > 1 ? "s" : "")"
      )
    }
    return lines.joined(separator: "\n")
  }

  /// 1684 → « 1 684 »: French digit grouping, with a plain space so that tools can split it.
  static func grouped(_ number: Int) -> String {
    let digits = String(number)
    guard digits.count > 3 else { return digits }
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(" ") }
      result.append(character)
    }
    return result
  }

  /// `{ "format": "repere/check@1", "errors": n, "warnings": n, "findings": [ {code, severity, file, line, column, message, hint, related} ] }`.
  public static func json(_ findings: [Finding]) -> String {
    let errors = findings.filter { $0.severity == .error }.count
    let report = JSONReport(
      errors: errors, warnings: findings.count - errors, findings: findings.map(JSONFinding.init))
    return MachineJSON.document("check", report)
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
