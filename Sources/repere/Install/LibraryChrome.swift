import Foundation
import RepereUI

/// ArgumentParser writes its own headings, flag help and error openings in English and offers no
/// hook to translate them; this table rewrites the finished text when the help is French (our
/// own texts come in both languages, see HelpText). What the table does not list (rarer
/// validation messages) stays in English.
enum LibraryChrome {
  /// How much of a message to translate.
  enum Mode {
    /// Help and usage errors: every phrase of the table.
    case all
    /// `--experimental-dump-help` (what the man pages are generated from): only whole help
    /// sentences, so that the JSON keeps its shape.
    case helpSentences
    /// Completion scripts, and English help: nothing.
    case none
  }

  static func mode(for arguments: [String], language: Language) -> Mode {
    if arguments.contains(where: isCompletionRequest) { return .none }
    if arguments.contains("--experimental-dump-help") { return .helpSentences }
    return language == .en ? .none : .all
  }

  /// A completion script or the description man pages are made from: generated in French
  /// whatever the caller's language (see HelpText).
  static func generatesArtifact(_ arguments: [String]) -> Bool {
    arguments.contains(where: isCompletionRequest) || arguments.contains("--experimental-dump-help")
  }

  private static func isCompletionRequest(_ argument: String) -> Bool {
    argument.hasPrefix("--generate-completion-script") || argument.hasPrefix("---completion")
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
    ("; default: ", " ; défaut : "),
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
