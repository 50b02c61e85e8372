/// French phone numbers as the directory spec accepts them, overseas France included.
public enum PhoneNumber {
  /// Country codes of overseas France and the number of digits that follow each (E.164, as
  /// data·inclusion normalises them: « 02 62 00 00 00 » → `+262262000000`). Réunion/Mayotte,
  /// Guadeloupe (with Saint-Barthélemy and Saint-Martin), Guyane and Martinique dial nine digits
  /// after the code like metropolitan France; Saint-Pierre-et-Miquelon, Wallis-et-Futuna and
  /// New Caledonia six; French Polynesia eight.
  static let overseasCountryCodes: [(code: String, digits: Int)] = [
    ("262", 9), ("590", 9), ("594", 9), ("596", 9), ("508", 6), ("681", 6), ("687", 6), ("689", 8),
  ]

  /// Valid: ten digits starting with 0 (spaces and dots allowed; overseas national forms such as
  /// 0262… or 0590… included), `+33` and nine digits, an overseas country code and its digits
  /// (`+262 262 …`, `+508 41 …`), or a short number (15, 17, 18, or 3 to 6 digits: 119, 3018, 116 000).
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
    if plus { return isValidInternational(String(digits)) }
    if digits.count == 10 { return digits[0] == "0" }
    // 15, 17 and 18 are the two-digit emergency numbers; other short numbers have 3 to 6 digits.
    if digits.count == 2 { return ["15", "17", "18"].contains(String(digits)) }
    return (3...6).contains(digits.count)
  }

  private static func isValidInternational(_ digits: String) -> Bool {
    if digits.hasPrefix("33") { return digits.count == 11 && digits.dropFirst(2).first != "0" }
    for (code, count) in overseasCountryCodes where digits.hasPrefix(code) {
      return digits.count == code.count + count && digits.dropFirst(code.count).first != "0"
    }
    return false
  }

  /// The digits only (with a leading + kept), to compare numbers written differently: `+33` and
  /// the overseas départements' nine-digit codes become the ten-digit national form.
  public static func normalized(_ text: String) -> String {
    var result = ""
    for character in text where character.isASCII && (character.isNumber || character == "+") {
      result.append(character)
    }
    if result.hasPrefix("+33") { return "0" + result.dropFirst(3) }
    for (code, count) in overseasCountryCodes where count == 9 && result.hasPrefix("+" + code) {
      return "0" + result.dropFirst(1 + code.count)
    }
    return result
  }
}
