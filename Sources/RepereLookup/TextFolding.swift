import Foundation

/// Accent-, case- and ligature-insensitive folding of typed and stored text, so that « Œuvre
/// d'Été », « OEUVRE D ETE » and « oeuvre d'ete » compare equal.
///
/// Folding maps every letter to lowercase ASCII (é → e, œ → oe, ß → ss), keeps digits, and turns
/// everything else (spaces, hyphens, apostrophes, punctuation) into single separators. It is
/// hand-rolled over Unicode scalars because it runs on every keystroke and on every stored word.
public enum TextFolding {
  /// The folded text with words separated by single spaces: « Saint-Denis (93) » → "saint denis 93".
  public static func fold(_ text: String) -> String {
    words(text).joined(separator: " ")
  }

  /// The folded words of `text`, in order.
  public static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    current.reserveCapacity(16)
    forEachFoldedByte(text) { byte in
      if byte == separator {
        if !current.isEmpty {
          words.append(String(decoding: current, as: UTF8.self))
          current.removeAll(keepingCapacity: true)
        }
      } else {
        current.append(byte)
      }
    }
    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
    return words
  }

  /// The folded words as byte arrays (what the search index stores).
  static func wordBytes(_ text: String) -> [[UInt8]] {
    var words: [[UInt8]] = []
    var current: [UInt8] = []
    forEachFoldedByte(text) { byte in
      if byte == separator {
        if !current.isEmpty {
          words.append(current)
          current.removeAll(keepingCapacity: true)
        }
      } else {
        current.append(byte)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// Calls `body` with the bytes of each folded word, in order (valid only during the call):
  /// `wordBytes` without an array per word, for the index build's millions of words.
  static func forEachWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var current: [UInt8] = []
    current.reserveCapacity(32)
    forEachFoldedByte(text) { byte in
      if byte == separator {
        if !current.isEmpty {
          current.withUnsafeBufferPointer(body)
          current.removeAll(keepingCapacity: true)
        }
      } else {
        current.append(byte)
      }
    }
    if !current.isEmpty { current.withUnsafeBufferPointer(body) }
  }

  static let separator: UInt8 = 0x20

  /// Calls `body` with each folded byte: lowercase ASCII letters, digits, or `separator`.
  /// Native strings are walked over their UTF-8 bytes (ASCII needs no decoding; the index build
  /// folds millions of words), others scalar by scalar: the same bytes either way.
  @inline(__always)
  static func forEachFoldedByte(_ text: String, _ body: (UInt8) -> Void) {
    let walked: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
      var index = 0
      let count = utf8.count
      while index < count {
        let lead = utf8[index]
        if lead < 0x80 {
          body(asciiTable[Int(lead)])
          index += 1
          continue
        }
        // Valid UTF-8 (a `String`): the lead byte says how many continuation bytes follow.
        var value: UInt32
        var length: Int
        if lead < 0xE0 {
          value = UInt32(lead & 0x1F)
          length = 2
        } else if lead < 0xF0 {
          value = UInt32(lead & 0x0F)
          length = 3
        } else {
          value = UInt32(lead & 0x07)
          length = 4
        }
        for offset in 1..<length where index + offset < count {
          value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
        }
        index += length
        fold(value, body)
      }
    }
    if walked == nil {
      for scalar in text.unicodeScalars { fold(scalar.value, body) }
    }
  }

  /// The folded bytes of one scalar.
  @inline(__always)
  private static func fold(_ value: UInt32, _ body: (UInt8) -> Void) {
    if value < 0x80 {
      body(asciiTable[Int(value)])
    } else if value >= 0xC0, value <= 0x17F {
      for byte in latinTable[Int(value - 0xC0)] { body(byte) }
    } else if (0x300...0x36F).contains(value) {
      return  // combining accents of decomposed (NFD) text
    } else if let scalar = Unicode.Scalar(value) {
      for byte in foldRare(scalar) { body(byte) }
    }
  }

  /// ASCII: letters lowercased, digits kept, the rest a separator.
  private static let asciiTable: [UInt8] = (0..<128).map { code in
    switch code {
    case 0x30...0x39, 0x61...0x7A: return UInt8(code)
    case 0x41...0x5A: return UInt8(code + 0x20)
    default: return separator
    }
  }

  /// U+00C0…U+017F (Latin-1 letters and Latin Extended-A), each to its ASCII spelling.
  private static let latinTable: [[UInt8]] = {
    let latin1 =
      "a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss "
      + "a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th y"
    let extendedA = [
      ("a", 6), ("c", 8), ("d", 4), ("e", 10), ("g", 8), ("h", 4), ("i", 10), ("ij", 2), ("j", 2), ("k", 3),
      ("l", 10), ("n", 9), ("o", 6), ("oe", 2), ("r", 6), ("s", 8), ("t", 6), ("u", 12), ("w", 2), ("y", 3),
      ("z", 6), ("s", 1),
    ]
    var table: [[UInt8]] = latin1.split(separator: " ").map { $0 == "_" ? [separator] : Array($0.utf8) }
    for (letters, count) in extendedA {
      table.append(contentsOf: repeatElement(Array(letters.utf8), count: count))
    }
    return table
  }()

  /// Anything outside the fast tables: typographic punctuation is a separator; other letters
  /// go through Foundation's diacritic folding and keep only what becomes ASCII.
  private static func foldRare(_ scalar: Unicode.Scalar) -> [UInt8] {
    if !scalar.properties.isAlphabetic && scalar.properties.numericType == nil {
      return [separator]
    }
    let folded = String(Character(scalar)).folding(
      options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    let bytes = folded.unicodeScalars.compactMap { scalar -> UInt8? in
      guard scalar.value < 0x80 else { return nil }
      let byte = asciiTable[Int(scalar.value)]
      return byte == separator ? nil : byte
    }
    return bytes.isEmpty ? [separator] : bytes
  }
}
