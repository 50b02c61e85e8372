import Foundation
import RepereBase

/// Reads the Service-Public local directory (DILA « Annuaire de l'administration — base de
/// données locales », Licence Ouverte 2.0): the bulk JSON file `{ "service": [ … ] }`, or the
/// API's answers `{ "results": [ … ] }` where some fields arrive as JSON text inside a string.
/// Each office has a `pivot` list (`type_service_local`: `gendarmerie`, `commissariat_police`,
/// `tgi`, `cg`…), `adresse` entries, `telephone` and `site_internet` entries (`valeur`),
/// `adresse_courriel`, and structured hours (`plage_ouverture`) converted to OSM here.
enum ServicePublicReader {
  /// The offices `keep` accepts, streamed one record at a time (the bulk file is 63,000 offices).
  static func records(
    _ input: ImportInput, path: String, keep: (SourceRecord, inout ImportSummary) -> Bool,
    diagnostics: inout Diagnostics, summary: inout ImportSummary
  ) -> [SourceRecord] {
    var records: [SourceRecord] = []
    var recordDiagnostics = Diagnostics()
    var scanner = JSONRecordScanner(keys: ["service", "results"])
    func deliver(_ item: JSONRecordScanner.Record) {
      let location = SourceLocation(file: path, line: item.line, column: item.column)
      guard let record = record(item.value, location: location) else {
        recordDiagnostics.error(
          "invalid-record", at: location, "Service-Public : il manque `id` ou `nom` à l'enregistrement \(item.index)")
        return
      }
      if keep(record, &summary) { records.append(record) }
    }
    do {
      try input.bytes.forEachChunk { try scanner.feed($0, deliver) }
      try scanner.finish(deliver)
    } catch let failure as JSONRecordScanner.Failure {
      recordDiagnostics.error(
        "invalid-json", at: SourceLocation(file: path, line: failure.line, column: failure.column),
        "JSON Service-Public : \(failure.message)",
        hint: "attendu : { \"service\": [ … ] } (fichier complet) ou { \"results\": [ … ] } (API)")
    } catch {
      recordDiagnostics.error(
        "unreadable-file", at: SourceLocation(file: path, line: 1, column: 1),
        "lecture du fichier impossible (\(error.localizedDescription))")
    }
    diagnostics.append(contentsOf: recordDiagnostics.findings)
    return records
  }

  private static func record(_ office: JSONValue, location: SourceLocation) -> SourceRecord? {
    guard let id = text(office["id"]), let name = text(office["nom"]) else { return nil }
    var record = SourceRecord(sourceID: id, nom: name, location: location)
    let pivots = objects(office["pivot"]).compactMap { text($0["type_service_local"]) }
    record.addCodes("pivot", pivots)
    let addresses = objects(office["adresse"])
    if let address = addresses.first(where: { text($0["type_adresse"]) == "Adresse" }) ?? addresses.first {
      var value = Address()
      value.voie = text(address["numero_voie"])
      value.complement = text(address["complement1"])
      value.codePostal = text(address["code_postal"])
      value.commune = text(address["nom_commune"])
      value.codeInsee = text(office["code_insee_commune"])
      record.adresse = value
      record.latitude = text(address["latitude"]).flatMap(Double.init)
      record.longitude = text(address["longitude"]).flatMap(Double.init)
    }
    // Offices without an address block still name their commune: enough for the département.
    if record.adresse == nil, let insee = text(office["code_insee_commune"]) {
      var value = Address()
      value.codeInsee = insee
      record.adresse = value
    }
    record.departement = (record.adresse?.codeInsee ?? record.adresse?.codePostal).flatMap(departementCode(ofINSEE:))
    if let departement = record.departement { record.zone = [departement] }
    record.telephones = objects(office["telephone"]).compactMap { text($0["valeur"]) }.map(nationalPhone)
    record.courriel = strings(office["adresse_courriel"]).first
    record.siteWeb = objects(office["site_internet"]).compactMap { text($0["valeur"]) }.first
    record.horaires = openingHours(objects(office["plage_ouverture"]))
    record.lienSource = text(office["url_service_public"])
    if let modified = text(office["date_modification"]) {
      record.dateMaj = CalendarDay(iso: String(modified.prefix(10))) ?? frenchDate(modified)
    }
    return record
  }

  /// A value as text; numbers too.
  static func text(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let string):
      let trimmed = string.trimmingSpaces
      return trimmed.isEmpty ? nil : trimmed
    case .number(let literal): return literal
    default: return nil
    }
  }

  /// A list of objects, also when the API sends it as JSON text inside a string.
  static func objects(_ value: JSONValue?) -> [JSONValue] {
    switch value {
    case .string(let string):
      guard let decoded = try? JSONParser.parse(Array(string.utf8)) else { return [] }
      if case .string = decoded { return [] }
      return objects(decoded)
    case .array(let items): return items.filter { if case .object = $0 { true } else { false } }
    case .object: return value.map { [$0] } ?? []
    default: return []
    }
  }

  static func strings(_ value: JSONValue?) -> [String] {
    switch value {
    case .array(let items): return items.compactMap { text($0) }
    case .string(let string) where string.hasPrefix("["):
      guard case .array(let items) = try? JSONParser.parse(Array(string.utf8)) else {
        return text(value).map { [$0] } ?? []
      }
      return items.compactMap { text($0) }
    default: return text(value).map { [$0] } ?? []
    }
  }

  /// `12/03/2025 10:00:00` (the bulk file's dates) → a day.
  static func frenchDate(_ text: String) -> CalendarDay? {
    let parts = text.prefix(10).split(separator: "/")
    guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else {
      return nil
    }
    return CalendarDay(iso: String(format: "%04d-%02d-%02d", year, month, day))
  }

  static let days = [
    "lundi": "Mo", "mardi": "Tu", "mercredi": "We", "jeudi": "Th", "vendredi": "Fr", "samedi": "Sa",
    "dimanche": "Su",
  ]

  /// `plage_ouverture` entries → OSM rules `Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00`;
  /// nil when there is none or one cannot be read (never half-converted hours).
  static func openingHours(_ ranges: [JSONValue]) -> String? {
    var rules: [String] = []
    for range in ranges {
      guard let first = text(range["nom_jour_debut"]).flatMap({ days[$0.lowercased()] }) else { return nil }
      let last = text(range["nom_jour_fin"]).flatMap { days[$0.lowercased()] } ?? first
      var spans: [String] = []
      for slot in ["1", "2"] {
        guard let start = text(range["valeur_heure_debut_" + slot]).map(hourMinute),
          let end = text(range["valeur_heure_fin_" + slot]).map(hourMinute)
        else { continue }
        spans.append("\(start)-\(end)")
      }
      guard !spans.isEmpty else { continue }
      let dayPart = first == last ? first : "\(first)-\(last)"
      rules.append("\(dayPart) \(spans.joined(separator: ","))")
    }
    return rules.isEmpty ? nil : rules.joined(separator: "; ")
  }

  /// `08:30:00` → `08:30`.
  static func hourMinute(_ text: String) -> String { String(text.prefix(5)) }
}
