/// Everything a person can do, by name. Keys, labels, help and the screens where each applies
/// live in `ActionTable`, the one place the footer, the help screen and `update` read them from.
public enum ActionID: String, Hashable, Sendable, CaseIterable {
  case answer, unknown, previous, next, toggle, confirm, back
  case changeAnswer, orientation, search, notes, raiseLevel, export, help, quit
  case close, pageUp, pageDown, saveNote, yes, no
  /// Training (`repere train`).
  case begin, reveal, debrief, vignette
  /// Resume an unfinished case (offered while the new case has no answer).
  case resume
  /// The next or previous group of a long checklist (the next contact on the orientation).
  case nextGroup, previousGroup
  /// The start or the end of a long screen.
  case top, bottom
  /// Set or change the case's place, at any moment.
  case setPlace
  /// Record a « suite donnée » (follow-up) after the orientation.
  case followUp
  /// Close the case for good when quitting (it otherwise stays open for follow-ups).
  case closeCase
}

/// A key or a family of keys that triggers an action.
public enum KeyPattern: Hashable, Sendable {
  case key(KeyPress)
  /// The digits 1 to 9 (the option's number).
  case digits

  func matches(_ key: KeyPress) -> Bool {
    switch self {
    case .key(let expected): expected == key
    case .digits:
      if case .character(let character) = key, let digit = character.wholeNumberValue, (1...9).contains(digit) {
        true
      } else {
        false
      }
    }
  }

  /// Whether the pattern is a printable key (ignored while typing).
  var isPrintable: Bool {
    switch self {
    case .digits: true
    case .key(.character): true
    case .key: false
    }
  }

  /// How the key is written in the footer and the help.
  func label(_ language: Language) -> String {
    switch self {
    case .digits: "1-9"
    case .key(let key): key.label(language)
    }
  }
}

extension KeyPress {
  /// The key's name for people: « ↑ », « Entrée », « F2 », « Ctrl-D ».
  public func label(_ language: Language) -> String {
    switch self {
    case .character(" "): language == .fr ? "Espace" : "Space"
    case .character(let character): String(character)
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .enter: language == .fr ? "Entrée" : "Enter"
    case .backspace: "⌫"
    case .delete: language == .fr ? "Suppr" : "Del"
    case .escape: language == .fr ? "Échap" : "Esc"
    case .tab: "Tab"
    case .pageUp: language == .fr ? "PgPréc" : "PgUp"
    case .pageDown: language == .fr ? "PgSuiv" : "PgDn"
    case .home: language == .fr ? "Début" : "Home"
    case .end: language == .fr ? "Fin" : "End"
    case .function(let number): "F\(number)"
    case .control(let letter): "Ctrl-\(letter.uppercased())"
    }
  }
}

/// One action: its keys, its words in both languages and where it applies.
public struct ActionSpec: Hashable, Sendable {
  public var id: ActionID
  public var keys: [KeyPattern]
  /// Short label for the footer.
  public var label: LocalizedText
  /// One sentence for the help screen.
  public var help: LocalizedText
  public var screens: Set<ScreenKind>
  /// Shown in the footer (the help screen shows every action).
  public var inFooter: Bool

  /// The keys usable on `screen` (printable keys do not count while typing).
  public func keys(on screen: ScreenKind) -> [KeyPattern] {
    screen.isTyping ? keys.filter { !$0.isPrintable } : keys
  }

  /// The first key usable on `screen`, as shown in the footer (the help lists them all).
  public func keyLabel(on screen: ScreenKind, _ language: Language) -> String {
    keys(on: screen).first?.label(language) ?? ""
  }
}

/// The single table of actions.
public enum ActionTable {
  private static let everywhere = Set(ScreenKind.allCases)
  private static let walking: Set<ScreenKind> = [.question, .typedQuestion, .orientation]
  private static let lists: Set<ScreenKind> = [
    .question, .orientation, .search, .placeChoice, .changeAnswer, .raiseLevel, .help, .detail, .resumeList,
    .trainingVignette, .trainingReveal, .trainingDebrief,
  ]
  private static let training = ScreenKind.training

