/// Wrapping and truncating by display width (not by character count), so accented, combining
/// and wide text lines up.
public enum TextLayout {
  /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible and
  /// inside a word only when the word alone is wider than the line. Newlines are kept.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
        var piece = String(word)
        var pieceWidth = CharacterWidth.of(piece)
        if lineWidth > 0 && lineWidth + 1 + pieceWidth <= width {
          line += " " + piece
          lineWidth += 1 + pieceWidth
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        while pieceWidth > width {
          let (head, rest) = split(piece, atWidth: width)
          lines.append(head)
          piece = rest
          pieceWidth = CharacterWidth.of(piece)
        }
        line = piece
        lineWidth = pieceWidth
      }
      lines.append(line)
    }
    return lines
  }

  /// `text` cut to `width` columns, ending with « … » when something was cut.
  public static func truncate(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if CharacterWidth.of(text) <= width { return text }
    return split(text, atWidth: width - 1).head + "…"
  }

  /// `text` padded with spaces (or truncated) to exactly `width` columns.
  public static func pad(_ text: String, width: Int) -> String {
    let cut = truncate(text, width: width)
    return cut + String(repeating: " ", count: max(0, width - CharacterWidth.of(cut)))
  }

  /// The longest prefix of at most `width` columns (at least one character, so wrapping always
  /// progresses) and the rest.
  static func split(_ text: String, atWidth width: Int) -> (head: String, rest: String) {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let characterWidth = CharacterWidth.of(text[index])
      if used + characterWidth > width && index != text.startIndex { break }
      used += characterWidth
      index = text.index(after: index)
    }
    return (String(text[..<index]), String(text[index...]))
  }
}
