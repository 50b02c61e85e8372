/// Numbers as people and data files write them: an optional sign, digits, and at most one
/// decimal separator followed by digits (« 15 », « 2.5 », « 2,5 » when a comma is allowed).
///
/// Swift's `Double(_:)` also reads `0x10` (16), `1e1` (10), `nan` and `inf`: an age typed as
/// `0x10` became 16 years (issue 18, point 10). No age, count, weight or coordinate is written
/// that way, so every number read from a person or a data file goes through here instead.
public enum DecimalText {
  /// Longer than any real number; also bounds the work done on a pasted wall of digits.
  public static let maximumLength = 32

  /// The value, or nil when `text` is not a plain decimal number (or is not finite).
  public static func parse(_ text: some StringProtocol, allowComma: Bool = false) -> Double? {
    guard !text.isEmpty, text.utf8.count <= maximumLength else { return nil }
    var normalized = ""
    var digitsBefore = 0
    var digitsAfter = 0
    var separatorSeen = false
    for (index, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-"), UInt8(ascii: "+"):
        guard index == 0 else { return nil }
        if byte == UInt8(ascii: "-") { normalized.append("-") }
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if separatorSeen { digitsAfter += 1 } else { digitsBefore += 1 }
        normalized.append(Character(Unicode.Scalar(byte)))
      case UInt8(ascii: "."),
        UInt8(ascii: ",") where allowComma:
        guard !separatorSeen, digitsBefore > 0 else { return nil }
        separatorSeen = true
        normalized.append(".")
      default:
        return nil
      }
    }
    guard digitsBefore > 0, !separatorSeen || digitsAfter > 0, let value = Double(normalized), value.isFinite
    else { return nil }
    return value
  }
}