  public static let all: [ActionSpec] = [
    ActionSpec(
      id: .answer, keys: [.digits], label: LocalizedText(fr: "répondre", en: "answer"),
      help: LocalizedText(
        fr: "Choisit l'option de ce numéro (dans une liste à cocher : coche ou décoche).",
        en: "Picks the option with that number (in a checklist: ticks or unticks it)."),
      screens: [.question, .placeChoice, .raiseLevel, .changeAnswer, .resumeList], inFooter: true),
    ActionSpec(
      id: .unknown, keys: [.key(.character("0")), .key(.function(9))],
      label: LocalizedText(fr: "je ne sais pas", en: "don't know"),
      help: LocalizedText(
        fr: "Répond « Je ne sais pas » quand le protocole le propose (aussi F9 en saisie).",
        en: "Answers \u{201C}I don't know\u{201D} when the protocol offers it (F9 while typing)."),
      screens: [.question, .typedQuestion], inFooter: false),
    ActionSpec(
      id: .previous, keys: [.key(.up), .key(.character("k"))], label: LocalizedText(fr: "monter", en: "up"),
      help: LocalizedText(fr: "Option ou ligne précédente.", en: "Previous option or line."),
      screens: lists, inFooter: false),
    ActionSpec(
      id: .next, keys: [.key(.down), .key(.character("j"))], label: LocalizedText(fr: "descendre", en: "down"),
      help: LocalizedText(fr: "Option ou ligne suivante.", en: "Next option or line."),
      screens: lists, inFooter: false),
    ActionSpec(
      id: .toggle, keys: [.key(.character(" "))], label: LocalizedText(fr: "cocher", en: "tick"),
      help: LocalizedText(
        fr: "Coche ou décoche l'option en surbrillance d'une liste à cocher.",
        en: "Ticks or unticks the highlighted option of a checklist."),
      screens: [.question], inFooter: false),
    ActionSpec(
      id: .nextGroup, keys: [.key(.tab), .key(.pageDown)], label: LocalizedText(fr: "autre groupe", en: "other group"),
      help: LocalizedText(
        fr: "Liste à cocher longue : montre le groupe d'options suivant (chaque groupe est numéroté à partir de 1).",
        en: "Long checklist: shows the next group of options (each group is numbered from 1)."),
      screens: [.question], inFooter: true),
    ActionSpec(
      id: .nextGroup, keys: [.key(.tab)], label: LocalizedText(fr: "contact suivant", en: "next contact"),
      help: LocalizedText(
        fr: "Orientation : choisit le contact suivant et le fait venir à l'écran (Entrée ouvre sa fiche).",
        en: "Orientation: picks the next contact and brings it into view (Enter opens its record)."),
      screens: [.orientation], inFooter: true),
    ActionSpec(
      id: .top, keys: [.key(.home)], label: LocalizedText(fr: "début", en: "top"),
      help: LocalizedText(
        fr: "Revient au début (niveau et premières actions).", en: "Back to the top (level and first actions)."),
      screens: [.orientation], inFooter: false),
    ActionSpec(
      id: .bottom, keys: [.key(.end)], label: LocalizedText(fr: "fin", en: "end"),
      help: LocalizedText(fr: "Va à la fin (chemin des réponses).", en: "Goes to the end (the path of answers)."),
      screens: [.orientation], inFooter: false),
    ActionSpec(
      id: .previousGroup, keys: [.key(.pageUp)], label: LocalizedText(fr: "groupe préc.", en: "previous group"),
      help: LocalizedText(
        fr: "Liste à cocher longue : revient au groupe d'options précédent.",
        en: "Long checklist: goes back to the previous group of options."),
      screens: [.question], inFooter: false),
    ActionSpec(
      id: .confirm, keys: [.key(.enter)], label: LocalizedText(fr: "valider", en: "confirm"),
      help: LocalizedText(
        fr: "Valide l'option en surbrillance, la saisie ou la liste cochée ; ouvre la fiche choisie.",
        en: "Confirms the highlighted option, the typed line or the ticked list; opens the chosen record."),
      screens: everywhere.subtracting([.help, .detail, .notes, .confirmQuit]).subtracting(training), inFooter: true),
    ActionSpec(
      id: .back, keys: [.key(.left), .key(.backspace)], label: LocalizedText(fr: "retour", en: "back"),
      help: LocalizedText(
        fr: "Revient à la question précédente (sa réponse est retirée du chemin et reste au journal).",
        en: "Goes back to the previous question (its answer leaves the path and stays in the journal)."),
      screens: [.question, .typedQuestion, .orientation], inFooter: true),
    ActionSpec(
      id: .changeAnswer, keys: [.key(.character("c")), .key(.function(6))],
      label: LocalizedText(fr: "changer", en: "change"),
      help: LocalizedText(
        fr: "Choisit une question déjà répondue pour changer sa réponse ; le chemin est recalculé.",
        en: "Picks an answered question to change its answer; the path is recomputed."),
      screens: walking, inFooter: true),
    ActionSpec(
      id: .orientation, keys: [.key(.character("o")), .key(.function(7))],
      label: LocalizedText(fr: "orientation", en: "orientation"),
      help: LocalizedText(
        fr: "Montre ou cache l'orientation : dispositions retenues et contacts.",
        en: "Shows or hides the orientation: dispositions gathered and contacts."),
      screens: walking, inFooter: true),
    ActionSpec(
      id: .search, keys: [.key(.character("/")), .key(.function(3))],
      label: LocalizedText(fr: "annuaire", en: "directory"),
      help: LocalizedText(
        fr: "Cherche dans l'annuaire à tout moment ; résultats pendant la frappe, Entrée pour la fiche.",
        en: "Searches the directory at any time; results as you type, Enter for the record."),
      screens: walking.union([.detail]), inFooter: true),
    ActionSpec(
      id: .notes, keys: [.key(.character("n")), .key(.function(2))], label: LocalizedText(fr: "notes", en: "notes"),
      help: LocalizedText(
        fr: "Ouvre les notes du dossier (plusieurs lignes) ; enregistrées au journal en quittant l'éditeur.",
        en: "Opens the case notes (several lines); written to the journal when leaving the editor."),
      screens: walking, inFooter: true),
    ActionSpec(
      id: .raiseLevel, keys: [.key(.character("l")), .key(.function(4))],
      label: LocalizedText(fr: "niveau", en: "level"),
      help: LocalizedText(
        fr: "Relève le niveau du dossier (jamais l'abaisser) en donnant la raison.",
        en: "Raises the case level (never lowers it), giving the reason."),
      screens: walking, inFooter: true),
    ActionSpec(
      id: .setPlace, keys: [.key(.character("p")), .key(.control("p"))],
      label: LocalizedText(fr: "lieu", en: "place"),
      help: LocalizedText(
        fr:
          "Indique ou change le lieu de la situation à tout moment (commune, code postal ou département) : les contacts du département sont recherchés (Ctrl-P en saisie).",
        en:
          "Sets or changes the place of the situation at any moment (town, postcode or département): the département's contacts are looked up (Ctrl-P while typing)."
      ),
      screens: walking, inFooter: true),
    ActionSpec(
      id: .followUp, keys: [.key(.character("s"))], label: LocalizedText(fr: "suites", en: "follow-up"),
      help: LocalizedText(
        fr:
          "Note une suite donnée : qui a été appelé, quand, la référence donnée, le résultat ; le dossier reste ouvert pour cela jusqu'à sa clôture.",
        en:
          "Records a follow-up: who was called, when, the reference given, the outcome; the case stays open for it until it is closed."
      ),
      screens: [.orientation], inFooter: true),
    ActionSpec(
      id: .export, keys: [.key(.character("e")), .key(.function(5))],
      label: LocalizedText(fr: "exporter", en: "export"),
      help: LocalizedText(
        fr: "Écrit la synthèse du dossier (chemin, orientation, contacts, notes) dans un fichier texte.",
        en: "Writes the case summary (path, orientation, contacts, notes) to a text file."),
      screens: walking.union([.trainingDebrief]), inFooter: true),
    ActionSpec(
      id: .pageUp, keys: [.key(.pageUp)], label: LocalizedText(fr: "page préc.", en: "page up"),
      help: LocalizedText(fr: "Fait défiler vers le haut.", en: "Scrolls up."),
      screens: training.union([.orientation, .help, .detail]), inFooter: false),
    ActionSpec(
      id: .pageDown, keys: [.key(.pageDown)], label: LocalizedText(fr: "défiler", en: "scroll"),
      help: LocalizedText(fr: "Fait défiler vers le bas.", en: "Scrolls down."),
      screens: training.union([.orientation, .help, .detail]), inFooter: true),
    ActionSpec(
      id: .saveNote, keys: [.key(.control("s")), .key(.function(2))],
      label: LocalizedText(fr: "enregistrer", en: "save"),
      help: LocalizedText(
        fr: "Enregistre la note au journal et ferme l'éditeur (Échap aussi).",
        en: "Saves the note to the journal and closes the editor (Esc too)."),
      screens: [.notes], inFooter: true),
    ActionSpec(
      id: .yes, keys: [.key(.character("o")), .key(.character("y")), .key(.control("c"))],
      label: LocalizedText(fr: "oui", en: "yes"),
      help: LocalizedText(fr: "Confirme.", en: "Confirms."), screens: [.confirmQuit], inFooter: true),
    ActionSpec(
      id: .closeCase, keys: [.key(.character("f"))], label: LocalizedText(fr: "clore le dossier", en: "close the case"),
      help: LocalizedText(
        fr: "Quitte en clôturant le dossier : plus de suites à noter, il n'est plus proposé à la reprise.",
        en: "Quits and closes the case: no more follow-ups, it is no longer offered for resuming."),
      screens: [.confirmQuit], inFooter: true),
    ActionSpec(
      id: .no, keys: [.key(.character("n")), .key(.escape)], label: LocalizedText(fr: "non", en: "no"),
      help: LocalizedText(fr: "Annule.", en: "Cancels."), screens: [.confirmQuit], inFooter: true),
    ActionSpec(
      id: .close, keys: [.key(.escape)], label: LocalizedText(fr: "fermer", en: "close"),
      help: LocalizedText(
        fr:
          "Ferme la fenêtre en cours (annuaire, fiche, aide, choix) et revient au dossier ; Échap sur la raison d'un changement n'applique pas le changement.",
        en:
          "Closes the current window (directory, record, help, choice) and returns to the case; Esc on the reason for a change leaves the answer as it was."
      ),
      screens: training.union([
        .search, .detail, .help, .notes, .raiseLevel, .levelReason, .placeChoice, .changeAnswer, .changeReason,
        .resumeList, .placeEntry, .followUp,
      ]), inFooter: true
    ),
    ActionSpec(
      id: .resume, keys: [.key(.character("r")), .key(.function(8))],
      label: LocalizedText(fr: "reprendre", en: "resume"),
      help: LocalizedText(
        fr:
          "Liste les dossiers non terminés (plantage, terminal fermé, connexion coupée) et reprend celui choisi où il en était ; offert tant que le nouveau dossier n'a aucune réponse.",
        en:
          "Lists the unfinished cases (crash, closed terminal, dropped connection) and resumes the chosen one where it stood; offered while the new case has no answer."
      ),
      screens: [.question, .typedQuestion], inFooter: true),
    ActionSpec(
      id: .help, keys: [.key(.character("?")), .key(.function(1))], label: LocalizedText(fr: "aide", en: "help"),
      help: LocalizedText(
        fr: "Affiche l'aide de la question et la liste des touches.",
        en: "Shows the question's help and the list of keys."),
      screens: walking.union([.search, .detail, .notes]).union(training), inFooter: true),
    ActionSpec(
      id: .quit, keys: [.key(.character("q")), .key(.function(10)), .key(.control("c"))],
      label: LocalizedText(fr: "quitter", en: "quit"),
      help: LocalizedText(
        fr:
          "Quitte Repère ; demande confirmation quand un dossier est en cours (il reste au journal, la note en cours aussi).",
        en:
          "Quits Repère; asks first when a case is open (it stays in the journal, and so does the note being typed)."
      ),
      screens: everywhere.subtracting([.confirmQuit]), inFooter: true),
  ]

