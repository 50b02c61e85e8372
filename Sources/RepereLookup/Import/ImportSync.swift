import Foundation
import RepereBase

/// What the source said about each record at the last import (`FILE.import.json`, next to the
/// directory file, kept in git with it). Comparing it with the file tells a field corrected by
/// hand (it differs from what the source said) from one the source has since changed.
///
/// Held compactly (one text per record, not a dictionary of 17 texts: 100,000 records would
/// otherwise cost hundreds of megabytes) and written as sorted JSON by hand, a record per block
/// and a field per line, so that git diffs stay small. An empty field is not written.
public struct ImportBase: Sendable, Equatable {
  public static let format = "repere/import-base@1"
  /// Record id → its fields' values in `ImportSync.fieldNames` order, joined by U+001F.
  private var values: [String: String]
  private static let separator = "\u{1F}"
  private static let separatorByte: UInt8 = 0x1F

  public init() { values = [:] }

  public var count: Int { values.count }
  public var isEmpty: Bool { values.isEmpty }

  /// What the source said of each field of `id` (field order of `ImportSync.fieldNames`).
  func fields(of id: String) -> [String]? {
    guard let joined = values[id] else { return nil }
    let parts = joined.utf8.split(separator: Self.separatorByte, omittingEmptySubsequences: false).map {
      String(Substring($0))
    }
    return parts.count == ImportSync.fieldNames.count ? parts : nil
  }

  mutating func set(_ id: String, fields: [String]) {
    // A value holding the separator (a control character no source should send) is not kept:
    // the record then counts as never imported, and nothing is taken for a hand edit.
    guard fields.count == ImportSync.fieldNames.count,
      !fields.contains(where: { $0.utf8.contains(Self.separatorByte) })
    else {
      values[id] = nil
      return
    }
    values[id] = fields.joined(separator: Self.separator)
  }

  mutating func set(_ id: String, field name: String, to value: String) {
    guard var current = fields(of: id), let index = ImportSync.fieldNames.firstIndex(of: name) else { return }
    current[index] = value
    set(id, fields: current)
  }

  /// Reads the file `write` produces; nil when it is not one.
  public static func decode(_ data: Data) -> ImportBase? {
    guard case .object(let root)? = try? JSONParser.parse([UInt8](data)),
      case .object(let records)? = root["fiches"]
    else { return nil }
    var base = ImportBase()
    for (id, record) in records {
      guard case .object(let fields) = record else { return nil }
      base.set(
        id,
        fields: ImportSync.fieldNames.map { name in
          if case .string(let text)? = fields[name] { text } else { "" }
        })
    }
    return base
  }

  /// Sorted JSON, streamed to `sink` a record at a time.
  public func write(to sink: (String) throws -> Void) rethrows {
    try sink("{\n  \"fiches\": {")
    let sortedFields = ImportSync.fieldNames.enumerated().sorted { $0.element < $1.element }
    var first = true
    for id in values.keys.sorted() {
      guard let fields = fields(of: id) else { continue }
      var block = first ? "\n" : ",\n"
      first = false
      block += "    \(Self.quoted(id)): {"
      var firstField = true
      for (index, name) in sortedFields where !fields[index].isEmpty {
        block += (firstField ? "\n" : ",\n") + "      \(Self.quoted(name)): \(Self.quoted(fields[index]))"
        firstField = false
      }
      block += firstField ? "}" : "\n    }"
      try sink(block)
    }
    try sink(
      (first ? "}" : "\n  }") + ",\n  \"format\": \(Self.quoted(Self.format)),\n  \"note\": "
        + Self.quoted("Valeurs des sources au dernier import (repere import) ; ne pas modifier à la main.") + "\n}\n")
  }

  public func encoded() -> Data {
    var out = ""
    write { out += $0 }
    return Data(out.utf8)
  }

