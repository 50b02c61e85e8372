/// Cuts a JSON file into its records a chunk at a time, so that a national export is never
/// parsed (or held) whole: the elements of a top-level array (data·inclusion's `orient=records`
/// export), or of the array under one of `keys` in a top-level object (the API's page
/// `{"items": [...], "page": 1, …}`, Service-Public's `{"service": [...]}`). Each record is then
/// parsed alone by `JSONParser`, and knows its index and the line and column where it starts.
struct JSONRecordScanner {
  struct Record {
    /// 1-based, in the file's order.
    var index: Int
    var line: Int
    var column: Int
    var value: JSONValue
  }

  /// A mistake, with its position in the file.
  struct Failure: Error {
    var message: String
    var line: Int
    var column: Int
  }

  private enum State {
    case start
    /// Inside the records' array: before the first element or `]`, after an element, after `,`.
    case recordsStart, recordsAfterElement, recordsNext
    /// Inside the wrapping object.
    case objectStart, objectKey, objectAfterKey, objectValue, objectAfterValue, objectNext
    case done
  }

  /// What is being copied: a record, a key, or a value of the wrapping object that is skipped.
  private enum Capture { case none, record, key, skipped }

  private let keys: Set<String>
  private var state = State.start
  private var capture = Capture.none
  private var buffer: [UInt8] = []
  private var depth = 0
  private var inString = false
  private var escaped = false
  /// A number, `true`, `false` or `null` being copied: it ends at the first delimiter.
  private var bareScalar = false
  private var line = 1
  private var column = 1
  private var startLine = 1
  private var startColumn = 1
  private var key = ""
  private var inWrapper = false
  private(set) var count = 0
  private(set) var sawRecords = false

  init(keys: Set<String>) { self.keys = keys }

  private func failure(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

  mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (Record) throws -> Void) throws {
    var index = 0
    while index < chunk.count {
      let byte = chunk[index]
      if capture != .none {
        if try copy(byte, body) {
          // The byte ended a bare scalar without belonging to it: read it again as structure.
          continue
        }
      } else {
        try structure(byte)
      }
      advance(byte)
      index += 1
    }
  }

  /// Checks that the file ended where it may.
  mutating func finish(_ body: (Record) throws -> Void) throws {
    if capture != .none, bareScalar, !inString {
      try complete(body)
    }
    guard state == .done else {
      if state == .start { throw failure("le fichier est vide") }
      throw failure("le fichier s'arrête avant la fin de ses enregistrements (coupé ?)")
    }
    if !sawRecords { throw failure("aucun tableau d'enregistrements dans le fichier") }
  }

  private mutating func advance(_ byte: UInt8) {
    if byte == 0x0A {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

  /// A byte between values: brackets, commas, colons, spaces.
  private mutating func structure(_ byte: UInt8) throws {
    if Self.isSpace(byte) { return }
    switch state {
    case .start:
      if byte == UInt8(ascii: "[") {
        state = .recordsStart
        sawRecords = true
      } else if byte == UInt8(ascii: "{") {
        state = .objectStart
        inWrapper = true
      } else {
        throw failure("« [ » (un tableau d'enregistrements) ou « { » (une page d'API) attendu")
      }
    case .recordsStart, .recordsNext:
      if byte == UInt8(ascii: "]"), state == .recordsStart {
        endRecords()
      } else {
        begin(.record, byte)
      }
    case .recordsAfterElement:
      if byte == UInt8(ascii: ",") {
        state = .recordsNext
      } else if byte == UInt8(ascii: "]") {
        endRecords()
      } else {
        throw failure("« , » ou « ] » attendu après l'enregistrement \(count)")
      }
    case .objectStart, .objectNext:
      if byte == UInt8(ascii: "}"), state == .objectStart {
        state = .done
      } else if byte == UInt8(ascii: "\"") {
        begin(.key, byte)
      } else {
        throw failure("clé entre guillemets attendue")
      }
    case .objectKey:
      guard byte == UInt8(ascii: ":") else { throw failure("« : » attendu après la clé") }
      state = .objectAfterKey
    case .objectAfterKey:
      if byte == UInt8(ascii: "["), keys.contains(key), !sawRecords {
        sawRecords = true
        state = .recordsStart
      } else {
        begin(.skipped, byte)
      }
    case .objectValue, .objectAfterValue:
      if byte == UInt8(ascii: ",") {
        state = .objectNext
      } else if byte == UInt8(ascii: "}") {
        state = .done
      } else {
        throw failure("« , » ou « } » attendu")
      }
    case .done:
      throw failure("texte inattendu après la fin de la valeur du fichier")
    }
  }

  private mutating func endRecords() {
    state = inWrapper ? .objectAfterValue : .done
  }

  private mutating func begin(_ kind: Capture, _ byte: UInt8) {
    capture = kind
    buffer.removeAll(keepingCapacity: true)
    buffer.append(byte)
    startLine = line
    startColumn = column
    depth = 0
    inString = byte == UInt8(ascii: "\"")
    escaped = false
    bareScalar = false
    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
      depth = 1
    } else if !inString {
      bareScalar = true
    }
  }

  /// Copies a byte of the value being captured; true when the byte is not part of it (it ends a
  /// bare scalar) and must be read again.
  private mutating func copy(_ byte: UInt8, _ body: (Record) throws -> Void) throws -> Bool {
    if bareScalar {
      if Self.isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
        try complete(body)
        return true
      }
      buffer.append(byte)
      return false
    }
    buffer.append(byte)
    if inString {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        inString = false
        if depth == 0 { try complete(body) }
      }
      return false
    }
    switch byte {
    case UInt8(ascii: "\""): inString = true
    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
    case UInt8(ascii: "}"), UInt8(ascii: "]"):
      depth -= 1
      if depth == 0 { try complete(body) }
    default: break
    }
    return false
  }

  private mutating func complete(_ body: (Record) throws -> Void) throws {
    let kind = capture
    capture = .none
    switch kind {
    case .none: return
    case .key:
      key = (try? JSONParser.parse(buffer)).flatMap { if case .string(let text) = $0 { text } else { nil } } ?? ""
      state = .objectKey
    case .skipped:
      try check(buffer, context: "")
      state = .objectValue
    case .record:
      count += 1
      let value = try check(buffer, context: "enregistrement \(count) : ")
      state = .recordsAfterElement
      try body(Record(index: count, line: startLine, column: startColumn, value: value))
    }
  }

  /// Parses the captured bytes; a mistake is placed where it is in the file.
  @discardableResult
  private func check(_ bytes: [UInt8], context: String) throws -> JSONValue {
    do {
      return try JSONParser.parse(bytes)
    } catch {
      var line = startLine
      var column = startColumn
      for byte in bytes.prefix(error.offset) {
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
      }
      throw Failure(message: context + error.message, line: line, column: column)
    }
  }
}
