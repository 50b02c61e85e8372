import RepereBase

/// A vocabulary id's label, in French and optionally English.
public struct Label: Hashable, Sendable {
  public var fr: String
  public var en: String?
  /// Everyday words and acronyms people type for it (`synonymes: [maison des ados, ados, MDA]`):
  /// directory search finds the id's structures by them too.
  public var synonyms: [String]

  public init(fr: String, en: String? = nil, synonyms: [String] = []) {
    self.fr = fr
    self.en = en
    self.synonyms = synonyms
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
      diagnostics.error("wrong-type", at: node.location, "un fichier de vocabulaire doit être un bloc de clés")
      return nil
    }
    mapping.checkKeys(
      allowed: ["format", "types", "thematiques", "publics"], required: ["format"], context: "le vocabulaire",
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
        "wrong-type", at: node.location,
        "`\(section)` doit associer des identifiants à des libellés, pas être \(node.shapeDescription)"
      )
      return [:]
    }
    var result: [String: Label] = [:]
    // A synonym two ids share would mix their structures in one search: warned once, at the second.
    var synonymOwners: [String: String] = [:]
    for entry in mapping.entries {
      if result[entry.key] != nil {
        diagnostics.error(
          "duplicate-id", at: entry.keyLocation, "« \(entry.key) » apparaît deux fois dans `\(section)`")
        continue
      }
      if let text = entry.value.scalar, !entry.value.isNull {
        result[entry.key] = Label(fr: text)
      } else if let labelMapping = entry.value.mapping {
        labelMapping.checkKeys(
          allowed: ["fr", "en", "synonymes"], required: ["fr"], context: "le libellé de « \(entry.key) »",
          into: &diagnostics)
        result[entry.key] = Label(
          fr: labelMapping["fr"]?.scalar ?? entry.key, en: labelMapping["en"]?.scalar,
          synonyms: synonyms(labelMapping["synonymes"], of: entry.key, diagnostics: &diagnostics))
      } else {
        diagnostics.error(
          "wrong-type", at: entry.value.location,
          "le libellé de « \(entry.key) » s'écrit { fr: \"…\" }, pas \(entry.value.shapeDescription)")
      }
    }
    for entry in mapping.entries {
      guard let items = entry.value.mapping?["synonymes"]?.sequence else { continue }
      for item in items {
        guard let text = item.scalar else { continue }
        let folded = TextFolding.fold(text)
        if let owner = synonymOwners[folded], owner != entry.key {
          diagnostics.warning(
            "shared-synonym", at: item.location,
            "« \(text) » est un synonyme à la fois de « \(owner) » et de « \(entry.key) » dans `\(section)` : une recherche par ce mot trouve les deux"
          )
        } else {
          synonymOwners[folded] = entry.key
        }
      }
    }
    return result
  }

  /// `synonymes: [maison des ados, ados, MDA]`: a list of non-empty texts.
  private static func synonyms(_ node: YAMLNode?, of id: String, diagnostics: inout Diagnostics) -> [String] {
    guard let node, !node.isNull else { return [] }
    guard let items = node.sequence else {
      diagnostics.error(
        "wrong-type", at: node.location,
        "les `synonymes` de « \(id) » doivent être une liste de mots, comme [MDA, maison des ados], pas \(node.shapeDescription)"
      )
      return []
    }
    var result: [String] = []
    for item in items {
      guard let text = item.scalar, !item.isNull, !text.allSatisfy(\.isWhitespace) else {
        diagnostics.error("wrong-type", at: item.location, "un synonyme de « \(id) » doit être un texte non vide")
        continue
      }
      result.append(text)
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
