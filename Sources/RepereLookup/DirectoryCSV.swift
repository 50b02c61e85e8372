import Foundation
import RepereBase

extension DirectoryFile {
  /// Headers a CSV may use: the YAML field names, `adresse.voie`-style nested names, the flat
  /// address names, and `telephone` (data·inclusion's singular) for `telephones`.
  static let csvColumns: [String: String] = {
    var columns: [String: String] = [:]
    for field in StructureBuilder.fields where field != "adresse" { columns[field] = field }
    for field in StructureBuilder.addressFields {
      columns[field] = field
      columns["adresse." + field] = field
    }
    columns["telephone"] = "telephones"
    return columns
  }()

  /// Reads a directory CSV export (`;` or `,`, UTF-8 with or without BOM, or Windows-1252).
  /// Lists are separated by `|`; a phone may carry its label in brackets: `01 99 00 00 01 (accueil)`.
  /// A `source` for the file can be given by the caller (CSV has no header block).
  public static func loadCSV(
    _ data: Data, path: String, source: String? = nil, diagnostics: inout Diagnostics
  ) -> DirectoryFile {
    var file = DirectoryFile(path: path, source: source, structures: [])
    let isExample = isExampleSource(source)
    var fields: [String?] = []
    var seen = Set<String>()
    var sawHeader = false
    var structures: [Structure] = []
    var rowDiagnostics = Diagnostics()
    let readable = CSVTable.forEachRow(data, path: path, diagnostics: &diagnostics) { row in
      if sawHeader {
        if let structure = structure(
          row, fields: fields, path: path, isExample: isExample, diagnostics: &rowDiagnostics)
        {
          structures.append(structure)
        }
        return
      }
      sawHeader = true
      readHeader(row, path: path, fields: &fields, seen: &seen, diagnostics: &rowDiagnostics)
    }
    diagnostics.append(contentsOf: rowDiagnostics.findings)
    if readable != nil, !sawHeader {
      diagnostics.error("empty-file", at: SourceLocation(file: path, line: 1, column: 1), "le fichier est vide")
    }
    file.structures = structures
    return file
  }

  private static func readHeader(
    _ header: [CSVTable.Cell], path: String, fields: inout [String?], seen: inout Set<String>,
    diagnostics: inout Diagnostics
  ) {
    for cell in header {
      let name = cell.text.trimmingSpaces.lowercased()
      let location = SourceLocation(file: path, line: cell.line, column: cell.column)
      guard let field = csvColumns[name] else {
        diagnostics.error(
          "unknown-column", at: location, "colonne « \(cell.text) » inconnue",
          hint: Suggestion.hint(for: name, among: csvColumns.keys.sorted()))
        fields.append(nil)
        continue
      }
      if !seen.insert(field).inserted {
        diagnostics.error("duplicate-column", at: location, "la colonne « \(cell.text) » apparaît deux fois")
        fields.append(nil)
        continue
      }
      fields.append(field)
    }
    for required in ["id", "nom", "types"] where !seen.contains(required) {
      diagnostics.error(
        "missing-column", at: SourceLocation(file: path, line: 1, column: 1),
        "il manque au fichier la colonne obligatoire « \(required) »")
    }
  }

  /// One data row; nil when it is blank or unusable (the findings say why).
  private static func structure(
    _ row: [CSVTable.Cell], fields: [String?], path: String, isExample: Bool, diagnostics: inout Diagnostics
  ) -> Structure? {
    do {
      guard let first = row.first else { return nil }
      if row.allSatisfy({ $0.text.trimmingSpaces.isEmpty }) { return nil }
      let rowLocation = SourceLocation(file: path, line: first.line, column: 1)
      if row.count > fields.count {
        let extra = row[fields.count]
        diagnostics.error(
          "csv-syntax", at: SourceLocation(file: path, line: extra.line, column: extra.column),
          "cette ligne a \(row.count) cellules, mais l'en-tête en a \(fields.count)")
      }
      var builder = StructureBuilder(location: rowLocation, isExample: isExample)
      for (position, cell) in row.enumerated() where position < fields.count {
        guard let field = fields[position] else { continue }
        let text = cell.text.trimmingSpaces
        if text.isEmpty { continue }
        let location = SourceLocation(file: path, line: cell.line, column: cell.column + leadingSpaces(cell.text))
        if field == "telephones" {
          for item in splitList(cell) { builder.addPhone(parsePhone(item.0), at: item.1) }
        } else if StructureBuilder.listFields.contains(field) {
          builder.setList(field, splitList(cell))
        } else if StructureBuilder.addressFields.contains(field) {
          builder.recordAddress(field, at: location)
          builder.setAddress(field, text)
        } else {
          builder.setText(field, text, at: location, into: &diagnostics)
        }
      }
      let context = "la ligne \(first.line)"
      return builder.finish(at: rowLocation, context: context, into: &diagnostics)
    }
  }

  private static func leadingSpaces(_ text: String) -> Int {
    text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
  }

  /// `a|b|c` → items with their positions (cells on one line; multi-line cells point at the start).
  private static func splitList(_ cell: CSVTable.Cell) -> [(String, SourceLocation)] {
    var items: [(String, SourceLocation)] = []
    var offset = 0
    for part in cell.text.split(separator: "|", omittingEmptySubsequences: false) {
      let text = String(part)
      let lead = leadingSpaces(text)
      if !text.trimmingSpaces.isEmpty {
        items.append(
          (text.trimmingSpaces, SourceLocation(file: "", line: cell.line, column: cell.column + offset + lead)))
      }
      offset += text.unicodeScalars.count + 1
    }
    return items
  }

  /// `01 99 00 00 01 (accueil)` → number and label.
  static func parsePhone(_ text: String) -> Phone {
    guard text.hasSuffix(")"), let open = text.firstIndex(of: "(") else { return Phone(numero: text) }
    let number = String(text[..<open]).trimmingSpaces
    let label = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces
    return Phone(numero: number, libelle: label.isEmpty ? nil : label)
  }
}
