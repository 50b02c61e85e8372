/// Text from data files is untrusted: it must never move the cursor, change colours or retitle
/// the terminal. Everything drawn passes through `sanitized`.
public enum TerminalText {
  /// Removes C0 and C1 control characters (ESC, CSI, BEL, …) and bidi overrides; tabs become a
  /// space. Newlines are kept only when `keepNewlines` is true.
  public static func sanitized(_ text: String, keepNewlines: Bool = false) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A where keepNewlines: scalars.append(scalar)
      case 0x09: scalars.append(" ")
      case 0x00...0x1F, 0x7F...0x9F: continue
      case 0x202A...0x202E, 0x2066...0x2069: continue  // bidi embeddings and isolates
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// JSON text with DEL, C1 controls, bidi embeddings/isolates and line/paragraph separators
  /// written as `\uXXXX`. JSONEncoder escapes only C0; these others would still reach a
  /// terminal that prints the JSON (or a tool that displays its strings) raw. Such characters
  /// can only stand inside JSON strings, where the escape means the same character.
  public static func escapingJSONControls(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: needsJSONEscape) else { return json }
    var result = ""
    result.reserveCapacity(json.utf8.count)
    for scalar in json.unicodeScalars {
      if needsJSONEscape(scalar) {
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  static func needsJSONEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x7F...0x9F, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
