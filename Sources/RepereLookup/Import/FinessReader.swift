import Foundation
import RepereBase

/// Reads the FINESS extraction (data.gouv « FINESS Extraction du Fichier des établissements »,
/// Licence Ouverte): `;`-separated, no header but a first line `finess;etalab;<n>;<date>`,
/// Windows-1252 or UTF-8, `structureet` rows of 32 fields, then `geolocalisation` rows whose
/// coordinates are projected (Lambert-93 in mainland France, converted here; overseas
/// projections are not, and the commune's point stands in — the summary says how many).
enum FinessReader {
  /// Field positions of a `structureet` row (its first field is the row type).
  private enum Field: Int {
    case nofinesset = 1
    case rs = 3
    case rslongue = 4
    case complrs = 5
    case compldistrib = 6
    case numvoie = 7
    case typvoie = 8
    case voie = 9
    case compvoie = 10
    case lieuditbp = 11
    case commune = 12
    case departement = 13
    case ligneacheminement = 15
    case telephone = 16
    case categetab = 18
    case libcategetab = 19
    case datemaj = 30
  }

  static let structureFieldCount = 32

  static func records(
    _ data: Data, path: String, reference: ReferenceData?, diagnostics: inout Diagnostics,
    summary: inout ImportSummary
  ) -> [SourceRecord] {
    var records: [SourceRecord] = []
    var indexByID: [String: Int] = [:]
    var coordinates: [(String, Double, Double, SourceLocation)] = []
    var rowDiagnostics = Diagnostics()
    CSVTable.forEachRow(data, path: path, diagnostics: &diagnostics) { cells in
      guard let kind = cells.first?.text.trimmingSpaces else { return }
      let location = SourceLocation(file: path, line: cells[0].line, column: 1)
      switch kind {
      case "structureet":
        guard cells.count >= structureFieldCount else {
          rowDiagnostics.error(
            "csv-syntax", at: location,
            "FINESS: a 'structureet' row has \(structureFieldCount) fields, this one has \(cells.count)")
          return
        }
        if let record = record(cells, location: location, reference: reference, summary: &summary) {
          if indexByID[record.sourceID] == nil {
            indexByID[record.sourceID] = records.count
            records.append(record)
          }
        }
      case "geolocalisation":
        guard cells.count >= 4, let x = Double(cells[2].text.trimmingSpaces),
          let y = Double(cells[3].text.trimmingSpaces)
        else { return }
        coordinates.append((cells[1].text.trimmingSpaces, x, y, location))
      default:
        return  // the `finess;etalab;…` line and row types Repère does not use
      }
    }
    diagnostics.append(contentsOf: rowDiagnostics.findings)
    for (id, x, y, _) in coordinates {
      guard let index = indexByID[id] else { continue }
      let departement = records[index].departement ?? ""
      if departement.count == 2 {
        let point = Lambert93.toWGS84(x: x, y: y)
        records[index].latitude = (point.latitude * 1_000_000).rounded() / 1_000_000
        records[index].longitude = (point.longitude * 1_000_000).rounded() / 1_000_000
        summary.convertedCoordinates += 1
      } else {
        summary.communePointCoordinates += 1
      }
    }
    return records
  }

  private static func record(
    _ cells: [CSVTable.Cell], location: SourceLocation, reference: ReferenceData?, summary: inout ImportSummary
  ) -> SourceRecord? {
    func text(_ field: Field) -> String? {
      let value = cells[field.rawValue].text.trimmingSpaces
      return value.isEmpty ? nil : value
    }
    guard let id = text(.nofinesset) else { return nil }
    let name = text(.rslongue) ?? text(.rs) ?? id
    var record = SourceRecord(sourceID: id, nom: name, location: location)
    let routing = text(.ligneacheminement).map(splitRouting)
    let departement = departementCode(finess: text(.departement), postalCode: routing?.postalCode)
    record.departement = departement
    let insee = text(.commune).flatMap { commune -> String? in
      guard let departement, commune.count == 3 else { return nil }
      return departement.count == 3 ? "97" + commune : departement + commune
    }
    var address = Address()
    let street = [text(.numvoie), text(.compvoie), text(.typvoie).map(expandStreetType), text(.voie)]
      .compactMap { $0 }.joined(separator: " ")
    address.voie = street.isEmpty ? nil : street
    address.complement = [text(.complrs), text(.compldistrib), text(.lieuditbp)].compactMap { $0 }.first
    address.codeInsee = insee
    if let insee, let commune = reference?.commune(insee: insee) {
      address.commune = commune.nom
      address.codePostal = routing?.isCedex == true ? commune.postalCodes.first : routing?.postalCode
    } else {
      address.commune = routing?.name
      address.codePostal = routing?.isCedex == true ? nil : routing?.postalCode
    }
    if routing?.isCedex == true { summary.cedexAddresses += 1 }
    record.adresse = address
    if let departement { record.zone = [departement] }
    if let phone = text(.telephone) { record.telephones = [nationalPhone(phone)] }
    if let category = text(.categetab) {
      record.addCodes("categetab", [category])
      summary.noteLabel(field: "categetab", value: category, label: text(.libcategetab))
    }
    if let updated = text(.datemaj) { record.dateMaj = CalendarDay(iso: String(updated.prefix(10))) }
    record.lienSource = "https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=\(id)"
    return record
  }

  /// « 97306 CAYENNE CEDEX » → postal code, routing name without CEDEX, and whether it was one.
  static func splitRouting(_ line: String) -> (postalCode: String?, name: String?, isCedex: Bool) {
    var words = line.split(separator: " ").map(String.init)
    var postalCode: String?
    if let first = words.first, first.count == 5, first.allSatisfy(\.isNumber) {
      postalCode = first
      words.removeFirst()
    }
    var isCedex = false
    if let cedex = words.firstIndex(where: { $0.uppercased() == "CEDEX" }) {
      isCedex = true
      words.removeSubrange(cedex...)
    }
    let name = words.joined(separator: " ")
    return (postalCode, name.isEmpty ? nil : name, isCedex)
  }

  /// FINESS département codes: `01`…`95`, `2A`/`2B`, and `9A` Guadeloupe, `9B` Martinique, `9C`
  /// Guyane, `9D` La Réunion, `9F` Mayotte…; for those the postal code's first three digits give
  /// the INSEE département (Saint-Barthélemy and Saint-Martin, under `9A`, stay in 971's zone).
  static func departementCode(finess: String?, postalCode: String?) -> String? {
    guard let finess else { return postalCode.map { String($0.prefix(2)) } }
    let overseas = ["9A": "971", "9B": "972", "9C": "973", "9D": "974", "9E": "975", "9F": "976"]
    if let code = overseas[finess.uppercased()] { return code }
    if finess.hasPrefix("9"), finess.count == 2, finess.last?.isLetter == true {
      return postalCode.map { String($0.prefix(3)) }
    }
    return finess
  }

  /// FINESS abbreviates street types (`R`, `AV`, `BD`…); the common ones are written out.
  static func expandStreetType(_ code: String) -> String {
    let names = [
      "R": "rue", "AV": "avenue", "BD": "boulevard", "PL": "place", "CHE": "chemin", "RTE": "route",
      "ALL": "allée", "IMP": "impasse", "QU": "quai", "SQ": "square", "CRS": "cours", "PASS": "passage",
    ]
    return names[code.uppercased()] ?? code
  }
}
