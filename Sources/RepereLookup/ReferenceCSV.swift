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

  /// Checks the header, that no field is quoted and that every row has nine fields: a byte
  /// scan, so that the deferred parse of `communes` cannot fail.
  static func validateCommunes(_ data: Data, path: String) throws {
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      var line = 0
      while start < bytes.count {
        line += 1
        var end = start
        var commas = 0
        while end < bytes.count, bytes[end] != 0x0A {
          if bytes[end] == 0x2C { commas += 1 }
          if bytes[end] == 0x22 {
            throw ReferenceDataError(
              location: SourceLocation(file: path, line: line, column: end - start + 1),
              message: "les fichiers de référence n'ont pas de champs entre guillemets")
          }
          end += 1
        }
        if line == 1 {
          let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          guard header.trimmingSpaces == communesHeader else {
            throw ReferenceDataError(
              location: SourceLocation(file: path, line: 1, column: 1),
              message: "en-tête attendu : « \(communesHeader) »")
          }
        } else if end > start, commas != 8, !(end == start + 1 && bytes[start] == 0x0D) {
          throw ReferenceDataError(
            location: SourceLocation(file: path, line: line, column: 1),
            message: "9 champs attendus, \(commas + 1) trouvés")
        }
        start = end + 1
      }
    }
  }

  /// Parses communes straight from bytes (run once, on first use); rows that repeat a commune
  /// for each of its postal codes are merged.
  static func communes(_ data: Data, path: String, hasHeader: Bool = true) throws -> [Commune] {
    var result: [Commune] = []
    result.reserveCapacity(data.count / 55)
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      if hasHeader {
        while start < bytes.count, bytes[start] != 0x0A { start += 1 }
        start += 1
      }
      var commas = [Int](repeating: 0, count: 8)
      var previous: (insee: Range<Int>, kind: Range<Int>, name: Range<Int>)?
      func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where bytes[a.lowerBound + offset] != bytes[b.lowerBound + offset] { return false }
        return true
      }
      while start < bytes.count {
        var end = start
        var found = 0
        while end < bytes.count, bytes[end] != 0x0A {
          if bytes[end] == 0x2C, found < 8 {
            commas[found] = end
            found += 1
          }
          end += 1
        }
        var lineEnd = end
        if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        defer { start = end + 1 }
        guard found == 8 else { continue }
        let insee = start..<commas[0]
        let name = (commas[0] + 1)..<commas[1]
        let kindRange = (commas[1] + 1)..<commas[2]
        let postal = text((commas[4] + 1)..<commas[5])
        if let last = previous, same(last.insee, insee), same(last.kind, kindRange), same(last.name, name) {
          if !postal.isEmpty, !result[result.count - 1].postalCodes.contains(postal) {
            result[result.count - 1].postalCodes.append(postal)
          }
          continue
        }
        previous = (insee, kindRange, name)
        let kind: Commune.Kind
        switch kindRange.count {
        case 4: kind = .communeDeleguee
        case 3: kind = bytes[kindRange.lowerBound] == 0x41 ? .arrondissement : .commune
        default: continue
        }
        let inseeText = text(insee)
        let parentRange = (commas[2] + 1)..<commas[3]
        let departementRange = (commas[3] + 1)..<commas[4]
        result.append(
          Commune(
            insee: inseeText, nom: text(name), kind: kind, parentInsee: parentRange.isEmpty ? nil : text(parentRange),
            departement: departementRange.isEmpty ? departementCode(ofInsee: inseeText) : text(departementRange),
            postalCodes: postal.isEmpty ? [] : [postal], latitude: decimal(bytes, (commas[5] + 1)..<commas[6]),
            longitude: decimal(bytes, (commas[6] + 1)..<commas[7]),
            population: Int(decimal(bytes, (commas[7] + 1)..<lineEnd) ?? 0)))
      }
    }
    return result
  }

  /// The communes whose INSEE code or one of whose postal codes is `code`, with their position in
  /// the parsed list, found by scanning bytes: a postal code typed before the 36,000 communes are
  /// parsed costs a scan, not the parse.
  static func findCommunes(_ data: Data, code: String) -> [(index: Int, commune: Commune)] {
    let wanted = Array(code.utf8)
    var groups: [(index: Int, range: Range<Int>)] = []
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      while start < bytes.count, bytes[start] != 0x0A { start += 1 }
      start += 1
      var group = -1
      var groupStart = start
      var groupMatches = false
      var previousKey: Range<Int>?
      func equal(_ range: Range<Int>, _ other: Range<Int>) -> Bool {
        guard range.count == other.count else { return false }
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != bytes[other.lowerBound + offset] {
          return false
        }
        return true
      }
      func isWanted(_ range: Range<Int>) -> Bool {
        guard range.count == wanted.count else { return false }
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != wanted[offset] { return false }
        return true
      }
      // Only three commas matter: after the INSEE code, after the type, after the département.
      while start < bytes.count {
        var end = start
        var found = 0
        var afterInsee = 0
        var afterType = 0
        var afterDepartement = 0
        var afterPostal = 0
        while end < bytes.count, bytes[end] != 0x0A {
          if bytes[end] == 0x2C {
            found += 1
            switch found {
            case 1: afterInsee = end
            case 3: afterType = end
            case 5: afterDepartement = end
            case 6: afterPostal = end
            default: break
            }
          }
          end += 1
        }
        defer { start = end + 1 }
        guard found == 8 else { continue }
        // A group is a commune's consecutive rows: same INSEE code, type and name.
        let key = start..<afterType
        if previousKey.map({ !equal($0, key) }) ?? true {
          if groupMatches { groups.append((group, groupStart..<start)) }
          group += 1
          groupStart = start
          groupMatches = false
          previousKey = key
        }
        if isWanted(start..<afterInsee) || isWanted((afterDepartement + 1)..<afterPostal) { groupMatches = true }
      }
      if groupMatches { groups.append((group, groupStart..<bytes.count)) }
    }
    return groups.compactMap { group in
      let rows = data[(data.startIndex + group.range.lowerBound)..<(data.startIndex + group.range.upperBound)]
      guard let commune = (try? communes(Data(rows), path: "", hasHeader: false))?.first else { return nil }
      return (group.index, commune)
    }
  }

  /// A plain decimal (`-61.12069`, `832`) read from bytes; nil when empty or malformed.
  static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
    guard !range.isEmpty else { return nil }
    var index = range.lowerBound
    var negative = false
    if bytes[index] == 0x2D {
      negative = true
      index += 1
    }
    var whole: Int64 = 0
    var fraction: Int64 = 0
    var scale: Double = 1
    var inFraction = false
    var digits = 0
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == 0x2E, !inFraction {
        inFraction = true
      } else if byte >= 0x30, byte <= 0x39 {
        digits += 1
        if inFraction {
          fraction = fraction * 10 + Int64(byte - 0x30)
          scale *= 10
        } else {
          whole = whole * 10 + Int64(byte - 0x30)
        }
      } else {
        return nil
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    let value = Double(whole) + Double(fraction) / scale
    return negative ? -value : value
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
              message: "les fichiers de référence n'ont pas de champs entre guillemets")
          }
        }
        if line == 1 {
          guard fields.joined(separator: ",") == header else {
            throw ReferenceDataError(
              location: SourceLocation(file: path, line: 1, column: 1), message: "en-tête attendu : « \(header) »")
          }
          continue
        }
        guard fields.count == fieldCount else {
          throw ReferenceDataError(
            location: SourceLocation(file: path, line: line, column: 1),
            message: "\(fieldCount) champs attendus, \(fields.count) trouvés")
        }
        try body(fields, line)
      }
    }
  }
}
