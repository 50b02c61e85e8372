import Foundation
import RepereBase

/// The directory's structures: an array, or (from the binary cache) compact records decoded on
/// access, so that `repere find` on 100,000 structures decodes only the ones it prints.
public struct StructureList: RandomAccessCollection, Sendable {
  private enum Storage: Sendable {
    case array([Structure])
    case encoded(EncodedStructures)
  }

  private let storage: Storage

  public init(_ structures: [Structure]) {
    storage = .array(structures)
  }

  init(encoded: EncodedStructures) {
    storage = .encoded(encoded)
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .array(let structures): return structures.count
    case .encoded(let encoded): return encoded.count
    }
  }

  public subscript(position: Int) -> Structure {
    switch storage {
    case .array(let structures): return structures[position]
    case .encoded(let encoded): return encoded.structure(at: position)
    }
  }

  /// The id of the structure at `position`, without decoding the rest of it.
  func id(at position: Int) -> String {
    switch storage {
    case .array(let structures): return structures[position].id
    case .encoded(let encoded): return encoded.id(at: position)
    }
  }
}

/// One directory file's structures, packed one after another (`StructureCoder`), with their
/// offsets. In the cache each segment is a file of its own named after its content, so that
/// editing one file of 101 writes only that file's records (and the index), and a segment kept
/// from an older cache keeps its block checksums: it is neither hashed again nor laundered.
struct StructureSegment: @unchecked Sendable {
  let blob: Data
  /// Where each record starts in `blob`, then `blob.count` (count + 1 values).
  let offsets: [UInt64]
  /// Set when the blob comes from a cache file: each record is checked before it is decoded.
  let integrity: BlobIntegrity?
  /// The cache file holding these bytes; nil until written.
  let name: String?

  /// Nil unless the offsets start at 0, never go back and end at the blob's end: records are
  /// then always read inside the blob, whatever bytes they hold.
  init?(blob: Data, offsets: [UInt64], integrity: BlobIntegrity? = nil, name: String? = nil) {
    guard offsets.count >= 2, offsets.first == 0, offsets.last == UInt64(blob.count),
      zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }), integrity?.fits(blob.count) ?? true
    else { return nil }
    self.blob = blob
    self.offsets = offsets
    self.integrity = integrity
    self.name = name
  }

  var count: Int { offsets.count - 1 }

  /// The same bytes, file and checksums, checked by `integrity` (the same sums, another
  /// directory's recovery); nil unless the sums are this segment's.
  func reused(integrity: BlobIntegrity) -> StructureSegment? {
    guard integrity.sums == self.integrity?.sums else { return nil }
    return StructureSegment(blob: blob, offsets: offsets, integrity: integrity, name: name)
  }
}

/// The directory's packed structures, one segment per source file, in directory order.
/// Decoded structures are kept (search as you type shows the same ones keystroke after keystroke).
final class EncodedStructures: @unchecked Sendable {
  let segments: [StructureSegment]
  /// The position of each segment's first structure, then the count.
  let starts: [Int]
  let files: [String]
  private let lock = NSLock()
  private var decoded: [Int: Structure] = [:]

  init(segments: [StructureSegment], files: [String]) {
    self.segments = segments
    self.files = files
    var starts = [0]
    for segment in segments { starts.append(starts[starts.count - 1] + segment.count) }
    self.starts = starts
  }

  /// The structures packed, one segment per run of `runs` (their files, in order); `files`, a
  /// file table to extend (records of an older cache kept beside these still point into it).
  static func packing(_ structures: [Structure], runs: [FileRun], files known: [String] = []) -> (
    [StructureSegment], [String]
  ) {
    var table = StructureCoder.FileTable(known)
    var segments: [StructureSegment] = []
    var start = 0
    for run in runs {
      let (blob, offsets) = StructureCoder.encode(structures[start..<(start + run.count)], table: &table)
      start += run.count
      if let segment = StructureSegment(blob: blob, offsets: offsets) { segments.append(segment) }
    }
    return (segments, table.names)
  }

  /// Whether every record is as written (always, for segments built in this process).
  func intactEverywhere() -> Bool {
    segments.allSatisfy { segment in
      guard let integrity = segment.integrity else { return true }
      return segment.blob.withUnsafeBytes { integrity.intactEverywhere($0) }
    }
  }

  var count: Int { starts[starts.count - 1] }

