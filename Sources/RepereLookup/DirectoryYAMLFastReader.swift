import Foundation
import RepereBase

/// A fast reader for directory files in the plain layout `repere import` writes (a block mapping
/// of `format`, `source`, `updated`, `structures`; one block mapping per structure; one-line
/// scalars, flow lists and flow mappings; comments), so that a national directory of 100,000
/// structures loads in a fraction of the time Yams takes to build its node tree.
///
/// It accepts only what it fully understands, and only files with no structural mistake: on
/// anything else (anchors, tags, multi-line or block scalars, unknown or repeated keys, a value of
/// the wrong shape, tabs, CR line ends…) it gives up and the caller parses the file with Yams,
/// which reports every mistake. What it accepts it reads exactly as `DirectoryFile.load` reads
/// the Yams tree: the same builder calls in the same order, at the same line and column (columns
/// count Unicode scalars, as libyaml does), so structures and findings are the same —
/// `DirectoryYAMLFastReaderTests` holds both paths to that.
///
/// Sendable so that the parts of a long list are read on several threads: the buffer is only read.
struct DirectoryYAMLFastReader: @unchecked Sendable {
  /// Why the fast path gave up (the file is then read by Yams).
  struct GiveUp: Error {}

  /// A scalar as written: its text, and where its token starts (the quote, when quoted).
  struct Scalar {
    var text: String
    var line: Int
    var column: Int
    var quoted: Bool

    var isNull: Bool { !quoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL") }
  }

  /// A value as written after `key:`.
  enum Value {
    case scalar(Scalar)
    case list([Scalar])
    case map([(key: String, value: Scalar)])
    /// A block list of flow mappings (`- { numero: …, libelle: … }` lines).
    case maps([[(key: String, value: Scalar)]])
    /// Nothing after the colon and no block list under it: null.
    case empty
  }

  /// A line with content (not blank, not only a comment).
  private struct Line {
    var start = 0
    var end = -1
    var number = 0
    var indent = 0
  }

  private var bytes: UnsafeRawBufferPointer
  private var partBytes = defaultPartBytes
  private let file: String
  private var line = Line()
  private var hasLine = false

  /// Reads UTF-8 `text` as a directory file; nil when the fast path does not apply.
  /// A list longer than `partBytes` is read in parts, in parallel (tests pass a small size).
  static func read(
    _ text: String, path: String, partBytes: Int = defaultPartBytes, diagnostics: inout Diagnostics
  ) -> DirectoryFile? {
    var text = text
    return text.withUTF8 { utf8 in
      var reader = DirectoryYAMLFastReader(bytes: UnsafeRawBufferPointer(utf8), file: path)
      reader.partBytes = max(1, partBytes)
      var local = Diagnostics()
      guard let file = try? reader.readFile(diagnostics: &local) else { return nil }
      diagnostics.append(contentsOf: local.findings)
      return file
    }
  }

  private init(bytes: UnsafeRawBufferPointer, file: String) {
    self.bytes = bytes
    self.file = file
  }

  // MARK: The file and its structures

  private mutating func readFile(diagnostics: inout Diagnostics) throws -> DirectoryFile {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw GiveUp() }
    var result = DirectoryFile(path: file, structures: [])
    var seen = Set<String>()
    try advance()
    while hasLine {
      guard line.indent == 0 else { throw GiveUp() }
      let (key, valueStart) = try keyAndValue(at: line.start)
      guard seen.insert(key).inserted else { throw GiveUp() }
      let value = try readValue(from: valueStart)
      try advance()
      switch (key, value) {
      case ("format", .scalar(let scalar)):
        guard scalar.text == DirectoryFile.format else { throw GiveUp() }
      case ("source", .scalar(let scalar)):
        // `source` marks demonstration records: it must be known before the structures.
        guard !seen.contains("structures") else { throw GiveUp() }
        result.source = scalar.text
      case ("updated", .scalar(let scalar)):
        guard !scalar.isNull else { break }
        guard let day = CalendarDay(iso: scalar.text) else { throw GiveUp() }
        result.updated = day
      case ("structures", .empty):
        let isExample = DirectoryFile.isExampleSource(result.source)
        try readStructures(isExample: isExample, into: &result.structures, diagnostics: &diagnostics)
      default:
        throw GiveUp()
      }
    }
    guard seen.contains("format"), seen.contains("structures") else { throw GiveUp() }
    return result
  }

