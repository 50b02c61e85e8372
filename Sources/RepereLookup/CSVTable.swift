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
      diagnostics.error("empty-file", at: SourceLocation(file: path, line: 1, column: 1), "the file is empty")
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
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      diagnostics.error(
        "unsupported-encoding", at: SourceLocation(file: path, line: 1, column: 1),
        "the file is saved as UTF-16", hint: "save it as « CSV UTF-8 » (or CSV with ';')")
      return nil
    }
    let encoding: Encoding
    if String(validating: bytes, as: UTF8.self) != nil {
      encoding = .utf8
    } else {
      bytes = Array(decodeWindows1252(bytes).utf8)
      encoding = .windows1252
    }
    let separator = detectSeparator(bytes)
    let separatorByte = UInt8(separator.asciiValue ?? 0x3B)
    var row: [Cell] = []
    var quoted = false
    var quoteLine = 1
    var quoteColumn = 1
    // Scan bytes; columns count characters (UTF-8 continuation bytes do not advance them).
    bytes.withUnsafeBufferPointer { buffer in
      var line = 1
      var column = 1
      var index = 0
      var cell: [UInt8] = []
      var cellLine = 1
      var cellColumn = 1
      var atCellStart = true
      func endCell() {
        row.append(Cell(text: String(decoding: cell, as: UTF8.self), line: cellLine, column: cellColumn))
        cell.removeAll(keepingCapacity: true)
        atCellStart = true
      }
      while index < buffer.count {
        let byte = buffer[index]
        let advances = byte & 0xC0 != 0x80
        if atCellStart {
          cellLine = line
          cellColumn = column
          atCellStart = false
          if byte == 0x22 {
            quoted = true
            quoteLine = line
            quoteColumn = column
            cellColumn = column + 1
            index += 1
            column += 1
            continue
          }
        }
        if quoted {
          if byte == 0x22 {
            if index + 1 < buffer.count, buffer[index + 1] == 0x22 {
              cell.append(0x22)
              index += 2
              column += 2
              continue
            }
            quoted = false
            index += 1
            column += 1
            continue
          }
          cell.append(byte)
          if byte == 0x0A {
            line += 1
            column = 1
          } else if advances {
            column += 1
          }
          index += 1
          continue
        }
        if byte == separatorByte {
          endCell()
        } else if byte == 0x0A {
          if cell.last == 0x0D { cell.removeLast() }
          endCell()
          if !(row.count == 1 && row[0].text.isEmpty) { body(row) }
          row = []
          line += 1
          column = 0
        } else if byte != 0x0D || index + 1 >= buffer.count || buffer[index + 1] != 0x0A {
          cell.append(byte)
        }
        index += 1
        if advances { column += 1 }
      }
      if !quoted, !cell.isEmpty || !row.isEmpty {
        endCell()
        if !(row.count == 1 && row[0].text.isEmpty) { body(row) }
      }
    }
    if quoted {
      diagnostics.error(
        "csv-syntax", at: SourceLocation(file: path, line: quoteLine, column: quoteColumn),
        "this quoted cell is never closed", hint: "a cell that starts with \" must end with \"")
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

  /// Windows-1252: Latin-1 plus typographic characters in 0x80–0x9F (€, ’, œ, …).
  static func decodeWindows1252(_ bytes: [UInt8]) -> String {
    let high: [UInt32] = [
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
      0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
      0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
    var scalars = String.UnicodeScalarView()
    scalars.reserveCapacity(bytes.count)
    for byte in bytes {
      let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
      scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
    return String(scalars)
  }
}
