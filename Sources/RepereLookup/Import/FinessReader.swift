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

  /// The establishments `keep` accepts, streamed row by row: only those stay in memory, with the
  /// coordinates of the `geolocalisation` rows that follow them in the file.
  static func records(
    _ input: ImportInput, path: String, reference: ReferenceData?,
    keep: (SourceRecord, inout ImportSummary) -> Bool, diagnostics: inout Diagnostics, summary: inout ImportSummary
  ) -> [SourceRecord] {
    var records: [SourceRecord] = []
    var indexByID: [String: Int] = [:]
    var rowDiagnostics = Diagnostics()
    CSVTable.forEachRecord(input.bytes, path: path, diagnostics: &diagnostics) { cells in
      guard let kind = cells.trimmed(0) else { return }
      switch kind {
      case "structureet":
        let location = SourceLocation(file: path, line: cells.line(0), column: 1)
        guard cells.count >= structureFieldCount else {
          rowDiagnostics.error(
            "csv-syntax", at: location,
            "FINESS : une ligne « structureet » a \(structureFieldCount) champs, celle-ci en a \(cells.count)")
          return
        }
        guard let record = record(cells, location: location, reference: reference, summary: &summary),
          indexByID[record.sourceID] == nil, keep(record, &summary)
        else { return }
        indexByID[record.sourceID] = records.count
        records.append(record)
        // Counted for the kept records only: the summary speaks of the file being written.
        if cells.trimmed(Field.ligneacheminement.rawValue).map(splitRouting)?.isCedex == true {
          summary.cedexAddresses += 1
        }
      case "geolocalisation":
        guard cells.count >= 4, let id = cells.trimmed(1), let index = indexByID[id],
          let x = cells.trimmed(2).flatMap(Double.init), let y = cells.trimmed(3).flatMap(Double.init)
        else { return }
        if records[index].departement?.count == 2 {
          let point = Lambert93.toWGS84(x: x, y: y)
          records[index].latitude = (point.latitude * 1_000_000).rounded() / 1_000_000
          records[index].longitude = (point.longitude * 1_000_000).rounded() / 1_000_000
          summary.convertedCoordinates += 1
        } else {
          summary.communePointCoordinates += 1
        }
      default:
        return  // the `finess;etalab;…` line and row types Repère does not use
      }
    }
    diagnostics.append(contentsOf: rowDiagnostics.findings)
    return records
  }

  private static func record(
    _ cells: CSVRecord, location: SourceLocation, reference: ReferenceData?, summary: inout ImportSummary
  ) -> SourceRecord? {
    func text(_ field: Field) -> String? { cells.trimmed(field.rawValue) }
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
    if finess.utf8.count == 2, finess.utf8.first == UInt8(ascii: "9"), let code = overseas[finess.uppercased()] {
      return code
    }
    if finess.hasPrefix("9"), finess.count == 2, finess.last?.isLetter == true {
      return postalCode.map { String($0.prefix(3)) }
    }
    return finess
  }

  /// FINESS abbreviates street types (`R`, `AV`, `BD`…); the common ones are written out.
  static func expandStreetType(_ code: String) -> String {
    streetTypes[code] ?? streetTypes[code.uppercased()] ?? code
  }

  private static let streetTypes = [
    "R": "rue", "AV": "avenue", "BD": "boulevard", "PL": "place", "CHE": "chemin", "RTE": "route",
    "ALL": "allée", "IMP": "impasse", "QU": "quai", "SQ": "square", "CRS": "cours", "PASS": "passage",
  ]

  private static let overseas = ["9A": "971", "9B": "972", "9C": "973", "9D": "974", "9E": "975", "9F": "976"]
}
