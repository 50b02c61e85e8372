import Foundation
import RepereBase

/// Reads `repere/protocol@1` files into `ProtocolDefinition`s, reporting every problem of the
/// file itself (shape, keys, types, expression syntax) with its position. Cross-references are
/// checked later by `ProtocolChecker`, on the merged protocol.
public enum ProtocolLoader {
  public static let format = DataFileKind.protocolFile.format

  static let topKeys: Set<String> = [
    "format", "id", "title", "version", "valid_from", "valid_to", "review_by", "scope", "audience", "extends",
    "start", "levels", "sources", "steps", "dispositions", "remove",
  ]

  /// Parses YAML text (for tests and tools); `file` names it in findings.
  public static func load(text: String, file: String) -> (ProtocolDefinition?, [Finding]) {
    var diagnostics = Diagnostics()
    guard let node = YAMLFile.parse(text, file: file, diagnostics: &diagnostics) else {
      return (nil, diagnostics.findings)
    }
    let definition = load(node: node, diagnostics: &diagnostics)
    return (definition, diagnostics.findings)
  }

  /// Reads an already parsed document whose `format` is the protocol format.
  public static func load(node: YAMLNode, diagnostics: inout Diagnostics) -> ProtocolDefinition? {
    var reader = YAMLReader()
    defer { diagnostics.append(contentsOf: reader.diagnostics.findings) }
    guard let top = reader.mapping(node, "un fichier de protocole") else { return nil }
    let isOverlay = top["extends"].map { !$0.isNull } ?? false
    let required =
      isOverlay
      ? ["format", "id", "title", "version", "extends", "scope"]
      : ["format", "id", "title", "version", "start", "steps"]
    top.checkKeys(allowed: topKeys, required: required, context: "le protocole", into: &reader.diagnostics)
    if let first = top.entries.first, first.key != "format" {
      reader.diagnostics.error(
        "format-not-first", at: first.keyLocation, "`format` doit être la première clé du fichier",
        hint: "placez `format: \(format)` en tête du fichier")
    }

    var fields: [String: SourceLocation] = [:]
    for entry in top.entries { fields[entry.key] = entry.value.location }
    let id = top["id"].flatMap { reader.text($0, "l'identifiant du protocole") } ?? ""
    if let idNode = top["id"], !id.isEmpty, !Identifier.isValid(id) {
      reader.diagnostics.error(
        "invalid-id", at: idNode.location,
        "l'identifiant de protocole « \(id) » ne peut contenir que a-z, 0-9, « - », « / » et « . »",
        hint: "écrivez « \(id.lowercased()) »")
    }
    let title = top["title"].flatMap { reader.text($0, "le titre") } ?? ""
    let version = top["version"].flatMap { reader.text($0, "la version") } ?? ""
    let start = reader.optionalText(top["start"], "`start`") ?? ""
    let extends = reader.optionalText(top["extends"], "`extends`")
    let levelsNode = top["levels"]
    let levels = levelsNode.flatMap { $0.isNull ? nil : reader.textList($0, "`levels`").map(\.0) }
    if let levelsNode, let levels {
      if levels.isEmpty {
        reader.diagnostics.error("empty-levels", at: levelsNode.location, "`levels` doit donner au moins un niveau")
      }
      var seen = Set<String>()
      for (level, location) in reader.textList(levelsNode, "`levels`") where !seen.insert(level).inserted {
        reader.diagnostics.error(
          "duplicate-level", at: location, "le niveau « \(level) » apparaît deux fois dans l'échelle")
      }
    }

    var definition = ProtocolDefinition(
      id: id, title: title, version: version, start: start, steps: [],
      levels: (levels?.isEmpty ?? true) ? nil : levels,
      scope: scope(top["scope"], reader: &reader),
      audience: reader.textList(top["audience"], "`audience`").map(\.0),
      extends: extends,
      removedSteps: reader.textList(top["remove"], "`remove`").map(\.0),
      validFrom: reader.date(top["valid_from"], "`valid_from`"),
      validTo: reader.date(top["valid_to"], "`valid_to`"),
      reviewBy: reader.date(top["review_by"], "`review_by`"),
      location: node.location, fieldLocations: fields)
    for (index, entry) in reader.textList(top["remove"], "`remove`").enumerated() {
      definition.fieldLocations["remove.\(index)"] = entry.1
    }
    if let stepsNode = top["steps"], !stepsNode.isNull, let items = reader.sequence(stepsNode, "`steps`") {
      definition.setSteps(items.compactMap { StepLoader.load($0, reader: &reader) })
    }
    if let node = top["dispositions"], !node.isNull, let mapping = reader.mapping(node, "`dispositions`") {
      for entry in mapping.entries {
        if let disposition = DispositionLoader.load(code: entry.key, entry: entry, reader: &reader) {
          definition.dispositions[entry.key] = disposition
        }
      }
    }
    if let node = top["sources"], !node.isNull, let mapping = reader.mapping(node, "`sources`") {
      for entry in mapping.entries {
        if let source = loadSource(entry, reader: &reader) { definition.sources[entry.key] = source }
      }
    }
    return definition
  }

  private static func scope(_ node: YAMLNode?, reader: inout YAMLReader) -> ProtocolScope {
    guard let node, !node.isNull else { return .national }
    if let text = node.scalar {
      if text == "national" { return .national }
      reader.diagnostics.error(
        "invalid-scope", at: node.location,
        "`scope` doit valoir « national » ou une liste de codes de département, pas « \(text) »",
        hint: "écrivez scope: [\"\(text)\"]")
      return .national
    }
    let codes = reader.textList(node, "`scope`")
    for (code, location) in codes where !isDepartementCode(code) {
      reader.diagnostics.error(
        "invalid-scope", at: location, "« \(code) » n'est pas un code de département",
        hint: "un code s'écrit comme \"93\", \"2A\", \"971\"")
    }
    return .departements(codes.map(\.0))
  }

  static func isDepartementCode(_ code: String) -> Bool {
    if code == "2A" || code == "2B" { return true }
    guard code.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
    return code.count == 2 || (code.count == 3 && code.hasPrefix("97"))
  }

  private static func loadSource(_ entry: YAMLMapping.Entry, reader: inout YAMLReader) -> SourceReference? {
    guard let mapping = reader.mapping(entry.value, "la source « \(entry.key) »") else { return nil }
    mapping.checkKeys(
      allowed: ["title", "url"], required: ["title"], context: "la source « \(entry.key) »", into: &reader.diagnostics)
    return SourceReference(
      id: entry.key, title: mapping["title"].flatMap { reader.text($0, "le titre d'une source") } ?? entry.key,
      url: reader.optionalText(mapping["url"], "l'adresse d'une source"), location: entry.keyLocation)
  }
}
