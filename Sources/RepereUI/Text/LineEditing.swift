/// The one editing rule of every typed line (search, answer, level reason, change reason,
/// notes): a character is appended, ⌫ removes the last one, Ctrl-U empties the line and Ctrl-W
/// removes the last word, as in a shell. Fields keep their own meaning for keys that do not
/// edit (⌫ on an empty line going back, Enter confirming).
enum LineEditing {
  /// Applies `key` to `text`. False when the key is not an edit here (so the field's own action
  /// applies): a key that is not an editing key, or ⌫, Ctrl-U, Ctrl-W on an empty line.
  static func edit(_ text: inout String, with key: KeyPress?) -> Bool {
    switch key {
    case .character(let character):
      text.append(character)
      return true
    case .backspace where !text.isEmpty:
      text.removeLast()
      return true
    case .control("u") where !text.isEmpty:
      // Only the line being typed: a multi-line note keeps its earlier lines.
      if let newline = text.lastIndex(of: "\n") {
        text = String(text[...newline])
      } else {
        text = ""
      }
      return true
    case .control("w") where !text.isEmpty:
      while let last = text.last, last == " " { text.removeLast() }
      while let last = text.last, !last.isWhitespace { text.removeLast() }
      return true
    default:
      return false
    }
  }
}
