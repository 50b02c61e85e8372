import Foundation
import RepereBase

/// A line being typed — a typed answer, the search words, a place, a note, a reason, a
/// follow-up field — with the one editing rule they all share: a character is appended, ⌫
/// removes the last one (a whole character: « é » typed as e + accent goes at once), Ctrl-U
/// empties the line being typed and Ctrl-W removes the last word, as in a shell; a paste is
/// cleaned and bounded. There is no cursor: typing always happens at the end (← goes back a
/// screen once the line is empty). Fields keep their own meaning for the keys that do not edit
/// (⌫ on an empty line going back, Enter confirming).
public struct LineEditor: Hashable, Sendable, ExpressibleByStringLiteral {
  public var text: String

  public init(_ text: String = "") {
    self.text = text
  }

  public init(stringLiteral text: String) {
    self.init(text)
  }

  public var isEmpty: Bool { text.isEmpty }

  /// The text without the spaces around it: what a field submits.
  public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }

  /// The longest text one paste puts into a line: past it the rest is dropped (and the field
  /// says so), so a 10,000-character paste never turns into minutes of work.
  public static let maximumPaste = TextLimits.maximumFieldLength

  /// Applies `key`. False when the key is not an edit here, so the field's own action applies:
  /// a key that is not an editing key, or ⌫, Ctrl-U, Ctrl-W on an empty line.
  public mutating func edit(with key: KeyPress?) -> Bool {
    switch key {
    case .character(let character):
      insert(character)
      return true
    case .backspace: return deleteBackward()
    case .control("u"): return clearLine()
    case .control("w"): return deleteWord()
    default: return false
    }
  }

  public mutating func insert(_ character: Character) {
    text.append(character)
  }

  /// Removes the last character; false on an empty line.
  public mutating func deleteBackward() -> Bool {
    guard !text.isEmpty else { return false }
    text.removeLast()
    return true
  }

  /// Ctrl-U: empties the line being typed; a multi-line note keeps its earlier lines. False on
  /// an empty line.
  public mutating func clearLine() -> Bool {
    guard !text.isEmpty else { return false }
    if let newline = text.lastIndex(of: "\n") {
      text = String(text[...newline])
    } else {
      text = ""
    }
    return true
  }

  /// Ctrl-W: removes the spaces at the end, then the word before them. False on an empty line.
  public mutating func deleteWord() -> Bool {
    guard !text.isEmpty else { return false }
    while let last = text.last, last == " " { text.removeLast() }
    while let last = text.last, !last.isWhitespace { text.removeLast() }
    return true
  }

  /// Empties the whole text.
  public mutating func clear() {
    text = ""
  }

  /// Appends pasted text as text, never as keys: terminal control characters (an ESC, a bell)
  /// are dropped, carriage returns removed, and a line break becomes a space unless the field
  /// `keepsLines` (a note). At most `maximumPaste` characters are kept: true when some were
  /// dropped.
  public mutating func paste(_ pasted: String, keepsLines: Bool) -> Bool {
    var scalars = String.UnicodeScalarView()
    for scalar in pasted.unicodeScalars {
      if scalar == "\r" { continue }
      scalars.append(scalar == "\n" && !keepsLines ? " " : scalar)
    }
    let clean = TerminalText.sanitized(String(scalars), keepNewlines: keepsLines)
    let truncated = clean.count > Self.maximumPaste
    text += truncated ? String(clean.prefix(Self.maximumPaste)) : clean
    return truncated
  }
}
