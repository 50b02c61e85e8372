import Foundation
import RepereBase

/// Tight readers for the two reference files. They run at every start of the interactive app
/// (≈36,000 communes), so they split bytes by hand instead of going through the general CSV
/// reader; fields of these files are never quoted (checked: a quote is reported as an error).
enum ReferenceCSV {
  static let departementsHeader = "code,nom,region_code,region,prefecture_insee,prefecture,lat,lon,voisins"
  static let communesHeader = "insee,nom,type,parent_insee,departement,code_postal,lat,lon,population"

  static func departements(_ data: Data, path: String) throws -> [Departement] {
    var result: [Departement] = []
    try forEachRow(data, path: path, header: departementsHeader, fieldCount: 9) { fields, _ in
      result.append(
        Departement(
          code: fields[0], nom: fields[1], regionCode: fields[2], region: fields[3], prefectureInsee: fields[4],
          prefecture: fields[5], latitude: Double(fields[6]), longitude: Double(fields[7]),
          voisins: fields[8].split(separator: " ").map(String.init)))
    }
    return result
  }

  static func communes(_ data: Data, path: String) throws -> [Commune] {
    var result: [Commune] = []
    result.reserveCapacity(data.count / 55)
    // Rows repeat a commune once per postal code: merge them.
    var previousKey = ""
    try forEachRow(data, path: path, header: communesHeader, fieldCount: 9) { fields, line in
      guard let kind = Commune.Kind(rawValue: fields[2]) else {
        throw ReferenceDataError(
          location: SourceLocation(file: path, line: line, column: 1), message: "unknown commune type '\(fields[2])'")
      }
      let key = fields[0] + fields[2] + fields[1]
      if key == previousKey, var last = result.last {
        if !last.postalCodes.contains(fields[5]) {
          last.postalCodes.append(fields[5])
          result[result.count - 1] = last
        }
        return
      }
      previousKey = key
      var departement = fields[4]
      if departement.isEmpty { departement = departementCode(ofInsee: fields[0]) }
      result.append(
        Commune(
          insee: fields[0], nom: fields[1], kind: kind, parentInsee: fields[3].isEmpty ? nil : fields[3],
          departement: departement, postalCodes: fields[5].isEmpty ? [] : [fields[5]], latitude: Double(fields[6]),
          longitude: Double(fields[7]), population: Int(fields[8]) ?? 0))
    }
    return result
  }

  /// "93066" → "93", "2A004" → "2A", "97411" → "974".
  static func departementCode(ofInsee insee: String) -> String {
    insee.hasPrefix("97") ? String(insee.prefix(3)) : String(insee.prefix(2))
  }

  /// Calls `body` with the fields of every data row (header checked), and the row's line number.
  private static func forEachRow(
    _ data: Data, path: String, header: String, fieldCount: Int,
    _ body: (_ fields: [String], _ line: Int) throws -> Void
  ) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
      var line = 0
      var fields: [String] = []
      fields.reserveCapacity(fieldCount)
      while start < bytes.count {
        line += 1
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var lineEnd = end
        if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        defer { start = end + 1 }
        if lineEnd == start { continue }
        fields.removeAll(keepingCapacity: true)
        var fieldStart = start
        for index in start...lineEnd {
          if index == lineEnd || bytes[index] == 0x2C {
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
            fieldStart = index + 1
          } else if bytes[index] == 0x22 {
            throw ReferenceDataError(
              location: SourceLocation(file: path, line: line, column: index - start + 1),
              message: "quoted fields are not expected in reference files")
          }
        }
        if line == 1 {
          guard fields.joined(separator: ",") == header else {
            throw ReferenceDataError(
              location: SourceLocation(file: path, line: 1, column: 1), message: "expected the header '\(header)'")
          }
          continue
        }
        guard fields.count == fieldCount else {
          throw ReferenceDataError(
            location: SourceLocation(file: path, line: line, column: 1),
            message: "expected \(fieldCount) fields, found \(fields.count)")
        }
        try body(fields, line)
      }
    }
  }
}
