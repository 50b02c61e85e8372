import Foundation

extension SearchIndex {
  /// Writes every column and the inverted index (plain arrays, copied back with one memcpy each).
  func encode(into writer: inout BinaryWriter) {
    writer.write(count)
    writer.write(column: termBytes)
    writer.write(column: termStart)
    writer.write(column: postingStart)
    writer.write(column: postingDocs)
    writer.write(column: postingFields)
    writer.write(column: deletionHashes)
    writer.write(column: deletionTerms)
    writer.write(column: geo.isNational)
    writer.write(column: geo.latitude)
    writer.write(column: geo.longitude)
    writer.write(column: geo.communes)
    writer.write(column: geo.communeStart)
    writer.write(strings: departementCodes)
    writer.write(column: structureDepartements)
    writer.write(column: structureDepartementStart)
    writer.write(column: typeBits)
    writer.write(column: themeBits)
    writer.write(column: publicBits)
    for table in [typeBit, themeBit, publicBit] {
      let ordered = table.sorted { $0.value < $1.value }
      writer.write(strings: ordered.map(\.key))
      writer.write(array: ordered.map(\.value))
    }
    writer.write(column: ageMin)
    writer.write(column: ageMax)
    writer.write(column: usable)
    writer.write(column: access)
    writer.write(column: hoursPattern)
    writer.write(strings: patterns.map(\.text))
    writer.write(column: variant)
    writer.write(column: nameRank)
    writer.write(column: docByNameRank)
  }

  /// Reads what `encode` wrote; throws on a truncated or inconsistent file.
  convenience init(reader: inout BinaryReader) throws {
    let count = try reader.readInt()
    let termBytes: Column<UInt8> = try reader.readColumn()
    let termStart: Column<Int32> = try reader.readColumn()
    let postingStart: Column<Int32> = try reader.readColumn()
    let postingDocs: Column<UInt32> = try reader.readColumn()
    let postingFields: Column<UInt8> = try reader.readColumn()
    let deletionHashes: Column<UInt64> = try reader.readColumn()
    let deletionTerms: Column<Int32> = try reader.readColumn()
    let geo = GeographyColumns(
      isNational: try reader.readColumn(), latitude: try reader.readColumn(), longitude: try reader.readColumn(),
      communes: try reader.readColumn(), communeStart: try reader.readColumn())
    let departementCodes = try reader.readStrings()
    let structureDepartements: Column<Int16> = try reader.readColumn()
    let structureDepartementStart: Column<Int32> = try reader.readColumn()
    let typeBits: Column<UInt64> = try reader.readColumn()
    let themeBits: Column<UInt64> = try reader.readColumn()
    let publicBits: Column<UInt64> = try reader.readColumn()
    var tables: [[String: Int]] = []
    for _ in 0..<3 {
      let keys = try reader.readStrings()
      let values: [Int] = try reader.readArray()
      guard keys.count == values.count else { throw BinaryFormatError() }
      tables.append(Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first }))
    }
    let ageMin: Column<Int16> = try reader.readColumn()
    let ageMax: Column<Int16> = try reader.readColumn()
    let usable: Column<Bool> = try reader.readColumn()
    let access: Column<UInt8> = try reader.readColumn()
    let hoursPattern: Column<Int32> = try reader.readColumn()
    let patterns = try reader.readStrings().map { text in
      guard case .success(let hours) = OpeningHours.parse(text) else { throw BinaryFormatError() }
      return hours
    }
    let variant: Column<UInt8> = try reader.readColumn()
    let nameRank: Column<Int32> = try reader.readColumn()
    let docByNameRank: Column<Int> = try reader.readColumn()
    let columns = [
      geo.isNational.count, geo.latitude.count, geo.longitude.count, geo.communeStart.count - 1,
      structureDepartementStart.count - 1, typeBits.count, themeBits.count, publicBits.count, ageMin.count,
      ageMax.count, usable.count, access.count, hoursPattern.count, variant.count, nameRank.count, docByNameRank.count,
    ]
    guard columns.allSatisfy({ $0 == count }), termStart.count == postingStart.count,
      deletionHashes.count == deletionTerms.count, postingDocs.count == postingFields.count
    else { throw BinaryFormatError() }
    self.init(
      count: count, termBytes: termBytes, termStart: termStart, postingStart: postingStart, postingDocs: postingDocs,
      postingFields: postingFields, deletionHashes: deletionHashes, deletionTerms: deletionTerms, geo: geo,
      departementCodes: departementCodes, structureDepartements: structureDepartements,
      structureDepartementStart: structureDepartementStart, typeBits: typeBits, themeBits: themeBits,
      publicBits: publicBits, typeBit: tables[0], themeBit: tables[1], publicBit: tables[2], ageMin: ageMin,
      ageMax: ageMax, usable: usable, access: access, hoursPattern: hoursPattern, patterns: patterns,
      variant: variant, nameRank: nameRank, docByNameRank: docByNameRank)
  }
}
