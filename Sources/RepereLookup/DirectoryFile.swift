import Foundation
import RepereBase

/// One directory source as loaded: a YAML file (`format: repere/directory@1`) or a CSV export.
///
/// The bundle finds the files and calls these loaders; loaders append findings instead of
/// throwing, so one run reports every mistake.
public struct DirectoryFile: Sendable {
  /// The file's path as given (relative to the data folder).
  public var path: String
  /// Where the records come from (`source:`); « exemple fictif » marks demonstration records.
  public var source: String?
  public var updated: CalendarDay?
  public var structures: [Structure]

  public init(path: String, source: String? = nil, updated: CalendarDay? = nil, structures: [Structure]) {
    self.path = path
    self.source = source
    self.updated = updated
    self.structures = structures
  }

  /// The format id of directory YAML files.
  public static let format = DataFileKind.directory.format

  /// Whether a `source` text marks demonstration records (« exemple fictif », any case or accents).
  public static func isExampleSource(_ source: String?) -> Bool {
    guard let source else { return false }
    return TextFolding.fold(source).contains("exemple fictif")
  }

  /// Reads a directory YAML file from its bytes: through the fast reader when the file keeps to
  /// the plain layout `repere import` writes, else through Yams (which reports every mistake).
  /// Nil when the file is not UTF-8 or not YAML (a finding says why).
  public static func load(data: Data, path: String, diagnostics: inout Diagnostics) -> DirectoryFile? {
    guard let text = TextDecoding.utf8(data, file: path, diagnostics: &diagnostics) else { return nil }
    if let file = DirectoryYAMLFastReader.read(text, path: path, diagnostics: &diagnostics) { return file }
    guard let node = YAMLFile.parse(text, file: path, diagnostics: &diagnostics) else { return nil }
    return load(node, diagnostics: &diagnostics)
  }

  /// Reads a parsed directory YAML file.
  public static func load(_ node: YAMLNode, diagnostics: inout Diagnostics) -> DirectoryFile {
    var file = DirectoryFile(path: node.file, structures: [])
    guard let mapping = node.mapping else {
      diagnostics.error("wrong-type", at: node.location, "un fichier d'annuaire doit être un bloc de clés")
      return file
    }
    mapping.checkKeys(
      allowed: ["format", "source", "updated", "structures"], required: ["format", "structures"],
      context: "l'annuaire", into: &diagnostics)
    file.source = mapping["source"]?.scalar
    if let updated = mapping["updated"], let text = updated.scalar, !updated.isNull {
      file.updated = CalendarDay(iso: text)
      if file.updated == nil {
        diagnostics.error("invalid-date", at: updated.location, "`updated` doit être une date écrite AAAA-MM-JJ")
      }
    }
    let isExample = isExampleSource(file.source)
    guard let list = mapping["structures"], !list.isNull else { return file }
    guard let items = list.sequence else {
      diagnostics.error(
        "wrong-type", at: list.location, "`structures` doit être une liste de structures, pas \(list.shapeDescription)")
      return file
    }
    file.structures.reserveCapacity(items.count)
    for item in items {
      if let structure = loadStructure(item, isExample: isExample, diagnostics: &diagnostics) {
        file.structures.append(structure)
      }
    }
    return file
  }

  private static let allowedKeys = Set(StructureBuilder.fields)

  static func loadStructure(_ node: YAMLNode, isExample: Bool, diagnostics: inout Diagnostics) -> Structure? {
    guard let mapping = node.mapping else {
      diagnostics.error(
        "wrong-type", at: node.location, "une structure doit être un bloc de clés, pas \(node.shapeDescription)")
      return nil
    }
    let name = mapping["id"]?.scalar.map { "la structure « \($0) »" } ?? "une structure"
    mapping.checkKeys(allowed: allowedKeys, required: [], context: name, into: &diagnostics)
    var builder = StructureBuilder(location: mapping.location, isExample: isExample)
    for entry in mapping.entries where allowedKeys.contains(entry.key) {
      let value = entry.value
      if value.isNull { continue }
      switch entry.key {
      case "adresse":
        loadAddress(value, builder: &builder, diagnostics: &diagnostics)
      case "telephones":
        loadPhones(value, builder: &builder, diagnostics: &diagnostics)
      case let key where StructureBuilder.listFields.contains(key):
        if let items = value.sequence {
          var list: [(String, SourceLocation)] = []
          for item in items {
            guard let text = item.scalar, !item.isNull else {
              diagnostics.error(
                "wrong-type", at: item.location,
                "les éléments de `\(key)` doivent être des textes, pas \(item.shapeDescription)")
              continue
            }
            list.append((text, contentLocation(item)))
          }
          builder.setList(key, list)
        } else if let text = value.scalar {
          builder.setList(key, [(text, contentLocation(value))])  // a single id written without brackets
        } else {
          diagnostics.error(
            "wrong-type", at: value.location, "`\(key)` doit être une liste, pas \(value.shapeDescription)")
        }
      default:
        guard let text = value.scalar else {
          diagnostics.error(
            "wrong-type", at: value.location, "`\(entry.key)` doit être un texte, pas \(value.shapeDescription)")
          continue
        }
        builder.setText(entry.key, text, at: contentLocation(value), into: &diagnostics)
      }
    }
    return builder.finish(at: mapping.location, context: name, into: &diagnostics)
  }

  /// Where a scalar's text starts: one column after an opening quote.
  static func contentLocation(_ node: YAMLNode) -> SourceLocation {
    var location = node.location
    if node.isQuoted { location.column += 1 }
    return location
  }

  private static func loadAddress(_ node: YAMLNode, builder: inout StructureBuilder, diagnostics: inout Diagnostics) {
    guard let mapping = node.mapping else {
      diagnostics.error(
        "wrong-type", at: node.location, "`adresse` doit être un bloc de clés, pas \(node.shapeDescription)")
      return
    }
    mapping.checkKeys(
      allowed: Set(StructureBuilder.addressFields), required: [], context: "`adresse`", into: &diagnostics)
    for entry in mapping.entries where StructureBuilder.addressFields.contains(entry.key) {
      guard let text = entry.value.scalar, !entry.value.isNull else { continue }
      builder.recordAddress(entry.key, at: contentLocation(entry.value))
      builder.setAddress(entry.key, text.trimmingSpaces)
    }
  }

  private static func loadPhones(_ node: YAMLNode, builder: inout StructureBuilder, diagnostics: inout Diagnostics) {
    guard let items = node.sequence else {
      diagnostics.error(
        "wrong-type", at: node.location,
        "`telephones` doit être une liste de { numero, libelle }, pas \(node.shapeDescription)")
      return
    }
    for item in items {
      if let text = item.scalar, !item.isNull {
        builder.addPhone(Phone(numero: text), at: contentLocation(item))  // « - "119" » shorthand
        continue
      }
      guard let mapping = item.mapping else {
        diagnostics.error(
          "wrong-type", at: item.location,
          "un téléphone s'écrit { numero: …, libelle: … }, pas \(item.shapeDescription)")
        continue
      }
      mapping.checkKeys(
        allowed: ["numero", "libelle"], required: ["numero"], context: "un téléphone", into: &diagnostics)
      guard let numero = mapping["numero"], let text = numero.scalar else { continue }
      builder.addPhone(Phone(numero: text, libelle: mapping["libelle"]?.scalar), at: contentLocation(numero))
    }
  }
}
