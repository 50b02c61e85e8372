/// Wrapping and truncating by display width (not by character count), so accented, combining
/// and wide text lines up.
public enum TextLayout {
  /// Splits `text` into lines of at most `width` columns, breaking at spaces where possible and
  /// inside a word only when the word alone is wider than the line. Newlines are kept. French
  /// typography is kept whole: the space after « and before » : ; ! ? never breaks (a group
  /// wider than the line still breaks at its spaces, as late as it can).
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      for word in unbreakableWords(paragraph, width: width) {
        var piece = word
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

  /// Punctuation that French sets after a (non-breaking) space: it never starts a line.
  private static let closingMarks: Set<Character> = ["»", ":", ";", "!", "?"]

  /// The words of `paragraph` (split at ordinary spaces), with the words that French typography
  /// binds together joined by their space: « word » and word : stay on one line. A group wider
  /// than `width` is cut at its spaces into pieces that fit.
  static func unbreakableWords(_ paragraph: Substring, width: Int) -> [String] {
    let words = paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    var result: [String] = []
    var group: [String] = []
    func flush() {
      // A group wider than the line is cut at its spaces, each piece as full as it can be.
      var piece = ""
      for word in group {
        if !piece.isEmpty, CharacterWidth.of(piece) + 1 + CharacterWidth.of(word) > width {
          result.append(piece)
          piece = ""
        }
        piece += piece.isEmpty ? word : " " + word
      }
      result.append(piece)
      group = []
    }
    for word in words {
      let bindsToPrevious = word.first.map { closingMarks.contains($0) } ?? false
      let previousOpens = group.last?.last == "«"
      if !group.isEmpty, !bindsToPrevious, !previousOpens { flush() }
      group.append(word)
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

  /// The end of a typed line in at most `width` columns, « … » first when its start is cut: a
  /// field scrolls horizontally so what is being typed stays in view.
  public static func tail(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if CharacterWidth.of(text) <= width { return text }
    var kept = ""
    var used = 1
    for character in text.reversed() {
      let characterWidth = CharacterWidth.of(character)
      if used + characterWidth > width { break }
      kept = String(character) + kept
      used += characterWidth
    }
    return "…" + kept
  }

  /// A file path in at most `width` columns that keeps the file's name whole: the folders are
  /// dropped from the left (« …/exports/k7q2m9x4bt3d.md »), since the name is what the
  /// professional looks for. Only a name wider than `width` itself is cut, at its start.
  public static func shortenedPath(_ path: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if CharacterWidth.of(path) <= width { return path }
    var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let name = components.removeLast()
    var kept = name
    while let folder = components.popLast(), CharacterWidth.of("…/" + folder + "/" + kept) <= width {
      kept = folder + "/" + kept
    }
    if CharacterWidth.of("…/" + kept) <= width { return "…/" + kept }
    // Not even the name fits: keep its end (the extension and the distinctive last letters).
    var tail = ""
    for character in name.reversed() {
      if CharacterWidth.of("…" + String(character) + tail) > width { break }
      tail = String(character) + tail
    }
    return "…" + tail
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
