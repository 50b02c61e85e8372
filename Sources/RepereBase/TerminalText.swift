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
}
