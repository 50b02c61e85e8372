/// French phone numbers as the directory spec accepts them.
public enum PhoneNumber {
  /// Valid: ten digits starting with 0 (spaces and dots allowed), `+33` and nine digits, or a
  /// short number (15, 17, 18, or 3 to 6 digits: 119, 3018, 116 000).
  public static func isValid(_ text: String) -> Bool {
    var digits: [Character] = []
    var plus = false
    for (offset, character) in text.trimmingSpaces.enumerated() {
      switch character {
      case "0"..."9": digits.append(character)
      case " ", ".", "\u{00A0}", "\u{202F}": continue
      case "+" where offset == 0: plus = true
      default: return false
      }
    }
    if plus { return digits.count == 11 && digits.starts(with: ["3", "3"]) && digits[2] != "0" }
    if digits.count == 10 { return digits[0] == "0" }
    // 15, 17 and 18 are the two-digit emergency numbers; other short numbers have 3 to 6 digits.
    if digits.count == 2 { return ["15", "17", "18"].contains(String(digits)) }
    return (3...6).contains(digits.count)
  }

  /// The digits only (with a leading + kept), to compare numbers written differently.
  public static func normalized(_ text: String) -> String {
    var result = ""
    for character in text where character.isASCII && (character.isNumber || character == "+") {
      result.append(character)
    }
    if result.hasPrefix("+33") { result = "0" + result.dropFirst(3) }
    return result
  }
}