  private mutating func readStructures(
    isExample: Bool, into structures: inout [Structure], diagnostics: inout Diagnostics
  ) throws {
    guard hasLine, line.indent > 0 || itemIndent() != nil else { return }
    guard let dash = itemIndent() else { throw GiveUp() }
    let cuts = cutPoints(dash: dash)
    if cuts.isEmpty {
      try readItems(dash: dash, isExample: isExample, into: &structures, diagnostics: &diagnostics)
    } else {
      try readInParts(cuts: cuts, dash: dash, isExample: isExample, into: &structures, diagnostics: &diagnostics)
    }
    if hasLine, line.indent > 0 { throw GiveUp() }
  }

  /// The `- ` items at `dash` from the current line on, until the list ends.
  private mutating func readItems(
    dash: Int, isExample: Bool, into structures: inout [Structure], diagnostics: inout Diagnostics
  ) throws {
    while hasLine, line.indent == dash, itemIndent() == dash {
      if let structure = try readStructure(dash: dash, isExample: isExample, diagnostics: &diagnostics) {
        structures.append(structure)
      }
    }
  }

  // MARK: A long list read in parts, in parallel

  /// Below twice this many bytes of list, one pass is quicker than starting threads.
  static let defaultPartBytes = 4 << 20
  /// At most this many parts (a fixed number, so the cut never depends on the machine).
  static let maximumParts = 8

  /// Where to cut the rest of the list into parts read in parallel: offsets of lines that start
  /// an item at `dash` (exactly `dash` spaces, then `- `), so that each part is whole items and
  /// every line of a part is read by the same code, with the same line number, as in one pass.
  /// Empty when the list is short.
  private func cutPoints(dash: Int) -> [Int] {
    let length = bytes.count - line.start
    let parts = min(Self.maximumParts, length / partBytes)
    guard parts > 1 else { return [] }
    var cuts: [Int] = []
    for part in 1..<parts {
      var offset = max(line.start + length / parts * part, (cuts.last ?? line.start) + 1)
      while offset < bytes.count {
        guard let newline = nextNewline(from: offset) else { return cuts }
        let start = newline + 1
        if startsItem(at: start, dash: dash) {
          cuts.append(start)
          break
        }
        offset = start
      }
    }
    return cuts
  }

  private func nextNewline(from offset: Int) -> Int? {
    var offset = offset
    while offset < bytes.count {
      if bytes[offset] == 0x0A { return offset }
      offset += 1
    }
    return nil
  }

  private func startsItem(at start: Int, dash: Int) -> Bool {
    guard start + dash + 1 < bytes.count else { return false }
    for offset in start..<(start + dash) where bytes[offset] != 0x20 { return false }
    return bytes[start + dash] == UInt8(ascii: "-") && bytes[start + dash + 1] == 0x20
  }

