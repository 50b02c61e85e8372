import Foundation
import RepereBase

/// Reads data·inclusion v1 structures and services as published (schema v1.0.8, Licence Ouverte
/// 2.0, GIP de l'inclusion): the JSON export (a flat array of records, `orient=records`), the
/// API's pages (`{items, page, pages, size, total}`), and the CSV export (pandas' default: `,`,
/// UTF-8, list cells written as Python literals `['ase', 'pjj']`). Services are joined into
/// their structure: they carry the themes, publics, zones and who may mobilise them.
enum DataInclusionReader {
  /// One record as field → value, whatever file it came from, with where each value is.
  struct Row {
    var values: [String: Any]
    var location: SourceLocation
    var fieldLocations: [String: SourceLocation] = [:]

    func text(_ key: String) -> String? {
      switch values[key] {
      case let string as String:
        let trimmed = string.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
      case let number as NSNumber: return number.stringValue
      default: return nil
      }
    }

    func list(_ key: String) -> [String] {
      switch values[key] {
      case let items as [Any]: return items.compactMap { $0 as? String }
      case let string as String: return DataInclusionReader.pythonList(string)
      default: return []
      }
    }

    func number(_ key: String) -> Double? {
      switch values[key] {
      case let number as NSNumber: return number.doubleValue
      case let string as String: return Double(string.trimmingSpaces)
      default: return nil
      }
    }

    func at(_ key: String) -> SourceLocation { fieldLocations[key] ?? location }
  }

