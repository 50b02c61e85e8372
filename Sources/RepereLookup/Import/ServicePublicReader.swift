import Foundation
import RepereBase

/// Reads the Service-Public local directory (DILA « Annuaire de l'administration — base de
/// données locales », Licence Ouverte 2.0): the bulk JSON file `{ "service": [ … ] }`, or the
/// API's answers `{ "results": [ … ] }` where some fields arrive as JSON text inside a string.
/// Each office has a `pivot` list (`type_service_local`: `gendarmerie`, `commissariat_police`,
/// `tgi`, `cg`…), `adresse` entries, `telephone` and `site_internet` entries (`valeur`),
/// `adresse_courriel`, and structured hours (`plage_ouverture`) converted to OSM here.
enum ServicePublicReader {
  static func records(_ data: Data, path: String, diagnostics: inout Diagnostics) -> [SourceRecord]? {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      diagnostics.error(
        "invalid-json", at: SourceLocation(file: path, line: 1, column: 1),
        "Service-Public: the file is not valid JSON (\(error.localizedDescription))")
      return nil
    }
    let list: [Any]
    if let bulk = object as? [String: Any], let services = (bulk["service"] ?? bulk["results"]) as? [Any] {
      list = services
    } else if let array = object as? [Any] {
      list = array
    } else {
      diagnostics.error(
        "invalid-json", at: SourceLocation(file: path, line: 1, column: 1),
        "Service-Public: expected { \"service\": [ … ] } (bulk file) or { \"results\": [ … ] } (API)")
      return nil
    }
    var records: [SourceRecord] = []
    for (index, item) in list.enumerated() {
      let location = SourceLocation(file: path, line: index + 1, column: 1)
      guard let office = item as? [String: Any], let id = text(office["id"]), let name = text(office["nom"]) else {
        diagnostics.error(
          "invalid-record", at: location, "Service-Public: record \(index + 1) lacks 'id' or 'nom'")
        continue
      }
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
      records.append(record)
    }
    return records
  }

  /// A value as text; numbers too.
  static func text(_ value: Any?) -> String? {
    switch value {
    case let string as String:
      let trimmed = string.trimmingSpaces
      return trimmed.isEmpty ? nil : trimmed
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
  }

  /// A list of objects, also when the API sends it as JSON text inside a string.
  static func objects(_ value: Any?) -> [[String: Any]] {
    if let string = value as? String, let data = string.data(using: .utf8),
      let decoded = try? JSONSerialization.jsonObject(with: data)
    {
      return objects(decoded)
    }
    if let list = value as? [Any] { return list.compactMap { $0 as? [String: Any] } }
    if let single = value as? [String: Any] { return [single] }
    return []
  }

  static func strings(_ value: Any?) -> [String] {
    if let list = value as? [Any] { return list.compactMap { text($0) } }
    if let string = value as? String, string.hasPrefix("["), let data = string.data(using: .utf8),
      let decoded = try? JSONSerialization.jsonObject(with: data) as? [Any]
    {
      return decoded.compactMap { text($0) }
    }
    return text(value).map { [$0] } ?? []
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
  static func openingHours(_ ranges: [[String: Any]]) -> String? {
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
