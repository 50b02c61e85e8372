import Foundation

/// ArgumentParser writes its own headings, flag help and error openings in English and offers no
/// hook to translate them; this table rewrites the finished text. Our own help texts are French
/// already. What the table does not list (rarer validation messages) stays in English.
enum LibraryChrome {
  /// How much of a message to translate.
  enum Mode {
    /// Help and usage errors: every phrase of the table.
    case all
    /// `--experimental-dump-help` (what the man pages are generated from): only whole help
    /// sentences, so that the JSON keeps its shape.
    case helpSentences
    /// Completion scripts, and `--lang en`: nothing.
    case none
  }

  static func mode(for arguments: [String]) -> Mode {
    if arguments.contains(where: { $0.hasPrefix("--generate-completion-script") || $0.hasPrefix("---completion") }) {
      return .none
    }
    if arguments.contains("--experimental-dump-help") { return .helpSentences }
    return wantsEnglish(arguments) ? .none : .all
  }

  static func translate(_ text: String, mode: Mode) -> String {
    switch mode {
    case .all: return french(text)
    case .none: return text
    case .helpSentences:
      return text.replacingOccurrences(of: "Show help information.", with: "Afficher l'aide.")
        .replacingOccurrences(of: "Show the version.", with: "Afficher la version, le commit et les données utilisées.")
    }
  }

  /// swift-argument-parser's generate-manual drops every non-ASCII character (« é » would vanish
  /// from the man pages). For `make man` the program spells them `ZZU00E9ZZ`, which the tool keeps,
  /// and the Makefile turns them into roff's `\[u00E9]`.
  static func manualSafe(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        result.unicodeScalars.append(scalar)
      } else {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "ZZU" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "ZZ"
      }
    }
    return result
  }

  /// `--lang en` (or `--lang=en`) anywhere keeps the library's English.
  static func wantsEnglish(_ arguments: [String]) -> Bool {
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count, arguments[index + 1].lowercased().hasPrefix("en") {
        return true
      }
      if argument.lowercased().hasPrefix("--lang=en") { return true }
    }
    return false
  }

  /// English phrase → French, applied in order (longer phrases first where they overlap).
  static let replacements: [(String, String)] = [
    ("USAGE:", "UTILISATION :"),
    ("ARGUMENTS:", "ARGUMENTS :"),
    ("OPTIONS:", "OPTIONS :"),
    ("SUBCOMMANDS:", "SOUS-COMMANDES :"),
    ("OVERVIEW:", "PRÉSENTATION :"),
    ("Show help information.", "Afficher l'aide."),
    ("Show the version.", "Afficher la version, le commit et les données utilisées."),
    ("<subcommand>", "<sous-commande>"),
    ("(default) ", "(défaut)  "),
    ("(default)", "(défaut)"),
    ("(default: ", "(défaut : "),
    ("(values: ", "(valeurs : "),
    (
      "See 'repere help <sous-commande>' for detailed help.",
      "Voir « repere help <sous-commande> » pour l'aide détaillée."
    ),
    ("Error: ", "Erreur : "),
    ("Usage: ", "Utilisation : "),
    ("Help:  ", "Aide :  "),
    ("See 'repere ", "Voir « repere "),
    (" --help' for more information.", " --help » pour en savoir plus."),
    ("Missing expected argument", "Argument attendu manquant"),
    ("Missing value for option", "Valeur manquante pour l'option"),
    ("Unknown option", "Option inconnue"),
    ("Unexpected argument", "Argument inattendu"),
    ("Unexpected arguments", "Arguments inattendus"),
    ("Did you mean", "Vouliez-vous dire"),
    ("The value", "La valeur"),
    (" is invalid for ", " n'est pas valide pour "),
    ("Please provide one of", "Valeurs possibles :"),
  ]

  static func french(_ text: String) -> String {
    var result = text
    for (english, french) in replacements {
      result = result.replacingOccurrences(of: english, with: french)
    }
    return result
  }
}
