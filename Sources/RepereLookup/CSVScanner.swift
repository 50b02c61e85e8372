/// One CSV row as `CSVScanner` hands it out: the cells' unescaped bytes back to back and where
/// each cell is. Texts are made only for the cells a reader asks for (a FINESS row has 32 cells,
/// the importer reads 15).
struct CSVRecord {
  struct Span {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
  }

  fileprivate(set) var bytes: [UInt8] = []
  fileprivate(set) var spans: [Span] = []

  var count: Int { spans.count }

  func text(_ index: Int) -> String {
    let span = spans[index]
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[span.start..<span.end]), as: UTF8.self)
    }
  }

  /// The cell without surrounding spaces; nil when that leaves nothing.
  func trimmed(_ index: Int) -> String? {
    let span = spans[index]
    var start = span.start
    var end = span.end
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    guard start < end else { return nil }
    let text = bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
    }
    // Line breaks and non-ASCII spaces are rare: the general rule handles them.
    if bytes[start] < 0x21 || bytes[start] >= 0x80 || bytes[end - 1] < 0x21 || bytes[end - 1] >= 0x80 {
      let general = text.trimmingSpaces
      return general.isEmpty ? nil : general
    }
    return text
  }

  func isEmpty(_ index: Int) -> Bool { spans[index].start == spans[index].end }
  func line(_ index: Int) -> Int { spans[index].line }
  func column(_ index: Int) -> Int { spans[index].column }

  var cells: [CSVTable.Cell] {
    spans.indices.map { CSVTable.Cell(text: text($0), line: spans[$0].line, column: spans[$0].column) }
  }

  fileprivate mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    spans.removeAll(keepingCapacity: true)
  }
}

/// The CSV grammar of `CSVTable`, fed a chunk of UTF-8 bytes at a time: quoted cells with `""`
/// escapes and line breaks, `\r\n` or `\n`, blank lines skipped. Every rule that looks one byte
/// ahead (`""`, `\r\n`) keeps its state across a chunk's end, so any cut gives the same rows.
/// Lines and columns count characters (UTF-8 continuation bytes do not advance the column).
struct CSVScanner {
  let separator: UInt8
  private var record = CSVRecord()
  private var line = 1
  private var column = 1
  private var atCellStart = true
  private var cellStart = 0
  private var cellLine = 1
  private var cellColumn = 1
  private var quoted = false
  /// A `"` inside a quoted cell: the end of the quotes, or the first half of `""`.
  private var quoteMayClose = false
  /// A `\r` outside quotes: dropped before `\n`, kept otherwise.
  private var pendingReturn = false
  /// Where the quoted cell now open started (for « never closed »).
  private(set) var openQuote = (line: 1, column: 1)
  var isInsideQuotes: Bool { quoted && !quoteMayClose }

  init(separator: UInt8) { self.separator = separator }

  mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (CSVRecord) throws -> Void) rethrows {
    for byte in buffer {
      let advances = byte & 0xC0 != 0x80
      if pendingReturn {
        pendingReturn = false
        if byte != 0x0A { record.bytes.append(0x0D) }
      }
      if atCellStart {
        atCellStart = false
        cellStart = record.bytes.count
        cellLine = line
        cellColumn = column
        if byte == 0x22 {
          quoted = true
          openQuote = (line, column)
          cellColumn = column + 1
          column += 1
          continue
        }
      }
      if quoted {
        if quoteMayClose {
          quoteMayClose = false
          if byte == 0x22 {
            record.bytes.append(0x22)
            column += 1
            continue
          }
          quoted = false  // the quotes ended; this byte is read as outside them
        } else if byte == 0x22 {
          quoteMayClose = true
          column += 1
          continue
        } else {
          record.bytes.append(byte)
          if byte == 0x0A {
            line += 1
            column = 1
          } else if advances {
            column += 1
          }
          continue
        }
      }
      if byte == separator {
        endCell()
      } else if byte == 0x0A {
        if record.bytes.count > cellStart, record.bytes.last == 0x0D { record.bytes.removeLast() }
        endCell()
        try endRow(body)
        line += 1
        column = 0
      } else if byte == 0x0D {
        pendingReturn = true
      } else {
        record.bytes.append(byte)
      }
      if advances { column += 1 }
    }
  }

  /// The last row when the file does not end with a line break. Returns false when a quoted
  /// cell is never closed (that row is not handed out).
  mutating func finish(_ body: (CSVRecord) throws -> Void) rethrows -> Bool {
    if pendingReturn {
      pendingReturn = false
      record.bytes.append(0x0D)
    }
    if quoteMayClose {
      quoteMayClose = false
      quoted = false
    }
    if quoted { return false }
    if !atCellStart || !record.spans.isEmpty {
      if atCellStart { cellStart = record.bytes.count }
      endCell()
      try endRow(body)
    }
    return true
  }

  private mutating func endCell() {
    if atCellStart {
      // An empty cell: it starts here.
      cellStart = record.bytes.count
      cellLine = line
      cellColumn = column
    }
    record.spans.append(
      CSVRecord.Span(start: cellStart, end: record.bytes.count, line: cellLine, column: cellColumn))
    atCellStart = true
    quoted = false
  }

  private mutating func endRow(_ body: (CSVRecord) throws -> Void) rethrows {
    defer { record.reset() }
    if record.spans.count == 1, record.isEmpty(0) { return }  // a blank line
    try body(record)
  }
}
