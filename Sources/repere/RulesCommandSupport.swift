import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereRules

/// Small helpers shared by the rules subcommands (the clock is read here, at the edge). Called
/// from `run()`, they fail with a `RuntimeFailure` (one French line), never a usage text.
enum CommandSupport {
  /// `--today YYYY-MM-DD` (noon in Paris), or now.
  static func day(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    guard let date = Instant.parse(text) else {
      throw RuntimeFailure("date « \(text) » invalide : écrire AAAA-MM-JJ")
    }
    return date.addingTimeInterval(12 * 3600)
  }

  /// `--now` as ISO 8601 with a zone, or now.
  static func now(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    guard let date = Instant.parse(text) else {
      throw RuntimeFailure("instant « \(text) » invalide : écrire 2026-11-29T23:10:00+01:00")
    }
    return date
  }

  /// Loads the bundle; errors of reading files are summarised on stderr (run `check` for detail).
  static func load(_ options: DataOptions) -> DataBundle {
    let (bundle, findings) = DataBundle.load(from: options.dataURL)
    // Protocol errors `check` reports (a walk loop, a duplicated step id) are named too: one rule
    // for every command (issue 18, point 8).
    let protocolErrors = ProtocolChecker.check(library: bundle.library, today: nil)
    let errors = (findings + protocolErrors).filter { $0.severity == .error }
    if !errors.isEmpty {
      var standardError = StandardError()
      print(
        "attention : \(errors.count) erreur(s) dans le dossier de données (lancer `repere check`), dont :",
        to: &standardError)
      for finding in errors.prefix(3) { print("  \(TerminalText.sanitized(finding.description))", to: &standardError) }
    }
    return bundle
  }

  /// Says « données d'exemple » before any output of a bundle that holds fictional records: first
  /// on standard output, or on standard error when the output is JSON (which must stay valid).
  static func announceDemonstration(_ holdsFiction: Bool, json: Bool) {
    guard holdsFiction else { return }
    if json {
      var standardError = StandardError()
      print(DemonstrationData.banner, to: &standardError)
    } else {
      print(DemonstrationData.banner)
      print("")
    }
  }
}

/// Standard error as a `TextOutputStream`. Every byte goes through the terminal sanitiser
/// (newlines kept): messages quote data files and libyaml's errors quote raw lines, and an
/// ESC[2J or OSC 52 from a tampered file must never reach the terminal (issue 18, point 2).
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(TerminalText.sanitized(string, keepNewlines: true).utf8))
  }

  /// Writes `text` to standard error, sanitised.
  static func write(_ text: String) {
    var stream = StandardError()
    stream.write(text)
  }
}
