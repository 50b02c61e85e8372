import Foundation
import RepereTestSupport
import Testing

/// Every command's help is French by default and English with `--lang en` (or an English
/// locale, or `lang: en` in the configuration): our texts and ArgumentParser's own words alike.
/// Man pages and completions are generated in French whatever the locale.
@Suite(.tags(.endToEnd)) struct HelpLanguageEndToEndTests {
  static let commands: [[String]] = [
    [], ["start"], ["check"], ["walk"], ["paths"], ["scenario"], ["scenario", "test"], ["scenario", "list"],
    ["train"], ["find"], ["coverage"], ["import"], ["journal"], ["journal", "list"], ["journal", "show"],
    ["journal", "export"], ["journal", "purge"], ["replay"], ["stats"], ["prepare"],
  ]

  /// Words only a French help would print (the English texts keep French proper terms such as
  /// « information préoccupante », département or « exemple fictif », none of these).
  static let frenchMarkers = [
    "Afficher", "dossier", "données", "UTILISATION", "Sortie", "défaut", "Identifiant", "Touches",
    "répétable", "Seulement", "Voir ", "Langue",
  ]

  /// A home with no configuration file, so that only the arguments and LANG decide.
  static func environment(lang: String, home: URL) -> [String: String] {
    ["HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": lang]
  }

  static func help(_ arguments: [String], environment: [String: String]) throws -> String {
    let result = try TmuxSession.run([try Harness.binary()] + arguments, environment: environment)
    #expect(result.status == 0, "repere \(arguments.joined(separator: " ")): \(result.error)")
    return result.output
  }

  static func temporaryHome() throws -> URL {
    let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("repere-help-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    return home
  }

  @Test func everyHelpIsEnglishWithLangEn() throws {
    let home = try Self.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    for command in Self.commands {
      let output = try Self.help(
        command + ["--help", "--lang", "en"], environment: Self.environment(lang: "C.UTF-8", home: home))
      #expect(output.contains("USAGE:") && output.contains("Show help information."), "\(command)")
      for marker in Self.frenchMarkers {
        #expect(
          !output.contains(marker),
          "repere \(command.joined(separator: " ")) --help --lang en says « \(marker) »:\n\(output)")
      }
    }
  }

  @Test func everyHelpIsFrenchByDefault() throws {
    let home = try Self.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    for command in Self.commands {
      let output = try Self.help(command + ["--help"], environment: Self.environment(lang: "C.UTF-8", home: home))
      #expect(output.contains("UTILISATION :") && output.contains("Afficher l'aide."), "\(command)\n\(output)")
      #expect(!output.contains("Show help information."), "\(command)")
    }
    let find = try Self.help(
      ["find", "--help", "--lang", "fr"], environment: Self.environment(lang: "en_GB.UTF-8", home: home))
    #expect(find.contains("Cherche des structures dans l'annuaire"))
  }

  /// The interface's rule: without --lang, the configuration's `lang`, then the locale.
  @Test func anEnglishLocaleOrConfigurationGivesEnglishHelp() throws {
    let home = try Self.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let byLocale = try Self.help(["find", "--help"], environment: Self.environment(lang: "en_GB.UTF-8", home: home))
    #expect(byLocale.contains("Searches the directory for services"))
    let config = home.appendingPathComponent(".config/repere")
    try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    try Data("lang: en\n".utf8).write(to: config.appendingPathComponent("config.yaml"))
    let byConfiguration = try Self.help(
      ["stats", "--help"], environment: Self.environment(lang: "C.UTF-8", home: home))
    #expect(byConfiguration.contains("Figures without identities"))
  }

  /// `make man` and `make completions` may run under an English locale: still French.
  @Test func manualSourceAndCompletionsStayFrench() throws {
    let home = try Self.temporaryHome()
    defer { try? FileManager.default.removeItem(at: home) }
    let english = Self.environment(lang: "en_US.UTF-8", home: home)
    let dump = try Self.help(["--experimental-dump-help"], environment: english)
    #expect(dump.contains("Cherche des structures dans l'annuaire"))
    #expect(dump.contains("Afficher l'aide."))
    let zsh = try Self.help(["--generate-completion-script", "zsh"], environment: english)
    #expect(zsh.contains("Sortie JSON."))
  }
}
