/// Random case ids: 12 characters from an alphabet without look-alikes (no i, l, o, 0, 1), so a
/// professional can read one aloud. Never derived from the case's content: an id says nothing.
public enum CaseID {
  static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
  public static let length = 12

  /// A new id from the system's secure random source.
  public static func random() -> String {
    var generator = SystemRandomNumberGenerator()
    return random(using: &generator)
  }

  /// A new id from `generator` (seeded in tests).
  public static func random(using generator: inout some RandomNumberGenerator) -> String {
    String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
  }

  /// True for something that may name a journal file: 1 to 64 lowercase ASCII letters, digits or
  /// `-` (and not starting with `-`), so an id typed on the command line cannot reach outside the folder.
  public static func isValid(_ text: String) -> Bool {
    guard let first = text.utf8.first, first != UInt8(ascii: "-"), text.utf8.count <= 64 else { return false }
    return text.utf8.allSatisfy { byte in
      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || byte == UInt8(ascii: "-")
    }
  }
}
