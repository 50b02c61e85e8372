import ArgumentParser
import Foundation
import RepereBase

extension Repere {
  /// Runs the command line as ArgumentParser would, with three differences: `--version` prints
  /// the version report (commit, data folder and fingerprint) rather than a fixed string; a
  /// `RuntimeFailure` becomes its one line and status; and the library's own words in help and
  /// usage errors are put into French unless the help is English (HelpText.language); a usage error exits 2, like
  /// any other error (grep and fzf do the same), not ArgumentParser's 64.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.contains("--version") {
      print(VersionReport.text(dataOption: dataOption(in: arguments), context: RuntimeContext.current))
      Foundation.exit(0)
    }
    let mode = LibraryChrome.mode(for: arguments, language: HelpText.language)
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Foundation.exit(0)
    } catch let failure as RuntimeFailure {
      // A failure while running: one French line and its status, never the usage text. The
      // message may quote a data file or a path (libyaml quotes the raw line): sanitised, so
      // that no escape sequence from a file reaches the terminal (issue 18, point 2).
      for detail in failure.details {
        FileHandle.standardError.write(Data((TerminalText.sanitized(detail) + "\n").utf8))
      }
      let line = TerminalText.sanitized(failure.message.replacingOccurrences(of: "\n", with: " "))
      FileHandle.standardError.write(Data("repere : \(line)\n".utf8))
      Foundation.exit(failure.status)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      var text = LibraryChrome.translate(message, mode: mode)
      if mode == .helpSentences, ProcessInfo.processInfo.environment["REPERE_MANUAL_ASCII"] == "1" {
        text = LibraryChrome.manualSafe(text)
      }
      // Usage errors quote the arguments as typed, which may hold escape sequences.
      text = TerminalText.sanitized(text, keepNewlines: true)
      if !text.isEmpty {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        if code == .success {
          FileHandle.standardOutput.write(Data(line.utf8))
        } else {
          FileHandle.standardError.write(Data(line.utf8))
        }
      }
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }

  /// The value of `--data DIR` or `--data=DIR`, if given.
  static func dataOption(in arguments: [String]) -> String? {
    for (index, argument) in arguments.enumerated() {
      if argument == "--data", index + 1 < arguments.count { return arguments[index + 1] }
      if argument.hasPrefix("--data=") { return String(argument.dropFirst("--data=".count)) }
    }
    return nil
  }
}
