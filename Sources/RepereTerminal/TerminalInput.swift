import CNcursesw
import RepereUI

/// What reading the keyboard gave.
public enum TerminalInput: Equatable, Sendable {
  case key(KeyPress)
  case resized
  case click(x: Int, y: Int)
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