  /// `all` and the training actions (`repere train`), which a real case never offers.
  static let every: [ActionSpec] = all + TrainingActions.all

  /// The spec of `id`.
  public static func spec(_ id: ActionID) -> ActionSpec? { every.first { $0.id == id } }

  /// The action `key` triggers on `screen`, if any, among the actions `allowed` (a real case and
  /// a training session share keys between actions that never appear together: `r` resumes a
  /// case or reveals a training answer).
  public static func action(
    for key: KeyPress, on screen: ScreenKind, allowed: (ActionID) -> Bool = { _ in true }
  ) -> ActionID? {
    for spec in every where spec.screens.contains(screen) && allowed(spec.id) {
      if spec.keys(on: screen).contains(where: { $0.matches(key) }) { return spec.id }
    }
    return nil
  }

  /// The actions shown in the footer of `screen`, in table order.
  public static func footer(on screen: ScreenKind) -> [ActionSpec] {
    every.filter { $0.inFooter && $0.screens.contains(screen) && !$0.keys(on: screen).isEmpty }
  }

  /// The actions that apply on `screen`, for the help screen.
  public static func actions(on screen: ScreenKind) -> [ActionSpec] {
    every.filter { $0.screens.contains(screen) && !$0.keys(on: screen).isEmpty }
  }
}
