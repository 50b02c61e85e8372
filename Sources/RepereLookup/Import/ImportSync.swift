import Foundation
import RepereBase

/// What the source said about each record at the last import (`FILE.yaml.import.json`, next to
/// the directory file, kept in git with it). Comparing it with the file tells a field corrected
/// by hand (it differs from what the source said) from one the source has since changed.
public struct ImportBase: Sendable, Equatable {
  /// Record id → field → the source's value, as compared text.
  public var records: [String: [String: String]]

  public init(records: [String: [String: String]] = [:]) { self.records = records }

  public static func decode(_ data: Data) -> ImportBase? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let records = object["fiches"] as? [String: [String: String]]
    else { return nil }
    return ImportBase(records: records)
  }

  /// Sorted JSON, one stable text per content so that git diffs stay small.
  public func encoded() -> Data {
    let object: [String: Any] = [
      "format": "repere/import-base@1",
      "note": "Valeurs des sources au dernier import (repere import) ; ne pas modifier à la main.",
      "fiches": records,
    ]
    return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
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

  private static func snapshot(_ structure: Structure) -> [String: String] {
    Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value(structure)) })
  }

  /// The file's new records and the new base; `summary` receives what changed.
  public static func merge(
    existing: [Structure], base: ImportBase?, batch: ImportBatch, summary: inout ImportSummary
  ) -> (structures: [Structure], base: ImportBase) {
    var imported: [String: Structure] = [:]
    var order: [String] = []
    for structure in batch.structures where imported[structure.id] == nil {
      imported[structure.id] = structure
      order.append(structure.id)
    }
    var newBase = base ?? ImportBase()
    var result: [Structure] = []
    var seen = Set<String>()
    for current in existing {
      seen.insert(current.id)
      let source = current.id.split(separator: "/").first.map(String.init) ?? ""
      guard let fresh = imported[current.id] else {
        if batch.sources.contains(source), source != "repere" {
          var marked = current
          if current.statut != .inactive {
            marked.statut = .inactive
            summary.gone.append(current.id)
          }
          newBase.records[current.id]?["statut"] = StructureStatus.inactive.rawValue
          result.append(marked)
        } else {
          summary.handWritten += 1
          result.append(current)
        }
        continue
      }
      let said = base?.records[current.id]
      var merged = current
      var changedFields: [String] = []
      for field in fields {
        let now = field.value(current)
        let incoming = field.value(fresh)
        let before = said?[field.name] ?? now
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
      newBase.records[current.id] = snapshot(fresh)
      result.append(merged)
    }
    for id in order where !seen.contains(id) {
      guard let fresh = imported[id] else { continue }
      summary.added.append(id)
      newBase.records[id] = snapshot(fresh)
      result.append(fresh)
    }
    return (result, newBase)
  }
}