  /// Reads the list in parts cut at `cuts`, each on its own thread, and joins their structures
  /// and findings in order: the same result as one pass. Any part giving up gives the file up.
  /// The last part is read by this reader, which then goes on after the list as in one pass.
  private mutating func readInParts(
    cuts: [Int], dash: Int, isExample: Bool, into structures: inout [Structure], diagnostics: inout Diagnostics
  ) throws {
    // Each part's reader: the whole buffer up to the part's end (offsets stay absolute), placed
    // just before the part's first line, whose number is counted here.
    var readers: [DirectoryYAMLFastReader] = []
    var number = line.number
    var counted = line.start
    for (part, end) in (cuts + [bytes.count]).enumerated() {
      var reader = self
      reader.bytes = UnsafeRawBufferPointer(rebasing: bytes[0..<end])
      if part > 0 {
        let start = cuts[part - 1]
        while counted < start {
          if bytes[counted] == 0x0A { number += 1 }
          counted += 1
        }
        // `number` is now the part's first line's; `advance` starts after `line.end` and adds
        // one to `line.number`.
        reader.line = Line(start: start - 1, end: start - 1, number: number - 1, indent: 0)
        reader.hasLine = false
      }
      readers.append(reader)
    }
    let results = PartResults(count: readers.count)
    let template = readers
    DispatchQueue.concurrentPerform(iterations: readers.count) { part in
      var reader = template[part]
      var local = Diagnostics()
      var list: [Structure] = []
      do {
        if part > 0 { try reader.advance() }
        try reader.readItems(dash: dash, isExample: isExample, into: &list, diagnostics: &local)
        // A part before the last must end with the list still going: its last line ends the part.
        if part < template.count - 1, reader.hasLine { throw GiveUp() }
        results.store(.init(structures: list, findings: local.findings, reader: reader), at: part)
      } catch {
        results.store(nil, at: part)
      }
    }
    var total = structures.count
    for part in 0..<readers.count {
      guard let result = results.value(at: part) else { throw GiveUp() }
      total += result.structures.count
    }
    structures.reserveCapacity(total)
    for part in 0..<readers.count {
      guard let result = results.value(at: part) else { throw GiveUp() }
      structures += result.structures
      diagnostics.append(contentsOf: result.findings)
      if part == readers.count - 1 { self = result.reader }
    }
  }

  /// One `- id: …` item and the keys under it (the current line is the item's).
  private mutating func readStructure(
    dash: Int, isExample: Bool, diagnostics: inout Diagnostics
  ) throws -> Structure? {
    let keyIndent = dash + 2
    var start = line.start + keyIndent
    guard start < line.end, bytes[start] != UInt8(ascii: " ") else { throw GiveUp() }
    let location = SourceLocation(file: file, line: line.number, column: column(of: start))
    var builder = StructureBuilder(location: location, isExample: isExample)
    // Keys seen so far, one bit per field of `StructureBuilder.fields` (no set per structure).
    var seen: UInt64 = 0
    var idText: String?
    while true {
      let (key, valueStart) = try keyAndValue(at: start)
      guard let number = Self.fieldNumbers[key], seen & (1 << number) == 0 else { throw GiveUp() }
      seen |= 1 << number
      var value = try readValue(from: valueStart)
      try advance()
      if case .empty = value, hasLine, line.indent >= keyIndent, let items = itemIndent() {
        value = try readBlockList(dash: items)
      }
      if key == "id" {
        guard case .scalar(let scalar) = value else { throw GiveUp() }
        idText = scalar.text
      }
      try apply(key, value, to: &builder, diagnostics: &diagnostics)
      guard hasLine, line.indent == keyIndent, itemIndent() == nil else { break }
      start = line.start + keyIndent
    }
    if hasLine, line.indent > dash { throw GiveUp() }
    let name = idText.map { "la structure « \($0) »" } ?? "une structure"
    return builder.finish(at: location, context: name, into: &diagnostics)
  }

  /// A block list under a key: `- item` lines, each a scalar or a flow mapping.
  private mutating func readBlockList(dash: Int) throws -> Value {
    var scalars: [Scalar] = []
    var maps: [[(key: String, value: Scalar)]] = []
    while hasLine, line.indent == dash, itemIndent() == dash {
      switch try readValue(from: line.start + dash + 2) {
      case .scalar(let scalar): scalars.append(scalar)
      case .map(let entries): maps.append(entries)
      default: throw GiveUp()
      }
      try advance()
    }
    if hasLine, line.indent > dash { throw GiveUp() }
    guard scalars.isEmpty || maps.isEmpty else { throw GiveUp() }
    return maps.isEmpty ? .list(scalars) : .maps(maps)
  }

  // MARK: From values to the builder (what DirectoryFile.loadStructure does with a Yams tree)

  /// Each field's position in `StructureBuilder.fields` (fewer than 64) and in `addressFields`.
  private static let fieldNumbers = Dictionary(
    uniqueKeysWithValues: StructureBuilder.fields.enumerated().map { ($1, UInt64($0)) })
  private static let addressNumbers = Dictionary(
    uniqueKeysWithValues: StructureBuilder.addressFields.enumerated().map { ($1, UInt64($0)) })

