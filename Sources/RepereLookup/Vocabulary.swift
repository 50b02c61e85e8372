import RepereBase

/// A vocabulary id's label, in French and optionally English.
public struct Label: Hashable, Sendable {
  public var fr: String
  public var en: String?

  public init(fr: String, en: String? = nil) {
    self.fr = fr
    self.en = en
  }
}

/// The bundle's vocabulary (`format: repere/vocabulary@1`): the ids that structures' `types`,
/// `thematiques` and `publics` may use, each with its label.
public struct Vocabulary: Sendable {
  public var types: [String: Label]
  public var thematiques: [String: Label]
  public var publics: [String: Label]
  /// Where the file was read from (nil when built in code).
  public var location: SourceLocation?

  public init(
    types: [String: Label] = [:], thematiques: [String: Label] = [:], publics: [String: Label] = [:],
    location: SourceLocation? = nil
  ) {
    self.types = types
    self.thematiques = thematiques
    self.publics = publics
    self.location = location
  }

  /// The format id this loader reads.
  public static let format = DataFileKind.vocabulary.format

  /// Reads a parsed vocabulary file; every problem becomes a finding. Returns nil when the file
  /// is not a vocabulary mapping at all.
  public static func load(_ node: YAMLNode, diagnostics: inout Diagnostics) -> Vocabulary? {
    guard let mapping = node.mapping else {
      diagnostics.error("wrong-type", at: node.location, "a vocabulary file must be a mapping")
      return nil
    }
    mapping.checkKeys(
      allowed: ["format", "types", "thematiques", "publics"], required: ["format"], context: "the vocabulary",
      into: &diagnostics)
    var vocabulary = Vocabulary(location: mapping.location)
    vocabulary.types = labels(mapping["types"], section: "types", diagnostics: &diagnostics)
    vocabulary.thematiques = labels(mapping["thematiques"], section: "thematiques", diagnostics: &diagnostics)
    vocabulary.publics = labels(mapping["publics"], section: "publics", diagnostics: &diagnostics)
    return vocabulary
  }

  private static func labels(_ node: YAMLNode?, section: String, diagnostics: inout Diagnostics) -> [String: Label] {
    guard let node, !node.isNull else { return [:] }
    guard let mapping = node.mapping else {
      diagnostics.error(
        "wrong-type", at: node.location, "'\(section)' must be a mapping of ids to labels, not \(node.shapeDescription)"
      )
      return [:]
    }
    var result: [String: Label] = [:]
    for entry in mapping.entries {
      if result[entry.key] != nil {
        diagnostics.error("duplicate-id", at: entry.keyLocation, "'\(entry.key)' appears twice in '\(section)'")
        continue
      }
      if let text = entry.value.scalar, !entry.value.isNull {
        result[entry.key] = Label(fr: text)
      } else if let labelMapping = entry.value.mapping {
        labelMapping.checkKeys(
          allowed: ["fr", "en"], required: ["fr"], context: "the label of '\(entry.key)'", into: &diagnostics)
        result[entry.key] = Label(fr: labelMapping["fr"]?.scalar ?? entry.key, en: labelMapping["en"]?.scalar)
      } else {
        diagnostics.error(
          "wrong-type", at: entry.value.location,
          "the label of '\(entry.key)' must be { fr: \"…\" }, not \(entry.value.shapeDescription)")
      }
    }
    return result
  }

  /// The French label of a type id, or the id itself.
  public func typeLabel(_ id: String) -> String { types[id]?.fr ?? id }
  /// The French label of a theme id, or the id itself.
  public func themeLabel(_ id: String) -> String { thematiques[id]?.fr ?? id }
  /// The French label of a public id, or the id itself.
  public func publicLabel(_ id: String) -> String { publics[id]?.fr ?? id }
}
