/// Wrapping and truncating by display width (not by character count), so accented, combining
/// and wide text lines up.
public enum TextLayout {
  /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible and
  /// inside a word only when the word alone is wider than the line. Newlines are kept. French
  /// typography is kept whole: the space after « and before » : ; ! ? never breaks (a group
  /// wider than the line still breaks at its spaces, as late as it can).
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    // Every character is measured once and copied once: a 1 MB word used to be re-measured
    // and re-copied for each line cut from it (minutes, no frame; issue 18, point 5).
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in unbreakableWords(paragraph, width: width) {
        if lineWidth > 0 && lineWidth + 1 + word.width <= width {
          line += " " + word.text
          lineWidth += 1 + word.width
          continue
        }
        if lineWidth > 0 {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        guard word.width > width else {
          line = word.text
          lineWidth = word.width
          continue
        }
        // A word wider than the line is cut into full lines in one pass; the last piece stays
        // open for the words that follow.
        for character in word.text {
          let characterWidth = CharacterWidth.of(character)
          if lineWidth + characterWidth > width && !line.isEmpty {
            lines.append(line)
            line = ""
            lineWidth = 0
          }
          line.append(character)
          lineWidth += characterWidth
        }
      }
      lines.append(line)
    }
    return lines
  }

  /// Punctuation that French sets after a (non-breaking) space: it never starts a line.
  private static let closingMarks: Set<Character> = ["»", ":", ";", "!", "?"]

  /// The words of `paragraph` (split at ordinary spaces) with their widths, the words that French
  /// typography binds together joined by their space: « word » and word : stay on one line. A
  /// group wider than `width` is cut at its spaces into pieces that fit. Widths are summed as
  /// pieces grow, never re-measured, so a long group costs its length once.
  static func unbreakableWords(_ paragraph: Substring, width: Int) -> [(text: String, width: Int)] {
    var result: [(text: String, width: Int)] = []
    var group: [(text: String, width: Int)] = []
    func flush() {
      // A group wider than the line is cut at its spaces, each piece as full as it can be.
      var piece = ""
      var pieceWidth = 0
      for word in group {
        if !piece.isEmpty, pieceWidth + 1 + word.width > width {
          result.append((piece, pieceWidth))
          piece = ""
          pieceWidth = 0
        }
        if piece.isEmpty {
          piece = word.text
          pieceWidth = word.width
        } else {
          piece += " " + word.text
          pieceWidth += 1 + word.width
        }
      }
      result.append((piece, pieceWidth))
      group = []
    }
    for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
      let bindsToPrevious = word.first.map { closingMarks.contains($0) } ?? false
      let previousOpens = group.last?.text.last == "«"
      if !group.isEmpty, !bindsToPrevious, !previousOpens { flush() }
      let text = String(word)
      group.append((text, CharacterWidth.of(text)))
    }
    if !group.isEmpty { flush() }
    return result
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