  private func location(_ scalar: Scalar) -> SourceLocation {
    SourceLocation(file: file, line: scalar.line, column: scalar.column + (scalar.quoted ? 1 : 0))
  }

  private func apply(
    _ key: String, _ value: Value, to builder: inout StructureBuilder, diagnostics: inout Diagnostics
  ) throws {
    switch value {
    case .empty:
      return
    case .scalar(let scalar):
      if scalar.isNull { return }
      if key == "adresse" || key == "telephones" { throw GiveUp() }
      if StructureBuilder.listFields.contains(key) {
        builder.setList(key, [(scalar.text, location(scalar))])
      } else {
        builder.setText(key, scalar.text, at: location(scalar), into: &diagnostics)
      }
    case .list(let items):
      guard StructureBuilder.listFields.contains(key), items.allSatisfy({ !$0.isNull }) else { throw GiveUp() }
      if key == "telephones" {
        for item in items { builder.addPhone(Phone(numero: item.text), at: location(item)) }
      } else {
        builder.setList(key, items.map { ($0.text, location($0)) })
      }
    case .map(let entries):
      guard key == "adresse" else { throw GiveUp() }
      var seen: UInt64 = 0
      for (entryKey, scalar) in entries {
        guard let number = Self.addressNumbers[entryKey], seen & (1 << number) == 0 else { throw GiveUp() }
        seen |= 1 << number
        if scalar.isNull { continue }
        builder.recordAddress(entryKey, at: location(scalar))
        builder.setAddress(entryKey, scalar.text.trimmingSpaces)
      }
    case .maps(let items):
      guard key == "telephones" else { throw GiveUp() }
      for entries in items {
        var numero: Scalar?
        var libelle: Scalar?
        for (entryKey, scalar) in entries {
          switch entryKey {
          case "numero" where numero == nil: numero = scalar
          case "libelle" where libelle == nil: libelle = scalar
          default: throw GiveUp()
          }
        }
        guard let numero else { throw GiveUp() }
        builder.addPhone(Phone(numero: numero.text, libelle: libelle?.text), at: location(numero))
      }
    }
  }

  // MARK: Lines

  /// Moves to the next line with content; gives up on tabs and carriage returns.
  private mutating func advance() throws {
    var start = line.end + 1
    var number = line.number
    while start < bytes.count {
      var end = start
      var first = -1
      while end < bytes.count {
        let byte = bytes[end]
        if byte == 0x0A { break }
        // Tabs, CR, and terminal control or bidi characters (Yams's path warns about those).
        if byte < 0x20 || byte == 0x7F || ((byte == 0xC2 || byte == 0xE2) && startsControl(at: end)) {
          throw GiveUp()
        }
        if first < 0, byte != 0x20 { first = end }
        end += 1
      }
      number += 1
      if first >= 0, bytes[first] != UInt8(ascii: "#") {
        line = Line(start: start, end: end, number: number, indent: first - start)
        hasLine = true
        return
      }
      start = end + 1
    }
    line = Line(start: bytes.count, end: bytes.count, number: number, indent: 0)
    hasLine = false
  }

  /// Whether the UTF-8 sequence at `offset` (led by 0xC2 or 0xE2) is a C1 control or a bidi
  /// control (U+0080–U+009F, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
  private func startsControl(at offset: Int) -> Bool {
    guard offset + 1 < bytes.count else { return false }
    let second = bytes[offset + 1]
    if bytes[offset] == 0xC2 { return second >= 0x80 && second <= 0x9F }
    guard offset + 2 < bytes.count else { return false }
    let third = bytes[offset + 2]
    switch second {
    case 0x80: return third == 0x8E || third == 0x8F || (third >= 0xAA && third <= 0xAE)
    case 0x81: return third >= 0xA6 && third <= 0xA9
    default: return false
    }
  }

  /// The indent of a `- ` item on the current line, or nil when the line is not one.
  private func itemIndent() -> Int? {
    let start = line.start + line.indent
    guard bytes[start] == UInt8(ascii: "-"), start + 1 < line.end, bytes[start + 1] == UInt8(ascii: " ") else {
      return nil
    }
    return line.indent
  }