  /// The segment holding `position`, and the record's number inside it.
  private func locate(_ position: Int) -> (StructureSegment, Int) {
    var low = 0
    var high = segments.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= position { low = middle } else { high = middle - 1 }
    }
    return (segments[low], position - starts[low])
  }

  /// Runs `body` on a decoder of the record at `position`, or returns the structure read from
  /// source when that record is damaged.
  private func withRecord<R>(
    at position: Int, replaced: (Structure) -> R, read body: (inout StructureCoder.Decoder) -> R
  ) -> R {
    let (segment, local) = locate(position)
    return segment.blob.withUnsafeBytes { raw in
      let range = Int(segment.offsets[local])..<Int(segment.offsets[local + 1])
      if let integrity = segment.integrity, !integrity.intact(range, in: raw),
        let replacement = integrity.recovered(position)
      {
        return replaced(replacement)
      }
      var decoder = StructureCoder.Decoder(bytes: raw, offset: range.lowerBound, end: range.upperBound, files: files)
      return body(&decoder)
    }
  }

  /// The structure at `position`; `keeping: false` decodes it without keeping it (a whole pass
  /// over an older cache, which would only churn the kept ones).
  func structure(at position: Int, keeping: Bool = true) -> Structure {
    guard keeping else { return decode(at: position) }
    lock.lock()
    let known = decoded[position]
    lock.unlock()
    if let known { return known }
    let structure = decode(at: position)
    lock.lock()
    if decoded.count > 4096 { decoded.removeAll(keepingCapacity: true) }  // bounded: checks walk them all
    decoded[position] = structure
    lock.unlock()
    return structure
  }

  private func decode(at position: Int) -> Structure {
    withRecord(at: position, replaced: { $0 }, read: { $0.structure() })
  }

  /// The folded name and the id of the structure at `position` (the directory's name order),
  /// without decoding the rest of it.
  func sortKey(at position: Int) -> (String, String) {
    withRecord(
      at: position, replaced: { (TextFolding.fold($0.nom), $0.id) },
      read: { decoder in
        let id = decoder.string()
        return (TextFolding.fold(decoder.string()), id)
      })
  }

  func id(at position: Int) -> String {
    withRecord(at: position, replaced: { $0.id }, read: { $0.string() })
  }
}

/// A compact, versioned byte layout for one structure (varint lengths, optional flags).
enum StructureCoder {
  /// The source file names records point to by number.
  struct FileTable {
    private(set) var names: [String]
    private var numbers: [String: Int] = [:]

    init(_ names: [String]) {
      self.names = names
      for (position, name) in names.enumerated() where numbers[name] == nil { numbers[name] = position }
    }

    mutating func number(of name: String) -> Int {
      if let known = numbers[name] { return known }
      numbers[name] = names.count
      names.append(name)
      return names.count - 1
    }
  }

  /// Encodes every structure; returns the blob and offsets (count + 1), extending `table`.
  static func encode(_ structures: some Collection<Structure>, table: inout FileTable) -> (Data, [UInt64]) {
    // Records are packed into a small buffer moved into the blob a megabyte at a time: packing
    // all of them into one array and then copying it into `Data` held the 57 MB blob twice.
    var blob = Data()
    var encoder = Encoder(bytes: [])
    encoder.bytes.reserveCapacity(Self.chunkBytes + 4096)
    var offsets: [UInt64] = [0]
    offsets.reserveCapacity(structures.count + 1)
    for structure in structures {
      encoder.encode(structure, file: table.number(of: structure.location.file))
      offsets.append(UInt64(blob.count + encoder.bytes.count))
      if encoder.bytes.count >= Self.chunkBytes {
        blob.append(contentsOf: encoder.bytes)
        encoder.bytes.removeAll(keepingCapacity: true)
      }
    }
    blob.append(contentsOf: encoder.bytes)
    return (blob, offsets)
  }

  static let chunkBytes = 1 << 20

  struct Encoder {
    var bytes: [UInt8]

    mutating func varint(_ value: Int) {
      var rest = UInt64(bitPattern: Int64(value))
      while rest >= 0x80 {
        bytes.append(UInt8(rest & 0x7F) | 0x80)
        rest >>= 7
      }
      bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
      // In place (a native string's UTF-8 is contiguous): no array per string.
      var text = text
      text.withUTF8 { utf8 in
        varint(utf8.count)
        bytes.append(contentsOf: utf8)
      }
    }

    mutating func optional(_ text: String?) {
      if let text {
        bytes.append(1)
        string(text)
      } else {
        bytes.append(0)
      }
    }

    mutating func strings(_ list: [String]) {
      varint(list.count)
      for text in list { string(text) }
    }