  /// JSON records (array or API page) of `data`, or nil with a finding when it is not JSON.
  static func jsonRows(_ data: Data, path: String, diagnostics: inout Diagnostics) -> [Row]? {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      diagnostics.error(
        "invalid-json", at: SourceLocation(file: path, line: 1, column: 1),
        "data·inclusion JSON: the file is not valid JSON (\(error.localizedDescription))")
      return nil
    }
    let records: [Any]
    if let array = object as? [Any] {
      records = array
    } else if let page = object as? [String: Any], let items = page["items"] as? [Any] {
      records = items
    } else {
      diagnostics.error(
        "invalid-json", at: SourceLocation(file: path, line: 1, column: 1),
        "data·inclusion JSON: expected an array of records or an API page { items, page, pages }")
      return nil
    }
    var rows: [Row] = []
    rows.reserveCapacity(records.count)
    for (index, record) in records.enumerated() {
      // JSON has no useful line numbers once parsed: the record's index (1-based) stands in.
      let location = SourceLocation(file: path, line: index + 1, column: 1)
      guard let values = record as? [String: Any] else {
        diagnostics.error("invalid-record", at: location, "data·inclusion JSON: record \(index + 1) is not an object")
        continue
      }
      rows.append(Row(values: values, location: location))
    }
    return rows
  }

  /// CSV rows (pandas' export) of `data`, each cell keeping its line and column.
  static func csvRows(_ data: Data, path: String, diagnostics: inout Diagnostics) -> [Row] {
    var header: [String] = []
    var rows: [Row] = []
    CSVTable.forEachRow(data, path: path, diagnostics: &diagnostics) { cells in
      if header.isEmpty {
        header = cells.map { $0.text.trimmingSpaces }
        return
      }
      guard let first = cells.first, !cells.allSatisfy({ $0.text.trimmingSpaces.isEmpty }) else { return }
      var row = Row(values: [:], location: SourceLocation(file: path, line: first.line, column: 1))
      for (position, cell) in cells.enumerated() where position < header.count && !cell.text.isEmpty {
        row.values[header[position]] = cell.text
        row.fieldLocations[header[position]] = SourceLocation(file: path, line: cell.line, column: cell.column)
      }
      rows.append(row)
    }
    return rows
  }

  /// `['ase', 'pjj']` (a Python list literal, as pandas writes lists into CSV) → `["ase", "pjj"]`;
  /// a plain `ase` or `ase|pjj` is read as a list too.
  static func pythonList(_ text: String) -> [String] {
    let trimmed = text.trimmingSpaces
    guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else {
      return trimmed.split(separator: "|").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
    var items: [String] = []
    var current = ""
    var quote: Character?
    var escaped = false
    for character in trimmed.dropFirst().dropLast() {
      if let open = quote {
        if escaped {
          current.append(character)
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == open {
          items.append(current)
          current = ""
          quote = nil
        } else {
          current.append(character)
        }
      } else if character == "'" || character == "\"" {
        quote = character
      }
    }
    return items.filter { !$0.isEmpty }
  }

  /// Structures and services (in any order, several files) → one record per structure, its
  /// services folded in. Services whose structure is absent are reported and skipped.
  static func records(
    structures: [Row], services: [Row], diagnostics: inout Diagnostics, summary: inout ImportSummary
  ) -> [SourceRecord] {
    var records: [SourceRecord] = []
    var indexByID: [String: Int] = [:]
    for row in structures {
      guard let id = row.text("id") else {
        diagnostics.error("missing-field", at: row.location, "data·inclusion structure: the record has no 'id'")
        continue
      }
      guard let nom = row.text("nom") else {
        diagnostics.error("missing-field", at: row.location, "data·inclusion structure '\(id)': no 'nom'")
        continue
      }
      if indexByID[id] != nil {
        diagnostics.warning("duplicate-id", at: row.at("id"), "data·inclusion structure '\(id)' appears twice")
        continue
      }
      var record = SourceRecord(sourceID: id, nom: nom, location: row.location)
      record.producer = row.text("source")
      record.description = row.text("description")
      record.lienSource = row.text("lien_source")
      var address = Address()
      address.voie = row.text("adresse")
      address.complement = row.text("complement_adresse")
      address.codePostal = row.text("code_postal")
      address.commune = row.text("commune")
      address.codeInsee = row.text("code_insee")
      if address != Address() { record.adresse = address }
      record.latitude = row.number("latitude")
      record.longitude = row.number("longitude")
      if let phone = row.text("telephone") { record.telephones.append(nationalPhone(phone)) }
      record.courriel = row.text("courriel")
      record.siteWeb = row.text("site_web")
      record.horaires = row.text("horaires_accueil")
      record.addCodes("reseaux_porteurs", row.list("reseaux_porteurs"))
      record.dateMaj = date(row, "date_maj", diagnostics: &diagnostics)
      record.departement = (address.codeInsee ?? address.codePostal).flatMap(departementCode(ofINSEE:))
      indexByID[id] = records.count
      records.append(record)
    }
    var hasService = Set<String>()
    var professionalOnly: [String: Bool] = [:]
    for row in services {
      guard let structureID = row.text("structure_id") else {
        diagnostics.error("missing-field", at: row.location, "data·inclusion service: the record has no 'structure_id'")
        continue
      }
      guard let index = indexByID[structureID] else {
        summary.orphanServices += 1
        continue
      }
      hasService.insert(structureID)
      var record = records[index]
      record.addCodes("thematiques", row.list("thematiques"))
      record.addCodes("publics", row.list("publics"))
      for code in row.list("zone_eligibilite") {
        if code == "france" || code.count == 2 || code.count == 3 || code.count == 5 {
          if !record.zone.contains(code) { record.zone.append(code) }
        } else {
          summary.droppedZones += 1
        }
      }
      let mobilisers = Set(row.list("mobilisable_par"))
      let onlyProfessionals = !mobilisers.isEmpty && !mobilisers.contains("usagers")
      professionalOnly[structureID] = (professionalOnly[structureID] ?? true) && onlyProfessionals
      if let phone = row.text("telephone").map(nationalPhone), !record.telephones.contains(phone) {
        record.telephones.append(phone)
      }
      if record.horaires == nil { record.horaires = row.text("horaires_accueil") }
      if record.courriel == nil { record.courriel = row.text("courriel") }
      if let day = date(row, "date_maj", diagnostics: &diagnostics), day > (record.dateMaj ?? day) {
        record.dateMaj = day
      }
      records[index] = record
    }
    for index in records.indices {
      let id = records[index].sourceID
      if !hasService.contains(id) { summary.structuresWithoutService += 1 }
      records[index].professionalsOnly = professionalOnly[id] ?? false
    }
    return records
  }

  /// `2025-02-14`, `2025-02-14T10:00:00+00:00`, or epoch milliseconds (pandas' JSON default).
  static func date(_ row: Row, _ key: String, diagnostics: inout Diagnostics) -> CalendarDay? {
    if let number = row.values[key] as? NSNumber {
      return CalendarDay(Date(timeIntervalSince1970: number.doubleValue / 1000))
    }
    guard let text = row.text(key) else { return nil }
    if let day = CalendarDay(iso: String(text.prefix(10))) { return day }
    if let millis = Double(text) {
      return CalendarDay(Date(timeIntervalSince1970: millis / 1000))
    }
    diagnostics.warning("invalid-date", at: row.at(key), "data·inclusion: '\(key)' is not a date: '\(text)'")
    return nil
  }
}
