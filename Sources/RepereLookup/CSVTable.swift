import Foundation
import RepereBase

/// A CSV file as French spreadsheets save it: `;` or `,` separated (detected on the header
/// line), UTF-8 with or without BOM, or Windows-1252; quoted cells with `""` escapes and line
/// breaks. Every cell keeps its line and column (in characters) for findings.
struct CSVTable {
  struct Cell {
    var text: String
    var line: Int
    /// Column of the cell's first character of content (after an opening quote).
    var column: Int
  }

  enum Encoding: String {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"
  }

  var header: [Cell]
  var rows: [[Cell]]
  var separator: Character
  var encoding: Encoding

  /// Decodes and splits `data` into a table (header and rows).
  static func parse(_ data: Data, path: String, diagnostics: inout Diagnostics) -> CSVTable? {
    var rows: [[Cell]] = []
    guard let format = forEachRow(data, path: path, diagnostics: &diagnostics, { rows.append($0) }) else { return nil }
    guard !rows.isEmpty else {
      diagnostics.error("empty-file", at: SourceLocation(file: path, line: 1, column: 1), "le fichier est vide")
      return nil
    }
    let header = rows.removeFirst()
    return CSVTable(header: header, rows: rows, separator: format.separator, encoding: format.encoding)
  }

  /// Decodes `data` and hands every row (the header first) to `body` as soon as it is read, so a
  /// 100,000-row export never sits in memory as cells. A quote left open is reported at its
  /// position. Returns nil when the file cannot be read at all.
  @discardableResult
  static func forEachRow(
    _ data: Data, path: String, diagnostics: inout Diagnostics, _ body: ([Cell]) -> Void
  ) -> (separator: Character, encoding: Encoding)? {
    forEachRecord(.memory(data), path: path, diagnostics: &diagnostics) { body($0.cells) }
  }

  /// The same rows, streamed from a file a chunk at a time: memory holds one chunk and one row,
  /// whatever the file's size. The encoding is decided on the whole file first (one more pass
  /// over its bytes, no copy of them): UTF-8 when every byte is valid UTF-8, else Windows-1252.
  @discardableResult
  static func forEachRecord(
    _ input: ImportBytes, path: String, diagnostics: inout Diagnostics, _ body: (CSVRecord) -> Void
  ) -> (separator: Character, encoding: Encoding)? {
    let start = SourceLocation(file: path, line: 1, column: 1)
    var head = [UInt8](input.head())
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      diagnostics.error(
        "unsupported-encoding", at: start, "le fichier est enregistré en UTF-16",
        hint: "enregistrez-le en « CSV UTF-8 » (ou CSV avec « ; »)")
      return nil
    }
    let encoding: Encoding
    var scanner: CSVScanner
    let separator = detectSeparator(head)
    var closed = true
    do {
      encoding = try input.isValidUTF8() ? .utf8 : .windows1252
      scanner = CSVScanner(separator: UInt8(separator.asciiValue ?? 0x3B))
      var converted: [UInt8] = []
      try input.forEachChunk { chunk in
        if encoding == .utf8 {
          scanner.feed(chunk, body)
        } else {
          Windows1252.utf8(chunk, into: &converted)
          converted.withUnsafeBufferPointer { scanner.feed($0, body) }
        }
      }
      closed = scanner.finish(body)
    } catch {
      diagnostics.error("unreadable-file", at: start, "lecture du fichier impossible (\(error.localizedDescription))")
      return nil
    }
    if !closed {
      diagnostics.error(
        "csv-syntax", at: SourceLocation(file: path, line: scanner.openQuote.line, column: scanner.openQuote.column),
        "cette cellule entre guillemets n'est jamais fermée", hint: "une cellule qui commence par \" doit finir par \"")
      return nil
    }
    return (separator, encoding)
  }

  /// `;`, `,` or tab: whichever appears most on the first line outside quotes.
  static func detectSeparator(_ bytes: [UInt8]) -> Character {
    var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
    var quoted = false
    for byte in bytes {
      if byte == 0x0A && !quoted { break }
      if byte == 0x22 { quoted.toggle() }
      let character = Character(Unicode.Scalar(byte))
      if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
    }
    let best = counts.max { ($0.value, $0.key == ";" ? 1 : 0) < ($1.value, $1.key == ";" ? 1 : 0) }
    return (best?.value ?? 0) > 0 ? (best?.key ?? ";") : ";"
  }
}