    mutating func double(_ value: Double?) {
      guard let value else {
        bytes.append(0)
        return
      }
      bytes.append(1)
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func encode(_ structure: Structure, file: Int) {
      string(structure.id)
      string(structure.nom)
      strings(structure.types)
      optional(structure.description)
      strings(structure.thematiques)
      strings(structure.publics)
      varint((structure.ageMin ?? -1) + 1)
      varint((structure.ageMax ?? -1) + 1)
      strings(structure.zone)
      if let address = structure.adresse {
        bytes.append(1)
        for part in [address.voie, address.complement, address.codePostal, address.commune, address.codeInsee] {
          optional(part)
        }
      } else {
        bytes.append(0)
      }
      double(structure.latitude)
      double(structure.longitude)
      varint(structure.telephones.count)
      for phone in structure.telephones {
        string(phone.numero)
        optional(phone.libelle)
      }
      optional(structure.courriel)
      optional(structure.siteWeb)
      optional(structure.horairesText)
      strings(structure.langues)
      bytes.append(structure.acces == .public ? 0 : 1)
      bytes.append(UInt8(StructureStatus.allCases.firstIndex(of: structure.statut) ?? 0))
      varint(structure.dateMaj?.dayNumber ?? -1_000_000)
      optional(structure.lienSource)
      bytes.append(structure.isExample ? 1 : 0)
      varint(file)
      varint(structure.location.line)
      varint(structure.location.column)
      varint(structure.positions.count)
      for position in structure.positions {
        string(position.field)
        varint(position.index)
        varint(position.line)
        varint(position.column)
      }
    }
  }

  struct Decoder {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    let end: Int
    let files: [String]

    mutating func byte() -> UInt8 {
      guard offset < end else { return 0 }
      defer { offset += 1 }
      return bytes[offset]
    }

    mutating func varint() -> Int {
      var result: UInt64 = 0
      var shift: UInt64 = 0
      while offset < end, shift < 64 {
        let value = bytes[offset]
        offset += 1
        result |= UInt64(value & 0x7F) << shift
        if value & 0x80 == 0 { break }
        shift += 7
      }
      return Int(Int64(bitPattern: result))
    }

    mutating func string() -> String {
      let count = max(0, min(varint(), end - offset))
      defer { offset += count }
      return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func optional() -> String? { byte() == 1 ? string() : nil }

    /// A count of items that follow, never more than the bytes left (a damaged record stays in bounds).
    mutating func count() -> Int { max(0, min(varint(), end - offset)) }

    mutating func strings() -> [String] { (0..<count()).map { _ in string() } }

    mutating func double() -> Double? {
      guard byte() == 1, offset + 8 <= end else { return nil }
      var pattern: UInt64 = 0
      for shift in 0..<8 { pattern |= UInt64(bytes[offset + shift]) << (8 * UInt64(shift)) }
      offset += 8
      return Double(bitPattern: pattern)
    }

    mutating func structure() -> Structure {
      var structure = Structure(id: string(), nom: string(), types: strings())
      structure.description = optional()
      structure.thematiques = strings()
      structure.publics = strings()
      let ageMin = varint() - 1
      let ageMax = varint() - 1
      structure.ageMin = ageMin >= 0 ? ageMin : nil
      structure.ageMax = ageMax >= 0 ? ageMax : nil
      structure.zone = strings()
      if byte() == 1 {
        structure.adresse = Address(
          voie: optional(), complement: optional(), codePostal: optional(), commune: optional(), codeInsee: optional())
      }
      structure.latitude = double()
      structure.longitude = double()
      structure.telephones = (0..<count()).map { _ in Phone(numero: string(), libelle: optional()) }
      structure.courriel = optional()
      structure.siteWeb = optional()
      structure.horairesText = optional()
      if let text = structure.horairesText, case .success(let hours) = OpeningHours.parse(text) {
        structure.horaires = hours
      }
      structure.langues = strings()
      structure.acces = byte() == 0 ? .public : .professionnels
      let status = Int(byte())
      structure.statut = status < StructureStatus.allCases.count ? StructureStatus.allCases[status] : .active
      let day = varint()
      structure.dateMaj = day == -1_000_000 ? nil : CalendarDay(dayNumber: day)
      structure.lienSource = optional()
      structure.isExample = byte() == 1
      let file = varint()
      structure.location = SourceLocation(
        file: file < files.count ? files[file] : "", line: varint(), column: varint())
      structure.positions = (0..<count()).map { _ in
        FieldPosition(field: string(), index: varint(), line: varint(), column: varint())
      }
      return structure
    }
  }
}
