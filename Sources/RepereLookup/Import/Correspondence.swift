import RepereBase

/// What one value of a source's vocabulary becomes in Repère's vocabulary.
public struct CorrespondenceTarget: Hashable, Sendable {
  public var types: [String]
  public var thematiques: [String]
  public var publics: [String]
  /// Where the entry is written (for findings).
  public var location: SourceLocation

  /// An entry written `{}`: the value is known and deliberately has no correspondence.
  public var isDeliberatelyEmpty: Bool { types.isEmpty && thematiques.isEmpty && publics.isEmpty }
}

/// A correspondence table (`format: repere/correspondence@1`): for one open-data source, the
/// values of its vocabularies (data·inclusion `reseaux_porteurs`, `thematiques`, `publics`;
/// FINESS `categetab`; Service-Public `pivot`) and the Repère types, themes and publics each one
/// gives. Authors edit it like any data file; a value the table does not list is reported by
/// the import as unmapped, never guessed.
///
/// ```yaml
/// format: repere/correspondence@1
/// source: finess
/// correspondances:
///   categetab:
///     "701": { types: [maison-des-adolescents], thematiques: [adolescence], publics: [mineurs] }
///     "355": {}          # connu, volontairement sans correspondance
/// ```
public struct CorrespondenceTable: Sendable {
  public static let format = DataFileKind.correspondence.format
  /// The sources an importer exists for.
  public static let sources = ["data-inclusion", "finess", "service-public"]

  public var source: String
  /// Source field → source value → target.
  public var fields: [String: [String: CorrespondenceTarget]]
  public var location: SourceLocation

  public init(source: String, fields: [String: [String: CorrespondenceTarget]], location: SourceLocation) {
    self.source = source
    self.fields = fields
    self.location = location
  }

  /// The target of `value` in `field`, nil when the table does not list it.
  public func target(field: String, value: String) -> CorrespondenceTarget? { fields[field]?[value] }

  /// Reads a parsed table; every problem becomes a finding.
  public static func load(_ node: YAMLNode, diagnostics: inout Diagnostics) -> CorrespondenceTable? {
    guard let mapping = node.mapping else {
      diagnostics.error("wrong-type", at: node.location, "une table de correspondance doit être un bloc de clés")
      return nil
    }
    mapping.checkKeys(
      allowed: ["format", "source", "correspondances"], required: ["format", "source", "correspondances"],
      context: "la table de correspondance", into: &diagnostics)
    guard let sourceNode = mapping["source"], let source = sourceNode.scalar else { return nil }
    if !sources.contains(source) {
      diagnostics.error(
        "unknown-source", at: sourceNode.location, "source « \(source) » inconnue",
        hint: Suggestion.hint(for: source, among: sources) ?? "sources : \(sources.joined(separator: ", "))")
    }
    var table = CorrespondenceTable(source: source, fields: [:], location: mapping.location)
    guard let fieldsNode = mapping["correspondances"] else { return table }
    guard let fieldsMapping = fieldsNode.mapping else {
      diagnostics.error(
        "wrong-type", at: fieldsNode.location,
        "`correspondances` doit associer les champs de la source à leurs valeurs, pas être \(fieldsNode.shapeDescription)"
      )
      return table
    }
    for field in fieldsMapping.entries {
      guard let values = field.value.mapping else {
        if !field.value.isNull {
          diagnostics.error(
            "wrong-type", at: field.value.location,
            "les valeurs de « \(field.key) » doivent être un bloc de clés, pas \(field.value.shapeDescription)")
        }
        continue
      }
      var targets: [String: CorrespondenceTarget] = [:]
      for entry in values.entries {
        if targets[entry.key] != nil {
          diagnostics.error(
            "duplicate-id", at: entry.keyLocation, "« \(entry.key) » apparaît deux fois dans « \(field.key) »")
          continue
        }
        targets[entry.key] = target(entry, diagnostics: &diagnostics)
      }
      table.fields[field.key] = targets
    }
    return table
  }

  private static func target(_ entry: YAMLMapping.Entry, diagnostics: inout Diagnostics) -> CorrespondenceTarget {
    var target = CorrespondenceTarget(types: [], thematiques: [], publics: [], location: entry.keyLocation)
    if entry.value.isNull { return target }
    guard let mapping = entry.value.mapping else {
      diagnostics.error(
        "wrong-type", at: entry.value.location,
        "« \(entry.key) » s'écrit { types: […], thematiques: […], publics: […] } ou {}, pas \(entry.value.shapeDescription)"
      )
      return target
    }
    mapping.checkKeys(
      allowed: ["types", "thematiques", "publics"], required: [], context: "la correspondance de « \(entry.key) »",
      into: &diagnostics)
    func ids(_ key: String) -> [String] {
      guard let node = mapping[key], !node.isNull else { return [] }
      if let items = node.sequence { return items.compactMap(\.scalar) }
      if let single = node.scalar { return [single] }
      diagnostics.error("wrong-type", at: node.location, "`\(key)` doit être une liste d'identifiants")
      return []
    }
    target.types = ids("types")
    target.thematiques = ids("thematiques")
    target.publics = ids("publics")
    return target
  }

  /// Every id the table gives that `vocabulary` lacks, at its entry.
  public func check(against vocabulary: Vocabulary) -> [Finding] {
    var diagnostics = Diagnostics()
    for (field, values) in fields.sorted(by: { $0.key < $1.key }) {
      for (value, target) in values.sorted(by: { $0.key < $1.key }) {
        let sections: [(String, [String], [String: Label])] = [
          ("types", target.types, vocabulary.types), ("thematiques", target.thematiques, vocabulary.thematiques),
          ("publics", target.publics, vocabulary.publics),
        ]
        for (section, ids, known) in sections {
          for id in ids where known[id] == nil {
            diagnostics.error(
              "unknown-vocabulary-id", at: target.location,
              "« \(value) » (\(field)) donne « \(id) » dans `\(section)`, absent du vocabulaire",
              hint: Suggestion.hint(for: id, among: known.keys.sorted()))
          }
        }
      }
    }
    return diagnostics.findings
  }
}
