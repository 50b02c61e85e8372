import RepereUI

/// Checks made before curses starts, because `initscr` prints "Error opening terminal" and
/// exits the process when it cannot run.
public enum TerminalCheck {
  /// Why the full-screen interface cannot run here (in `language`), or nil when it can.
  public static func problem(
    environment: [String: String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool, language: Language
  ) -> String? {
    guard stdinIsTerminal, stdoutIsTerminal else { return Chrome.errorNoTerminal(language) }
    guard let term = environment["TERM"], !term.isEmpty else { return Chrome.errorTermUnset(language) }
    if term == "dumb" || term == "unknown" { return Chrome.errorTermUnknown(language, term) }
    return nil
  }
}
