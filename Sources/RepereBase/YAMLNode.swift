import Yams

/// A YAML node with the file and position it came from, so that every finding can point at it.
public struct YAMLNode {
  public let node: Node
  public let file: String

  public init(node: Node, file: String) {
    self.node = node
    self.file = file
  }

  /// Where the node starts (line and column from 1).
  public var location: SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
  }

  /// The node as a mapping, or nil.
  public var mapping: YAMLMapping? {
    guard case .mapping(let mapping) = node else { return nil }
    return YAMLMapping(mapping: mapping, file: file, location: location)
  }

  /// The items of a sequence, or nil.
  public var sequence: [YAMLNode]? {
    guard case .sequence(let sequence) = node else { return nil }
    return sequence.map { YAMLNode(node: $0, file: file) }
  }

  /// The text of a scalar (as written, unquoted), or nil for mappings and sequences. A text
  /// past `TextLimits.maximumFieldLength` comes cut, with its mark (`YAMLFile` reports it).
  public var scalar: String? {
    guard case .scalar(let scalar) = node else { return nil }
    return TextLimits.capped(scalar.string) ?? scalar.string
  }

  /// True for `null`, `~` and an empty plain scalar.
  public var isNull: Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// True when the scalar was quoted, so `"12"` stays text while `12` is a number.
  public var isQuoted: Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .singleQuoted || scalar.style == .doubleQuoted
  }

  /// A boolean scalar (`true`/`false`, YAML 1.2 core schema; `oui`/`non` are not booleans here).
  public var bool: Bool? {
    guard let text = scalar, !isQuoted else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// An integer or decimal number written without quotes (never `0x10`, `1e1` or `.inf`).
  public var number: Double? {
    guard let text = scalar, !isQuoted else { return nil }
    return DecimalText.parse(text)
  }

  /// A short French name of the node's shape for findings ("un bloc de clés", "une liste", "un texte").
  public var shapeDescription: String {
    switch node {
    case .mapping: return "un bloc de clés"
    case .sequence: return "une liste"
    case .alias: return "un alias"
    case .scalar:
      if isNull { return "une valeur vide" }
      if bool != nil { return "un booléen" }
      if number != nil { return "un nombre" }
      return "un texte"
    }
  }
}

/// A YAML mapping whose keys are plain text, in file order, each with its position.
public struct YAMLMapping {
  /// One `key: value` pair.
  public struct Entry {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: YAMLNode
  }

  public let entries: [Entry]
  public let location: SourceLocation

  init(mapping: Node.Mapping, file: String, location: SourceLocation) {
    self.location = location
    self.entries = mapping.map { pair in
      let keyNode = YAMLNode(node: pair.key, file: file)
      return Entry(
        key: keyNode.scalar ?? "", keyLocation: keyNode.location, value: YAMLNode(node: pair.value, file: file))
    }
  }

  /// The value of the first entry with this key.
  public subscript(key: String) -> YAMLNode? {
    entries.first { $0.key == key }?.value
  }

  /// The entry with this key, with the key's own position.
  public func entry(_ key: String) -> Entry? {
    entries.first { $0.key == key }
  }

  /// Reports unknown keys (with a suggestion), duplicate keys and missing required keys.
  /// `context` names the mapping in French messages, after « dans » ("l'étape « age »", "le protocole").
  public func checkKeys(
    allowed: Set<String>, required: [String], context: String, into diagnostics: inout Diagnostics
  ) {
    var seen = Set<String>()
    for entry in entries {
      if !seen.insert(entry.key).inserted {
        diagnostics.error(
          "duplicate-key", at: entry.keyLocation, "la clé `\(entry.key)` apparaît deux fois dans \(context)",
          hint: "n'en gardez qu'une : YAML ne garderait que la dernière, sans rien dire")
      } else if !allowed.contains(entry.key) {
        diagnostics.error(
          "unknown-key", at: entry.keyLocation, "clé `\(entry.key)` inconnue dans \(context)",
          hint: Suggestion.hint(for: entry.key, among: allowed.sorted()))
      }
    }
    for key in required where !seen.contains(key) {
      diagnostics.error(
        "missing-key", at: location, "il manque la clé obligatoire `\(key)` dans \(context)")
    }
  }
}