  /// A JSON text in quotes: `"`, `\` and control characters escaped, the rest as is.
  static func quoted(_ text: String) -> String {
    // Most values need no escape: copied whole.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) { return "\"" + text + "\"" }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// Re-importing a newer extract into an existing directory file: records are matched by id
/// (the source's own id), fields the source changed are updated, fields corrected by hand are
/// kept, records written by hand are left alone, and records the source no longer has are marked
/// `statut: inactive` (never deleted: a reviewer sees the change in the diff).
public enum ImportSync {
  private struct Field: Sendable {
    var name: String
    var value: @Sendable (Structure) -> String
    var copy: @Sendable (inout Structure, Structure) -> Void
  }

  private static func text(_ value: String?) -> String { value ?? "" }
  private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

  private static let fields: [Field] = [
    Field(name: "nom", value: { $0.nom }, copy: { $0.nom = $1.nom }),
    Field(name: "types", value: { $0.types.joined(separator: "|") }, copy: { $0.types = $1.types }),
    Field(name: "description", value: { text($0.description) }, copy: { $0.description = $1.description }),
    Field(
      name: "thematiques", value: { $0.thematiques.joined(separator: "|") }, copy: { $0.thematiques = $1.thematiques }),
    Field(name: "publics", value: { $0.publics.joined(separator: "|") }, copy: { $0.publics = $1.publics }),
    Field(name: "zone", value: { $0.zone.joined(separator: "|") }, copy: { $0.zone = $1.zone }),
    Field(
      name: "adresse",
      value: { structure in
        structure.adresse.map { [$0.voie, $0.complement, $0.codePostal, $0.commune, $0.codeInsee].map(text) }?
          .joined(separator: "|") ?? ""
      }, copy: { $0.adresse = $1.adresse }),
    Field(name: "latitude", value: { number($0.latitude) }, copy: { $0.latitude = $1.latitude }),
    Field(name: "longitude", value: { number($0.longitude) }, copy: { $0.longitude = $1.longitude }),
    Field(
      name: "telephones", value: { $0.telephones.map(\.numero).joined(separator: "|") },
      copy: { $0.telephones = $1.telephones }),
    Field(name: "courriel", value: { text($0.courriel) }, copy: { $0.courriel = $1.courriel }),
    Field(name: "site_web", value: { text($0.siteWeb) }, copy: { $0.siteWeb = $1.siteWeb }),
    Field(
      name: "horaires", value: { text($0.horairesText) },
      copy: {
        $0.horairesText = $1.horairesText
        $0.horaires = $1.horaires
      }),
    Field(name: "acces", value: { $0.acces.rawValue }, copy: { $0.acces = $1.acces }),
    Field(name: "statut", value: { $0.statut.rawValue }, copy: { $0.statut = $1.statut }),
    Field(name: "date_maj", value: { $0.dateMaj.map { "\($0)" } ?? "" }, copy: { $0.dateMaj = $1.dateMaj }),
    Field(name: "lien_source", value: { text($0.lienSource) }, copy: { $0.lienSource = $1.lienSource }),
  ]

  static let fieldNames = fields.map(\.name)

  private static func snapshot(_ structure: Structure) -> [String] { fields.map { $0.value(structure) } }

  /// The file's new records and the new base; `summary` receives what changed.
  public static func merge(
    existing: [Structure], base: ImportBase?, batch: ImportBatch, summary: inout ImportSummary
  ) -> (structures: [Structure], base: ImportBase) {
    var result: [Structure] = []
    let newBase = merge(existing: existing, base: base, batch: batch, summary: &summary) { result.append($0) }
    return (result, newBase)
  }

  /// The same, handing each record of the new file to `emit` in order (the file's records, then
  /// the added ones) so that it can be written as it comes; returns the new base.
  public static func merge(
    existing: [Structure], base: ImportBase?, batch: ImportBatch, summary: inout ImportSummary,
    emit: (Structure) throws -> Void
  ) rethrows -> ImportBase {
    var imported: [String: Int] = [:]
    for (index, structure) in batch.structures.enumerated() where imported[structure.id] == nil {
      imported[structure.id] = index
    }
    var newBase = base ?? ImportBase()
    var seen = Set<String>()
    for current in existing {
      seen.insert(current.id)
      let source = current.id.split(separator: "/").first.map(String.init) ?? ""
      guard let freshIndex = imported[current.id] else {
        guard batch.sources.contains(source), source != "repere" else {
          summary.handWritten += 1
          try emit(current)
          continue
        }
        // Gone only if this import could have produced it: inside the selection (the 94's
        // records in the same file are not the 93's import's) and no longer in the source at all
        // (a record the selection or the tables now leave out has not disappeared).
        guard batch.selection.covers(current), !batch.stillInSource.contains(current.id) else {
          summary.leftAlone += 1
          try emit(current)
          continue
        }
        var marked = current
        if current.statut != .inactive {
          marked.statut = .inactive
          summary.gone.append(current.id)
        }
        newBase.set(current.id, field: "statut", to: StructureStatus.inactive.rawValue)
        try emit(marked)
        continue
      }
      let fresh = batch.structures[freshIndex]
      let said = base?.fields(of: current.id)
      var merged = current
      var changedFields: [String] = []
      for (index, field) in fields.enumerated() {
        let now = field.value(current)
        let incoming = field.value(fresh)
        let before = said?[index] ?? now
        if now != before {
          if incoming != now { summary.keptEdits.append((current.id, field.name)) }
          continue
        }
        if incoming != now {
          field.copy(&merged, fresh)
          changedFields.append(field.name)
        }
      }
      if changedFields.isEmpty { summary.unchanged += 1 } else { summary.changed.append((current.id, changedFields)) }
      newBase.set(current.id, fields: snapshot(fresh))
      try emit(merged)
    }
    for (index, fresh) in batch.structures.enumerated() where imported[fresh.id] == index && !seen.contains(fresh.id) {
      summary.added.append(fresh.id)
      newBase.set(fresh.id, fields: snapshot(fresh))
      try emit(fresh)
    }
    return newBase
  }
}
