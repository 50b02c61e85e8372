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
    writer.write(array: geo.isNational)
    writer.write(array: geo.latitude)
    writer.write(array: geo.longitude)
    writer.write(array: geo.communes)
    writer.write(array: geo.communeStart)
    writer.write(strings: departementCodes)
    writer.write(array: structureDepartements)
    writer.write(array: structureDepartementStart)
    writer.write(array: typeBits)
    writer.write(array: themeBits)
    writer.write(array: publicBits)
    for table in [typeBit, themeBit, publicBit] {
      let ordered = table.sorted { $0.value < $1.value }
      writer.write(strings: ordered.map(\.key))
      writer.write(array: ordered.map(\.value))
    }
    writer.write(array: ageMin)
    writer.write(array: ageMax)
    writer.write(array: usable)
    writer.write(array: access)
    writer.write(array: hoursPattern)
    writer.write(strings: patterns.map(\.text))
    writer.write(array: variant)
    writer.write(array: nameRank)
    writer.write(array: docByNameRank)
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
    var geo = GeographyColumns()
    geo.isNational = try reader.readArray()
    geo.latitude = try reader.readArray()
    geo.longitude = try reader.readArray()
    geo.communes = try reader.readArray()
    geo.communeStart = try reader.readArray()
    let departementCodes = try reader.readStrings()
    let structureDepartements: [Int16] = try reader.readArray()
    let structureDepartementStart: [Int32] = try reader.readArray()
    let typeBits: [UInt64] = try reader.readArray()
    let themeBits: [UInt64] = try reader.readArray()
    let publicBits: [UInt64] = try reader.readArray()
    var tables: [[String: Int]] = []
    for _ in 0..<3 {
      let keys = try reader.readStrings()
      let values: [Int] = try reader.readArray()
      guard keys.count == values.count else { throw BinaryFormatError() }
      tables.append(Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first }))
    }
    let ageMin: [Int16] = try reader.readArray()
    let ageMax: [Int16] = try reader.readArray()
    let usable: [Bool] = try reader.readArray()
    let access: [UInt8] = try reader.readArray()
    let hoursPattern: [Int32] = try reader.readArray()
    let patterns = try reader.readStrings().map { text in
      guard case .success(let hours) = OpeningHours.parse(text) else { throw BinaryFormatError() }
      return hours
    }
    let variant: [UInt8] = try reader.readArray()
    let nameRank: [Int32] = try reader.readArray()
    let docByNameRank: [Int] = try reader.readArray()
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
