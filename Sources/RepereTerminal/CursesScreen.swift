import CNcursesw
import CursesShim
import Foundation
import RepereUI

/// The ncurses session: paints grids (only the cells that changed since the last frame),
/// reads keys, reports resizes. The only place that calls curses.
public final class CursesScreen {
  private var screen: OpaquePointer?
  private var previous: CellGrid?
  private let useColor: Bool
  private var pairs: [PairKey: Int16] = [:]
  private var nextPair: Int16 = 1
  /// Inputs read ahead (after an ESC that did not start a paste), returned first.
  private var pending: [TerminalInput] = []
  private let maximumPairs: Int
  private let bold: attr_t
  private let reverse: attr_t
  private let underline: attr_t
  private let dim: attr_t

  private struct PairKey: Hashable {
    var foreground: PaletteColor?
    var background: PaletteColor?
  }

  /// Why the full-screen interface cannot start, in the interface language.
  public struct StartError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Starts curses on the controlling terminal. Checks first what would make `initscr` kill
  /// the process (no terminal, TERM unset or unknown) and throws a clear message instead.
  public init(environment: [String: String], language: Language, mouse: Bool) throws {
    if let problem = TerminalCheck.problem(
      environment: environment, stdinIsTerminal: isatty(STDIN_FILENO) == 1,
      stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, language: language)
    {
      throw StartError(description: problem)
    }
    repere_setup_utf8_locale()
    repere_install_signal_flag()
    if environment["ESCDELAY"] == nil { set_escdelay(25) }
    guard let screen = repere_newterm() else {
      throw StartError(description: Chrome.errorTermUnknown(language, environment["TERM"] ?? ""))
    }
    self.screen = screen
    _ = set_term(screen)
    guard repere_can_address_cursor() != 0 else {
      endwin()
      delscreen(screen)
      self.screen = nil
      throw StartError(description: Chrome.errorTermUnknown(language, environment["TERM"] ?? ""))
    }
    let window = repere_stdscr()
    // Raw, not cbreak: flow control off (Ctrl-S would freeze the screen until Ctrl-Q) and
    // Ctrl-C, Ctrl-Z, Ctrl-\ arrive as keys, so a reflex keystroke never drops a case or a note
    // being typed. `endwin` restores the terminal's own modes on exit.
    raw()
    noecho()
    nonl()
    keypad(window, true)
    _ = curs_set(0)
    wtimeout(window, 100)
    if mouse { repere_enable_mouse() }
    // Pasted text arrives between markers, so it is text, never keys (issue 18, point 6).
    FileHandle.standardOutput.write(Data(BracketedPaste.enable.utf8))
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    if !noColor, has_colors() {
      start_color()
      use_default_colors()
      useColor = true
    } else {
      useColor = false
    }
    maximumPairs = Int(repere_color_pairs())
    bold = repere_attr_bold()
    reverse = repere_attr_reverse()
    underline = repere_attr_underline()
    dim = repere_attr_dim()
  }

  deinit { stop() }

  /// Restores the terminal (leaves the alternate screen, shows the cursor). Idempotent.
  public func stop() {
    guard let screen else { return }
    FileHandle.standardOutput.write(Data(BracketedPaste.disable.utf8))
    endwin()
    delscreen(screen)
    self.screen = nil
  }

  /// The terminal's size now.
  public var size: GridSize {
    GridSize(columns: Int(repere_cols()), rows: Int(repere_lines()))
  }

  /// Draws `grid`: only the cells that differ from the last frame (all of them after a resize).
  public func paint(_ grid: CellGrid) {
    let changes = grid.changes(from: previous)
    for change in changes { draw(change) }
    wnoutrefresh(repere_stdscr())
    doupdate()
    previous = grid
  }

  /// Forgets the last frame so the next paint redraws everything (after a resize).
  public func invalidate() {
    previous = nil
    wclear(repere_stdscr())
  }

  private func draw(_ change: CellChange) {
    var characters: [wchar_t] = change.cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
    if characters.isEmpty { characters = [wchar_t(32)] }
    characters.append(0)
    let style = useColor ? change.cell.style : change.cell.style.monochrome
    var attributes = repere_attr_normal()
    if style.bold { attributes |= bold }
    if style.reverse { attributes |= reverse }
    if style.underline { attributes |= underline }
    if style.dim { attributes |= dim }
    let pair = useColor ? pairNumber(style) : 0
    _ = characters.withUnsafeBufferPointer { buffer in
      repere_put_wide(Int32(change.y), Int32(change.x), buffer.baseAddress, attributes, pair)
    }
  }

  /// The colour pair for a style's colours, allocated on first use (terminals with few pairs
  /// fall back to the default colours rather than fail).
  private func pairNumber(_ style: CellStyle) -> Int16 {
    guard style.foreground != nil || style.background != nil else { return 0 }
    let key = PairKey(foreground: style.foreground, background: style.background)
    if let pair = pairs[key] { return pair }
    guard Int(nextPair) < maximumPairs else { return 0 }
    let pair = nextPair
    nextPair += 1
    init_pair(pair, Int16(style.foreground?.rawValue ?? -1), Int16(style.background?.rawValue ?? -1))
    pairs[key] = pair
    return pair
  }

  /// Waits up to the input timeout (100 ms) for a key; a bracketed paste comes whole.
  public func read() -> TerminalInput {
    if !pending.isEmpty { return pending.removeFirst() }
    var character: wint_t = 0
    let result = wget_wch(repere_stdscr(), &character)
    if result == OK, character == 27 { return escapeOrPaste() }
    return decode(result, character)
  }

  /// After ESC: the start of a bracketed paste (then the whole paste), or a plain Escape with
  /// whatever followed it kept, in order, for the next reads.
  private func escapeOrPaste() -> TerminalInput {
    var seen: [UInt32] = [27]
    while seen.count < BracketedPaste.start.count {
      var character: wint_t = 0
      let result = wget_wch(repere_stdscr(), &character)
      guard result == OK else {
        if result == KEY_CODE_YES { pending.append(decode(result, character)) }
        break
      }
      seen.append(UInt32(character))
      guard BracketedPaste.start.starts(with: seen) else { break }
    }
    guard seen != BracketedPaste.start else { return .paste(readPaste()) }
    pending.insert(contentsOf: seen.dropFirst().map(KeyDecoder.character), at: 0)
    return .key(.escape)
  }

  /// Reads a paste up to its end marker; 2 s without a character ends it too (marker lost).
  private func readPaste() -> String {
    var collector = BracketedPaste.Collector()
    var idle = 0
    while idle < 20 {
      var character: wint_t = 0
      let result = wget_wch(repere_stdscr(), &character)
      if result == OK {
        idle = 0
        if collector.feed(UInt32(character)) { break }
      } else if result != KEY_CODE_YES {
        idle += 1
      }
    }
    return collector.text
  }

  private func decode(_ result: Int32, _ character: wint_t) -> TerminalInput {
    if result == KEY_CODE_YES {
      if Int32(character) == KEY_MOUSE {
        var y: Int32 = 0
        var x: Int32 = 0
        return repere_read_click(&y, &x) != 0 ? .click(x: Int(x), y: Int(y)) : .idle
      }
      return KeyDecoder.functionKey(Int32(character))
    }
    if result == OK { return KeyDecoder.character(UInt32(character)) }
    return .idle
  }

  /// The terminating signal received (SIGTERM, SIGHUP, SIGINT), or nil.
  public var pendingSignal: Int32? {
    let signal = repere_pending_signal()
    return signal == 0 ? nil : signal
  }
}
