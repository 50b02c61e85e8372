import RepereBase
import RepereUI

/// `--lang` checked before anything starts: a language Repère does not have (`de`) is refused
/// with the list of those it has, never silently replaced by French (issue 12, point 10).
enum LanguageOption {
  static func check(_ option: String?) throws {
    guard let option, Language.named(option) == nil else { return }
    throw RuntimeFailure(
      "langue « \(TerminalText.sanitized(option)) » non disponible pour --lang ; "
        + "langues disponibles : fr (français), en (anglais)")
  }
}
