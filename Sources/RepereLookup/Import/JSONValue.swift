/// A JSON value of one open-data record. Numbers keep their literal text (`1759363200000` stays
/// that, never `1.7593632e+12`), and the reader converts what it needs.
///
/// Written here rather than taken from Foundation: `JSONSerialization` (and `JSONDecoder`) cost
/// ≈ 30 µs per data·inclusion record on this machine, 6 s of CPU for 100,000 structures and
/// their services, against the ≤ 10 s the whole import has (docs/performance.md). This parser
/// reads one record at a time (`JSONRecordScanner` cuts the file), checks the grammar of RFC
/// 8259 strictly, and says where a mistake is; `JSONParserTests` holds it to Foundation's answers.
enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  var isNull: Bool { self == .null }
}

/// A mistake in JSON text: what, and the byte offset where it was seen.
struct JSONSyntaxError: Error, Equatable {
  var message: String
  var offset: Int
}

/// A strict RFC 8259 parser over UTF-8 bytes (see `JSONValue` for why it is written here).
struct JSONParser {
  /// Deeper nesting is refused rather than risking the stack (records nest 3 or 4 levels).
  static let maximumDepth = 256

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0
  private var scratch: [UInt8] = []

  private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The one value `bytes` hold (spaces around it allowed, nothing else).
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes)
    let value = try parser.value()
    parser.skipSpaces()
    if parser.index < bytes.count { throw parser.failure("texte inattendu après la valeur") }
    return value
  }

  static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
      do throws(JSONSyntaxError) { return .success(try parse(buffer)) } catch { return .failure(error) }
    }
    return try result.get()
  }

  private func failure(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: index) }

  private mutating func skipSpaces() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONValue {
    skipSpaces()
    guard index < bytes.count else { throw failure("le texte s'arrête là où une valeur était attendue") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
    default: throw failure("valeur attendue (objet, tableau, texte, nombre, true, false ou null)")
    }
  }

  private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw failure("« \(word) » attendu") }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw failure("« \(word) » attendu")
    }
    index += count
    return value
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    if depth > Self.maximumDepth { throw failure("imbriqué sur plus de \(Self.maximumDepth) niveaux") }
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [String: JSONValue] = [:]
    skipSpaces()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpaces()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw failure("clé entre guillemets attendue")
      }
      let key = try string()
      skipSpaces()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("« : » attendu après la clé") }
      index += 1
      members[key] = try value()
      skipSpaces()
      guard index < bytes.count else { throw failure("le texte s'arrête au milieu d'un objet") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      } else {
        throw failure("« , » ou « } » attendu")
      }
    }
  }

  private mutating func array() throws(JSONSyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var items: [JSONValue] = []
    skipSpaces()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      items.append(try value())
      skipSpaces()
      guard index < bytes.count else { throw failure("le texte s'arrête au milieu d'un tableau") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      } else {
        throw failure("« , » ou « ] » attendu")
      }
    }
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    index += 1
    let start = index
    // Most texts have no escape: one scan, one String.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw failure("un caractère de contrôle doit être échappé dans un texte") }
      index += 1
    }
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: scratch, as: UTF8.self)
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw failure("le texte s'arrête au milieu d'un échappement") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escaped)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): try unicodeEscape()
        default:
          index -= 1
          throw failure("échappement « \\\(Character(Unicode.Scalar(escaped))) » inconnu")
        }
      default:
        if byte < 0x20 { throw failure("un caractère de contrôle doit être échappé dans un texte") }
        scratch.append(byte)
        index += 1
      }
    }
    throw failure("le texte s'arrête au milieu d'un texte entre guillemets")
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("\\u demande quatre chiffres hexadécimaux") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("\\u demande quatre chiffres hexadécimaux")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  /// `\uXXXX`, with UTF-16 surrogate pairs joined; a lone surrogate becomes U+FFFD.
  private mutating func unicodeEscape() throws(JSONSyntaxError) {
    var value = try hex4()
    if (0xD800...0xDBFF).contains(value), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
      bytes[index + 1] == UInt8(ascii: "u")
    {
      let save = index
      index += 2
      let low = try hex4()
      if (0xDC00...0xDFFF).contains(low) {
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
      } else {
        index = save
      }
    }
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    scratch.append(contentsOf: String(scalar).utf8)
  }

  private mutating func number() throws(JSONSyntaxError) -> String {
    let start = index
    func digits(_ parser: inout JSONParser) -> Int {
      let first = parser.index
      while parser.index < parser.bytes.count, (0x30...0x39).contains(parser.bytes[parser.index]) { parser.index += 1 }
      return parser.index - first
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else {
      throw failure("un nombre demande des chiffres")
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      _ = digits(&self)
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits(&self) > 0 else { throw failure("un nombre demande des chiffres après « . »") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits(&self) > 0 else { throw failure("un nombre demande des chiffres dans son exposant") }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }
}
