import CNcursesw
import RepereUI

/// What reading the keyboard gave.
public enum TerminalInput: Equatable, Sendable {
  case key(KeyPress)
  case resized
  case click(x: Int, y: Int)
  /// Text pasted between the terminal's bracketed-paste markers.
  case paste(String)
  /// Nothing within the timeout.
  case idle
}

/// Turns what `get_wch` returns into keys the interface understands.
enum KeyDecoder {
  /// A function key (`get_wch` returned KEY_CODE_YES).
  static func functionKey(_ code: Int32) -> TerminalInput {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_RESIZE: return .resized
    case KEY_BTAB: return .key(.tab)
    case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
    default: return .idle
    }
  }

  /// A character (`get_wch` returned OK).
  static func character(_ value: UInt32) -> TerminalInput {
    switch value {
    case 10, 13: return .key(.enter)
    case 127, 8: return .key(.backspace)
    case 27: return .key(.escape)
    case 9: return .key(.tab)
    case 1...26:
      guard let scalar = Unicode.Scalar(value + 96) else { return .idle }
      return .key(.control(Character(scalar)))
    case 0..<32, 0x7F...0x9F: return .idle
    default:
      guard let scalar = Unicode.Scalar(value) else { return .idle }
      return .key(.character(Character(scalar)))
    }
  }
}

/// Bracketed paste (xterm, and every current terminal): once enabled, pasted text arrives
/// between ESC [ 200 ~ and ESC [ 201 ~, so it can be told from typing (issue 18, point 6).
enum BracketedPaste {
  static let enable = "\u{1B}[?2004h"
  static let disable = "\u{1B}[?2004l"
  static let start: [UInt32] = [27, 91, 50, 48, 48, 126]
  static let end: [UInt32] = [27, 91, 50, 48, 49, 126]
  /// Characters kept from one paste; the rest is read and dropped.
  static let maximumKept = 65_536

  /// Collects a paste's characters until the end marker.
  struct Collector {
    private(set) var scalars: [UInt32] = []
    private var tail: [UInt32] = []

    /// Feeds one character; true when the end marker has just been read (and is not kept).
    mutating func feed(_ value: UInt32) -> Bool {
      tail.append(value)
      if tail.count > end.count { tail.removeFirst() }
      if tail == end {
        let marker = Array(end.dropLast())
        if Array(scalars.suffix(marker.count)) == marker { scalars.removeLast(marker.count) }
        return true
      }
      if scalars.count < maximumKept { scalars.append(value) }
      return false
    }

    var text: String {
      var view = String.UnicodeScalarView()
      for value in scalars { if let scalar = Unicode.Scalar(value) { view.append(scalar) } }
      return String(view)
    }
  }
}
