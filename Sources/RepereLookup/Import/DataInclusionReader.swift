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
    var values: [String: JSONValue]
    var location: SourceLocation
    /// 1-based record number (JSON) — findings on JSON name it, as lines say little there.
    var index: Int?
    /// CSV only: each column's name → its position in `cellLocations` (shared by all rows).
    var columns: [String: Int] = [:]
    var cellLocations: [SourceLocation] = []

    func text(_ key: String) -> String? {
      switch values[key] {
      case .string(let string):
        let trimmed = string.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
      case .number(let literal): return literal
      default: return nil
      }
    }

    func list(_ key: String) -> [String] {
      switch values[key] {
      case .array(let items):
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
      case .string(let string): return DataInclusionReader.pythonList(string)
      default: return []
      }
    }

    func number(_ key: String) -> Double? {
      switch values[key] {
      case .number(let literal): return Double(literal)
      case .string(let string): return Double(string.trimmingSpaces)
      default: return nil
      }
    }

    func at(_ key: String) -> SourceLocation {
      guard let column = columns[key], column < cellLocations.count else { return location }
      return cellLocations[column]
    }

    /// « record 12 » for JSON, nothing for CSV (its line says it).
    var label: String { index.map { "enregistrement \($0) : " } ?? "" }
  }

  /// Hands every record of a data·inclusion file to `body` as it is read: JSON records (array
  /// or API page) or CSV rows (pandas' export, each cell keeping its line and column). A
  /// mistake that stops the reading becomes a finding naming the format.
  static func forEachRow(
    _ input: ImportInput, path: String, diagnostics: inout Diagnostics, _ body: (Row) -> Void
  ) {
    if ImportFormat.looksLikeJSON(input.bytes.head(4096)) {
      forEachJSONRow(input.bytes, path: path, diagnostics: &diagnostics, body)
    } else {
      forEachCSVRow(input.bytes, path: path, diagnostics: &diagnostics, body)
    }
  }

  private static func forEachJSONRow(
    _ bytes: ImportBytes, path: String, diagnostics: inout Diagnostics, _ body: (Row) -> Void
  ) {
    var scanner = JSONRecordScanner(keys: ["items"])
    var recordDiagnostics = Diagnostics()
    func deliver(_ record: JSONRecordScanner.Record) {
      let location = SourceLocation(file: path, line: record.line, column: record.column)
      guard case .object(let values) = record.value else {
        recordDiagnostics.error(
          "invalid-record", at: location, "JSON data·inclusion : l'enregistrement \(record.index) n'est pas un objet")
        return
      }
      body(Row(values: values, location: location, index: record.index))
    }
    do {
      try bytes.forEachChunk { try scanner.feed($0, deliver) }
      try scanner.finish(deliver)
    } catch let failure as JSONRecordScanner.Failure {
      recordDiagnostics.error(
        "invalid-json", at: SourceLocation(file: path, line: failure.line, column: failure.column),
        "JSON data·inclusion : \(failure.message)",
        hint: "attendu : un tableau d'enregistrements, ou une page d'API { items, page, pages, size, total }")
    } catch {
      recordDiagnostics.error(
        "unreadable-file", at: SourceLocation(file: path, line: 1, column: 1),
        "lecture du fichier impossible (\(error.localizedDescription))")
    }
    diagnostics.append(contentsOf: recordDiagnostics.findings)
  }

  private static func forEachCSVRow(
    _ bytes: ImportBytes, path: String, diagnostics: inout Diagnostics, _ body: (Row) -> Void
  ) {
    var header: [String] = []
    var columns: [String: Int] = [:]
    CSVTable.forEachRecord(bytes, path: path, diagnostics: &diagnostics) { cells in
      if header.isEmpty {
        header = (0..<cells.count).map { cells.trimmed($0) ?? "" }
        for (position, name) in header.enumerated() where columns[name] == nil { columns[name] = position }
        return
      }
      guard (0..<cells.count).contains(where: { cells.trimmed($0) != nil }) else { return }
      var row = Row(values: [:], location: SourceLocation(file: path, line: cells.line(0), column: 1))
      row.columns = columns
      row.cellLocations.reserveCapacity(cells.count)
      for position in 0..<min(cells.count, header.count) {
        row.cellLocations.append(SourceLocation(file: path, line: cells.line(position), column: cells.column(position)))
        if !cells.isEmpty(position) { row.values[header[position]] = .string(cells.text(position)) }
      }
      body(row)
    }
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

  /// Structures and services (several files, in any order on the command line) → one record per
  /// structure `keep` accepts, its services folded in. The files are streamed, up to three
  /// times: with a département selection, the services first (which structures serve a selected
  /// département), then the structures (only the kept ones stay in memory), then the services
  /// again to join them. Services whose structure is in no file read are counted and skipped.
  static func records(
    structures: [ImportInput], services: [ImportInput], selectedDepartements: Set<String>,
    keep: (SourceRecord, inout ImportSummary) -> Bool, diagnostics: inout Diagnostics, summary: inout ImportSummary
  ) -> [SourceRecord] {
    var rowDiagnostics = Diagnostics()
    var served: [String: [String]] = [:]
    if !selectedDepartements.isEmpty {
      var again = Diagnostics()  // the join below reads these files again and reports their mistakes
      for input in services {
        forEachRow(input, path: input.path, diagnostics: &again) { row in
          guard let id = row.text("structure_id") else { return }
          let codes = row.list("zone_eligibilite").filter(selectedDepartements.contains)
          if !codes.isEmpty { served[id, default: []] += codes }
        }
      }
    }
    var records: [SourceRecord] = []
    var indexByID: [String: Int] = [:]
    // Every structure id read, as a hash (8 bytes each, not the text): tells a service whose
    // structure is in no file from one whose structure was left out by the selection.
    var readIDs = Set<Int>()
    for input in structures {
      forEachRow(input, path: input.path, diagnostics: &diagnostics) { row in
        guard let record = structureRecord(row, diagnostics: &rowDiagnostics) else { return }
        guard readIDs.insert(record.sourceID.hashValue).inserted else {
          rowDiagnostics.warning(
            "duplicate-id", at: row.at("id"), "la structure data·inclusion « \(record.sourceID) » apparaît deux fois")
          return
        }
        var candidate = record
        candidate.zone = served[record.sourceID] ?? []
        if keep(candidate, &summary) {
          indexByID[record.sourceID] = records.count
          records.append(record)
        }
      }
    }
    served = [:]
    var hasService = Set<String>()
    var professionalOnly: [String: Bool] = [:]
    for input in services {
      forEachRow(input, path: input.path, diagnostics: &diagnostics) { row in
        guard let structureID = row.text("structure_id") else {
          rowDiagnostics.error(
            "missing-field", at: row.location,
            "service data·inclusion : \(row.label)l'enregistrement n'a pas de `structure_id`")
          return
        }
        guard let index = indexByID[structureID] else {
          if !readIDs.contains(structureID.hashValue) { summary.orphanServices += 1 }
          return
        }
        hasService.insert(structureID)
        join(row, into: &records[index], summary: &summary, diagnostics: &rowDiagnostics)
        let mobilisers = Set(row.list("mobilisable_par"))
        let onlyProfessionals = !mobilisers.isEmpty && !mobilisers.contains("usagers")
        professionalOnly[structureID] = (professionalOnly[structureID] ?? true) && onlyProfessionals
      }
    }
    for index in records.indices {
      let id = records[index].sourceID
      if !hasService.contains(id) { summary.structuresWithoutService += 1 }
      records[index].professionalsOnly = professionalOnly[id] ?? false
    }
    diagnostics.append(contentsOf: rowDiagnostics.findings)
    return records
  }

  private static func structureRecord(_ row: Row, diagnostics: inout Diagnostics) -> SourceRecord? {
    guard let id = row.text("id") else {
      diagnostics.error(
        "missing-field", at: row.location, "structure data·inclusion : \(row.label)l'enregistrement n'a pas d'`id`")
      return nil
    }
    guard let nom = row.text("nom") else {
      diagnostics.error(
        "missing-field", at: row.at("nom"), "structure data·inclusion « \(id) » : \(row.label)pas de `nom`")
      return nil
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
    return record
  }

  /// A service's themes, publics, zones, phone, hours and date, folded into its structure.
  private static func join(
    _ row: Row, into record: inout SourceRecord, summary: inout ImportSummary, diagnostics: inout Diagnostics
  ) {
    record.addCodes("thematiques", row.list("thematiques"))
    record.addCodes("publics", row.list("publics"))
    for code in row.list("zone_eligibilite") {
      if code == "france" || code.count == 2 || code.count == 3 || code.count == 5 {
        if !record.zone.contains(code) { record.zone.append(code) }
      } else {
        summary.droppedZones += 1
      }
    }
    if let phone = row.text("telephone").map(nationalPhone), !record.telephones.contains(phone) {
      record.telephones.append(phone)
    }
    if record.horaires == nil { record.horaires = row.text("horaires_accueil") }
    if record.courriel == nil { record.courriel = row.text("courriel") }
    if let day = date(row, "date_maj", diagnostics: &diagnostics), day > (record.dateMaj ?? day) {
      record.dateMaj = day
    }
  }

  /// `2025-02-14`, `2025-02-14T10:00:00+00:00`, or epoch milliseconds (pandas' JSON default).
  static func date(_ row: Row, _ key: String, diagnostics: inout Diagnostics) -> CalendarDay? {
    if case .number(let literal) = row.values[key], let millis = Double(literal) {
      return CalendarDay(Date(timeIntervalSince1970: millis / 1000))
    }
    guard let text = row.text(key) else { return nil }
    if let day = CalendarDay(iso: String(text.prefix(10))) { return day }
    if let millis = Double(text) {
      return CalendarDay(Date(timeIntervalSince1970: millis / 1000))
    }
    diagnostics.warning(
      "invalid-date", at: row.at(key), "data·inclusion : \(row.label)`\(key)` n'est pas une date : « \(text) »")
    return nil
  }
}
