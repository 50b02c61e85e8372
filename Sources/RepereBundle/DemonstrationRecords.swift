import Foundation
import RepereBase
import RepereLookup

extension DataBundle {
  /// The fictional records (« exemple fictif ») of the directory and the resource centre, with
  /// where each is written. A demonstration bundle has some; a deployed one must have none.
  public var fictionalRecords: [(id: String, location: SourceLocation)] {
    var records: [(id: String, location: SourceLocation)] = []
    if let directory {
      for structure in directory.structures where structure.isExample {
        records.append((structure.id, structure.location))
      }
    }
    for resource in resources.resources where resource.isExample {
      records.append((resource.id, resource.location))
    }
    return records
  }

  /// Whether every output must say « données d'exemple ».
  public var holdsFiction: Bool { !fictionalRecords.isEmpty }

  /// `repere check --deploy`: one error per fictional record, so a bundle meant for real cases
  /// cannot carry one (its phone numbers and addresses are invented).
  public func deploymentFindings() -> [Finding] {
    var diagnostics = Diagnostics()
    for record in fictionalRecords {
      diagnostics.error(
        "fictional-record", at: record.location,
        "« \(record.id) » est une fiche fictive (la `source` de son fichier dit « exemple fictif ») : un dossier déployé ne peut pas la contenir",
        hint: "remplacez-la par une fiche vérifiée, ou laissez le fichier hors du dossier de données déployé")
    }
    return diagnostics.findings
  }
}