  /// The column (from 1, in Unicode scalars) of a byte of the current line.
  private func column(of offset: Int) -> Int {
    var column = 1
    var index = line.start
    while index < offset {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return column
  }

  private func skipSpaces(_ offset: Int) -> Int {
    var offset = offset
    while offset < line.end, bytes[offset] == 0x20 { offset += 1 }
    return offset
  }

  /// Nothing but spaces, or a comment, from `offset` to the end of the line.
  private func restIsBlank(_ offset: Int) -> Bool {
    let next = skipSpaces(offset)
    return next == line.end || (bytes[next] == UInt8(ascii: "#") && next > offset)
  }

  private static func isKeyByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
  }

  /// A plain `key:` at `offset`; returns the key and where its value starts.
  private func keyAndValue(at offset: Int) throws -> (String, Int) {
    var end = offset
    while end < line.end, Self.isKeyByte(bytes[end]) { end += 1 }
    guard end > offset, end < line.end, bytes[end] == UInt8(ascii: ":"),
      end + 1 == line.end || bytes[end + 1] == 0x20
    else { throw GiveUp() }
    return (text(offset, end), end + 1)
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  // MARK: Values

  /// The value written on the current line from `offset`.
  private func readValue(from offset: Int) throws -> Value {
    let start = skipSpaces(offset)
    if start == line.end || (bytes[start] == UInt8(ascii: "#") && start > offset) { return .empty }
    var end = start
    let value: Value
    switch bytes[start] {
    case UInt8(ascii: "["):
      var items: [Scalar] = []
      end = try readFlow(from: start + 1, closing: UInt8(ascii: "]")) { reader, position in
        let (scalar, next) = try reader.readFlowScalar(at: position)
        items.append(scalar)
        return next
      }
      value = .list(items)
    case UInt8(ascii: "{"):
      var entries: [(key: String, value: Scalar)] = []
      end = try readFlow(from: start + 1, closing: UInt8(ascii: "}")) { reader, position in
        let (key, valueStart) = try reader.keyAndValue(at: position)
        let (scalar, next) = try reader.readFlowScalar(at: reader.skipSpaces(valueStart))
        entries.append((key, scalar))
        return next
      }
      value = .map(entries)
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      let (scalar, next) = try readQuoted(at: start)
      end = next
      value = .scalar(scalar)
    default:
      return .scalar(try readPlain(at: start))
    }
    guard restIsBlank(end) else { throw GiveUp() }
    return value
  }

  /// Items of a one-line flow collection, separated by commas; returns the offset after `closing`.
  private func readFlow(
    from offset: Int, closing: UInt8, item: (Self, Int) throws -> Int
  ) throws -> Int {
    var position = skipSpaces(offset)
    if position < line.end, bytes[position] == closing { return position + 1 }
    while true {
      position = skipSpaces(try item(self, skipSpaces(position)))
      guard position < line.end else { throw GiveUp() }
      if bytes[position] == closing { return position + 1 }
      guard bytes[position] == UInt8(ascii: ",") else { throw GiveUp() }
      position += 1
    }
  }

  /// A plain scalar to the end of the line (a ` #` comment cut off).
  private func readPlain(at start: Int) throws -> Scalar {
    try checkPlainStart(start)
    var end = start
    while end < line.end {
      let byte = bytes[end]
      if byte == UInt8(ascii: "#"), bytes[end - 1] == 0x20 { break }
      if byte == UInt8(ascii: ":"), end + 1 == line.end || bytes[end + 1] == 0x20 { throw GiveUp() }
      end += 1
    }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    return try bounded(Scalar(text: text(start, end), line: line.number, column: column(of: start), quoted: false))
  }

  /// A text past `TextLimits.maximumFieldLength` is left to Yams, whose reading cuts it and
  /// reports `text-too-long` once, as for every other data file.
  private func bounded(_ scalar: Scalar) throws -> Scalar {
    guard scalar.text.utf8.count <= TextLimits.maximumFieldLength else { throw GiveUp() }
    return scalar
  }

  /// A quoted or plain scalar inside a flow collection; returns it and the offset after it.
  private func readFlowScalar(at start: Int) throws -> (Scalar, Int) {
    guard start < line.end else { throw GiveUp() }
    if bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") { return try readQuoted(at: start) }
    try checkPlainStart(start)
    var end = start
    while end < line.end {
      let byte = bytes[end]
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
      if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ":")
        || byte == UInt8(ascii: "#")
      {
        throw GiveUp()
      }
      end += 1
    }
    var last = end
    while last > start, bytes[last - 1] == 0x20 { last -= 1 }
    guard last > start else { throw GiveUp() }
    return (
      try bounded(Scalar(text: text(start, last), line: line.number, column: column(of: start), quoted: false)), end
    )
  }

