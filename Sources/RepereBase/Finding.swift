/// How serious a finding is. Errors make `repere check` exit 2; warnings do not (unless --strict).
public enum Severity: String, Sendable, Codable, Comparable {
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .warning && rhs == .error
  }
}

/// One problem found in a data file: what, where, and how to fix it.
///
/// Codes are stable identifiers (`unknown-key`, `missing-step`, …) that tests and tools match on;
/// the message is for people.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
  public var code: String
  public var severity: Severity
  public var location: SourceLocation
  public var message: String
  /// A suggestion such as « vouliez-vous dire « next » ? », shown after the message.
  public var hint: String?
  /// Other places involved (e.g. the base step an overlay replaces).
  public var related: [SourceLocation]

  public init(
    code: String, severity: Severity = .error, location: SourceLocation, message: String,
    hint: String? = nil, related: [SourceLocation] = []
  ) {
    self.code = code
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
    self.related = related
  }

  /// `file:line:column: error: message (hint) [code]`, one line, like a compiler.
  public var description: String {
    var text = "\(location): \(severity.rawValue): \(message)"
    if let hint { text += " (\(hint))" }
    text += " [\(code)]"
    return text
  }
}

/// Findings gathered while loading or checking; loaders append instead of throwing so that one
/// run reports every mistake, like a good compiler.
public struct Diagnostics: Sendable {
  public private(set) var findings: [Finding] = []

  public init() {}

  public mutating func append(_ finding: Finding) { findings.append(finding) }
  public mutating func append(contentsOf other: [Finding]) { findings.append(contentsOf: other) }

  public mutating func error(
    _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
  ) {
    findings.append(Finding(code: code, severity: .error, location: location, message: message, hint: hint))
  }

  public mutating func warning(
    _ code: String, at location: SourceLocation, _ message: String, hint: String? = nil
  ) {
    findings.append(Finding(code: code, severity: .warning, location: location, message: message, hint: hint))
  }

  public var hasErrors: Bool { findings.contains { $0.severity == .error } }

  /// Findings ordered by file, line, column, then code, for stable output.
  public var sorted: [Finding] {
    findings.sorted { ($0.location, $0.code) < ($1.location, $1.code) }
  }
}
