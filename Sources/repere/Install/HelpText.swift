import ArgumentParser
import Foundation
import RepereUI

/// Every help text exists in French and in English. The language is decided once, here at the
/// edge, by the same rule as the interface (`--lang`, then `lang` of the configuration, then
/// LC_ALL, LC_MESSAGES, LANG; French by default), so that `repere find --help --lang en` and
/// `LANG=en_GB.UTF-8 repere --help` are English throughout. ArgumentParser reads the texts when
/// it builds the help, after `language` is known.
enum HelpText {
  static let language: Language = decide(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment,
    configured: { RuntimeContext.current.settings.lang?.value })

  /// The text in the language decided for this run.
  static func t(_ french: String, _ english: String) -> String {
    switch language {
    case .fr: french
    case .en: english
    }
  }

  /// Man pages (`--experimental-dump-help`) and completion scripts are always generated from
  /// the French texts, whatever the locale of whoever runs `make install`; `configured` is read
  /// only when needed (it reads the configuration files).
  static func decide(arguments: [String], environment: [String: String], configured: () -> String?) -> Language {
    if LibraryChrome.generatesArtifact(arguments) { return .fr }
    return Language.resolve(option: langOption(in: arguments) ?? configured(), environment: environment)
  }

  /// The value of `--lang X` or `--lang=X`, if given (before any `--`).
  static func langOption(in arguments: [String]) -> String? {
    for (index, argument) in arguments.enumerated() {
      if argument == "--" { return nil }
      if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] }
      if argument.hasPrefix("--lang=") { return String(argument.dropFirst("--lang=".count)) }
    }
    return nil
  }
}

extension ArgumentHelp {
  /// An option's help in both languages: `help: .t("français", "English")`.
  static func t(_ french: String, _ english: String, valueName: (fr: String, en: String)? = nil) -> ArgumentHelp {
    ArgumentHelp(HelpText.t(french, english), valueName: valueName.map { HelpText.t($0.fr, $0.en) })
  }
}