  /// Plain scalars may not start with an indicator (anchors, tags, block scalars, nested lists…).
  private func checkPlainStart(_ start: Int) throws {
    switch bytes[start] {
    case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
      UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: ","), UInt8(ascii: "]"),
      UInt8(ascii: "}"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "#"),
      UInt8(ascii: "["), UInt8(ascii: "{"):
      // `-1.5` is a plain scalar; `- x` would be a nested list.
      if bytes[start] == UInt8(ascii: "-"), start + 1 < line.end, bytes[start + 1] != 0x20 { return }
      throw GiveUp()
    default:
      return
    }
  }

  /// A single- or double-quoted scalar closed on the same line; returns it and the offset after it.
  private func readQuoted(at start: Int) throws -> (Scalar, Int) {
    let quote = bytes[start]
    var position = start + 1
    var decoded: [UInt8] = []
    var runStart = position
    while true {
      guard position < line.end else { throw GiveUp() }
      let byte = bytes[position]
      if byte == quote {
        if quote == UInt8(ascii: "'"), position + 1 < line.end, bytes[position + 1] == quote {
          decoded.append(contentsOf: bytes[runStart...position])
          position += 2
          runStart = position
          continue
        }
        break
      }
      if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
        decoded.append(contentsOf: bytes[runStart..<position])
        position = try escape(at: position, into: &decoded)
        runStart = position
        continue
      }
      position += 1
    }
    let value: String
    if decoded.isEmpty && runStart == start + 1 {
      value = text(start + 1, position)
    } else {
      decoded.append(contentsOf: bytes[runStart..<position])
      value = String(decoding: decoded, as: UTF8.self)
    }
    return (try bounded(Scalar(text: value, line: line.number, column: column(of: start), quoted: true)), position + 1)
  }

  /// One escape of a double-quoted scalar; returns the offset after it.
  private func escape(at backslash: Int, into decoded: inout [UInt8]) throws -> Int {
    guard backslash + 1 < line.end else { throw GiveUp() }
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "\""): 0x22, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "n"): 0x0A,
      UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D,
    ]
    let letter = bytes[backslash + 1]
    if let byte = simple[letter] {
      decoded.append(byte)
      return backslash + 2
    }
    let digits: Int
    switch letter {
    case UInt8(ascii: "x"): digits = 2
    case UInt8(ascii: "u"): digits = 4
    case UInt8(ascii: "U"): digits = 8
    default: throw GiveUp()
    }
    let end = backslash + 2 + digits
    guard end <= line.end, let code = UInt32(text(backslash + 2, end), radix: 16),
      let scalar = Unicode.Scalar(code), !YAMLFile.isControl(scalar)
    else { throw GiveUp() }
    decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
    return end
  }
}

/// What one part of a list gave: its structures, findings, and the reader where it stopped.
private struct PartResult {
  var structures: [Structure]
  var findings: [Finding]
  var reader: DirectoryYAMLFastReader
}

/// One slot per part, each written by exactly one iteration of `concurrentPerform` and read
/// after it returns (which orders the writes before the reads).
private final class PartResults: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<PartResult?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
  }

  func store(_ value: PartResult?, at position: Int) { slots[position] = value }

  func value(at position: Int) -> PartResult? { slots[position] }
}
