import RepereBase

/// Every word of the interface's own chrome, in French and English: the one localisation table.
/// Placeholders `%@` are filled in order by `callAsFunction(_:_:)`.
public enum Chrome: String, Hashable, Sendable, CaseIterable {
  case appName
  case tooSmall, tooSmallCurrent
  case yes, no, unknownOption, continueReading
  case questionCounter, toRead, changingBanner, checklistCount
  case changeReasonTitle, changeReasonPrompt, changeReasonHint, plainChangeReason
  case pathTitle, setAsideTitle, gatheredTitle, changedMark, noAnswerYet
  case levelNone, placeNone, levelProvisional
  case placeEntryTitle, placeEntryCurrent, placeEntryPrompt, placeEntryHint, placeEntryEmpty, plainPlaceUsage
  case saved, saving, journalFailed, journalBadge, journalUnsavedBadge, quitUnsaved
  case hintNumber, hintRange, hintText, hintPlace, hintMulti, hintChoice, hintInfo, helpAvailable, helpAvailableTyping
  case notANumber, emptyInput
  case searchTitle, searchPrompt, searchNoResults, searchHint
  case openNow, closedNow, hoursUnknown, exampleTag, demonstrationData, closedOnCall
  case detailPhones, detailAddress, detailHours, detailEmail, detailWebsite, detailWhy, detailSource, detailUpdated
  case detailProfessionalsOnly, detailNotFound, detailTypes
  case notesTitle, notesHint, notesEmpty, noteSaved
  case raiseTitle, raiseChoose, raiseReason, raiseAlreadyHighest, raiseNeedReason, raiseCurrent
  case quitTitle, quitBody, quitAsk, quitBodyFollowUp, quitAskFollowUp
  case followUpTitle, followUpContact, followUpWhen, followUpReference, followUpOutcome, followUpHint
  case followUpNeedContact, followUpSaved, followUpsTitle, plainFollowUpUsage
  case placeChoiceTitle, placeNotFound, placeUnavailable, placeDidYouMean, placeSuggestionTitle
  case changeTitle, changeHint, changeNothing
  case orientationTitle, orientationProvisional, orientationNone, orientationActions, orientationWhy
  case orientationContacts, orientationNoContact, orientationQueryEmpty, orientationQueryEmptyNational,
    orientationLevel, directoryUnavailable, directoryLoading
  case exported, exportFailed, pasteIgnored, pasteTruncated
  case helpTitle, helpKeys, helpQuestion, helpDataFolder
  case errorNoTerminal, errorTermUnset, errorTermUnknown
  case validityWarning
  case dataErrors, secondDigit, unfinishedCases, caseResumed
  case noSuchOption, checklistGroup, hintMultiGroups, checklistOtherTicked
  case resumeTitle, resumeHint, resumeInUse, resumeFailed, resumeStarted, resumeLast, resumeAnswers
  case plainNotUnderstood, plainRecordUsage, plainNoteUsage, plainYesNo, plainAfterOrientation, plainMultiHint
  case plainChangeUsage, plainLevelUsage, plainCommands, plainSaved, plainUnknownCommand, plainRefusedNumber
  case plainRefusedHere, keyNotHere, keyNotHereUnnamed

  /// The French and English texts.
  public var text: LocalizedText {
    switch self {
    case .appName: t("Repère", "Repère")
    case .tooSmall: t("Agrandissez le terminal (80×24 minimum)", "Enlarge the terminal (80×24 minimum)")
    case .tooSmallCurrent: t("Taille actuelle : %@", "Current size: %@")
    case .yes: t("Oui", "Yes")
    case .no: t("Non", "No")
    case .unknownOption: t("Je ne sais pas", "I don't know")
    case .continueReading: t("Continuer", "Continue")
    case .questionCounter: t("Question %@", "Question %@")
    case .toRead: t("À lire", "To read")
    case .checklistCount: t("%@ choix : ", "%@ ticked: ")
    case .changeReasonTitle: t("Raison du changement", "Reason for the change")
    case .changeReasonPrompt: t("Raison (facultatif) : ", "Reason (optional): ")
    case .changeReasonHint:
      t(
        "Entrée valide le changement ; sans texte, le journal note « %@ ». Échap : ne rien changer.",
        "Enter confirms the change; with no text the journal records \u{201C}%@\u{201D}. Esc: change nothing.")
    case .plainChangeReason:
      t(
        "Raison du changement (facultatif, ligne vide pour passer) :",
        "Reason for the change (optional, empty line to skip):")
    case .changingBanner: t("Modification — Échap : annuler", "Changing an answer — Esc: cancel")
    case .pathTitle: t("Chemin", "Path")
    case .setAsideTitle: t("Mis de côté", "Set aside")
    case .gatheredTitle: t("Orientation", "Orientation")
    case .changedMark: t("modifié", "changed")
    case .noAnswerYet: t("Aucune réponse pour l'instant", "No answer yet")
    case .levelNone: t("À ÉVALUER", "TO ASSESS")
    case .levelProvisional: t("provisoire ", "provisional ")
    case .placeNone: t("lieu non précisé", "place not set")
    case .placeEntryTitle: t("Lieu de la situation", "Place of the situation")
    case .placeEntryCurrent: t("Lieu actuel : %@", "Current place: %@")
    case .placeEntryPrompt: t("Commune, code postal ou département : ", "Town, postcode or département: ")
    case .placeEntryHint:
      t(
        "Entrée : chercher ce lieu et l'appliquer au dossier (contacts du département) · Échap : annuler",
        "Enter: look this place up and apply it to the case (the département's contacts) · Esc: cancel")
    case .placeEntryEmpty:
      t("Tapez une commune, un code postal ou un département", "Type a town, a postcode or a département")
    case .plainPlaceUsage:
      t("Usage : :lieu commune, code postal ou département", "Usage: :place town, postcode or département")
    case .saved: t("enregistré", "saved")
    case .saving: t("enregistrement…", "saving…")
    case .journalBadge: t("journal : ÉCHEC", "journal: FAILED")
    case .journalUnsavedBadge: t("journal : %@ NON ENREGISTRÉ(S)", "journal: %@ NOT SAVED")
    case .quitUnsaved:
      t(
        "ATTENTION : %@ saisie(s) NON ENREGISTRÉE(S) (écriture du journal en échec) : perdue(s) si vous quittez.",
        "WARNING: %@ record(s) NOT SAVED (journal write failing): lost if you quit.")
    case .journalFailed: t("ÉCHEC d'écriture du journal : %@", "FAILED to write the journal: %@")
    case .hintNumber: t("Tapez un nombre puis Entrée", "Type a number then Enter")
    case .hintRange: t("de %@ à %@", "from %@ to %@")
    case .hintText: t("Tapez la réponse puis Entrée", "Type the answer then Enter")
    case .hintPlace:
      t("Commune, code postal ou département, puis Entrée", "Commune, postcode or département, then Enter")
    case .hintMulti: t("Chiffre ou Espace : cocher · Entrée : valider", "Digit or Space: tick · Enter: confirm")
    case .hintChoice: t("Chiffre, ou ↑↓ puis Entrée", "Digit, or ↑↓ then Enter")
    case .hintInfo: t("À lire ou transmettre · Entrée pour continuer", "Read or pass on · Enter to continue")
    case .helpAvailable: t("Aide détaillée : touche ?", "Detailed help: key ?")
    case .helpAvailableTyping: t("Aide détaillée : F1", "Detailed help: F1")
    case .notANumber: t("Entrez un nombre", "Enter a number")
    case .emptyInput: t("La réponse est vide", "The answer is empty")
    case .searchTitle: t("Annuaire des structures", "Directory of services")
    case .searchPrompt: t("Rechercher : ", "Search: ")
    case .searchNoResults: t("Aucune structure ne correspond", "No service matches")
    case .searchHint: t("Nom, type, thème ou commune", "Name, type, theme or commune")
    case .openNow: t("ouvert maintenant", "open now")
    case .closedNow: t("fermé maintenant", "closed now")
    case .closedOnCall: t("fermé maintenant · permanence joignable", "closed now · on-call line reachable")
    case .hoursUnknown: t("horaires : à vérifier", "hours: to check")
    case .exampleTag: t("EXEMPLE", "EXAMPLE")
    case .demonstrationData: t("DONNÉES D'EXEMPLE", "EXAMPLE DATA")
    case .detailPhones: t("Téléphone", "Phone")
    case .detailAddress: t("Adresse", "Address")
    case .detailHours: t("Horaires", "Hours")
    case .detailEmail: t("Courriel", "Email")
    case .detailWebsite: t("Site", "Website")
    case .detailWhy: t("Pourquoi ce contact", "Why this contact")
    case .detailSource: t("Source", "Source")
    case .detailUpdated: t("Vérifié le", "Checked on")
    case .detailTypes: t("Type", "Type")
    case .detailProfessionalsOnly: t("Contact réservé aux professionnels", "Contact for professionals only")
    case .detailNotFound: t("Fiche introuvable : %@", "Record not found: %@")
    case .notesTitle: t("Notes du dossier", "Case notes")
    case .notesHint:
      t("Entrée : nouvelle ligne · F2, Ctrl-D ou Échap : enregistrer", "Enter: new line · F2, Ctrl-D or Esc: save")
    case .notesEmpty: t("Aucune note", "No notes")
    case .noteSaved: t("Note enregistrée", "Note saved")
    case .raiseTitle: t("Relever le niveau du dossier", "Raise the case level")
    case .raiseChoose: t("Choisissez un niveau plus élevé :", "Choose a higher level:")
    case .raiseReason: t("Raison (obligatoire) : ", "Reason (required): ")
    case .raiseAlreadyHighest:
      t("Le dossier est déjà au niveau le plus élevé.", "The case is already at the highest level.")
    case .raiseNeedReason: t("Donnez la raison pour relever le niveau", "Give the reason for raising the level")
    case .raiseCurrent: t("Niveau actuel : %@", "Current level: %@")
    case .quitTitle: t("Quitter Repère ?", "Quit Repère?")
    case .quitBody:
      t("Le dossier en cours reste enregistré dans le journal.", "The open case stays recorded in the journal.")
    case .quitAsk: t("o : quitter   n : rester", "y: quit   n: stay")
    case .quitBodyFollowUp:
      t(
        "Le dossier reste ouvert pour noter les suites données.", "The case stays open to record the follow-ups.")
    case .quitAskFollowUp:
      t("o : quitter   f : clore le dossier et quitter   n : rester", "y: quit   f: close the case and quit   n: stay")
    case .followUpTitle: t("Suite donnée", "Follow-up")
    case .followUpContact: t("Appelé·e : ", "Called: ")
    case .followUpWhen: t("Quand : ", "When: ")
    case .followUpReference: t("Référence : ", "Reference: ")
    case .followUpOutcome: t("Résultat : ", "Outcome: ")
    case .followUpHint:
      t(
        "Tab : champ suivant · Entrée : enregistrer au journal · Échap : annuler",
        "Tab: next field · Enter: record in the journal · Esc: cancel")
    case .followUpNeedContact: t("Indiquez qui a été appelé", "Say who was called")
    case .followUpSaved: t("Suite enregistrée", "Follow-up recorded")
    case .followUpsTitle: t("Suites données", "Follow-ups")
    case .plainFollowUpUsage:
      t(
        "Usage : :suite appelé ; quand ; référence ; résultat", "Usage: :followup called; when; reference; outcome")
    case .placeChoiceTitle: t("Plusieurs lieux correspondent à « %@ » :", "Several places match \u{201C}%@\u{201D}:")
    case .placeDidYouMean:
      t("Lieu introuvable : « %@ » — %@ ?", "Place not found: \u{201C}%@\u{201D} — %@?")
    case .placeSuggestionTitle:
      t("Lieu introuvable : « %@ ». Vouliez-vous dire :", "Place not found: \u{201C}%@\u{201D}. Did you mean:")
    case .placeNotFound: t("Lieu introuvable : « %@ »", "Place not found: \u{201C}%@\u{201D}")
    case .placeUnavailable: t("Le référentiel des lieux n'est pas chargé", "Place reference data is not loaded")
    case .changeTitle: t("Changer une réponse", "Change an answer")
    case .changeHint:
      t(
        "Choisissez la question à reprendre ; le chemin sera recalculé.",
        "Choose the question to redo; the path is recomputed.")
    case .changeNothing: t("Aucune réponse à changer", "No answer to change")
    case .orientationTitle: t("Orientation", "Orientation")
    case .orientationProvisional: t("Provisoire : des questions restent à poser", "Provisional: questions remain")
    case .orientationNone: t("Aucune disposition pour l'instant", "No disposition yet")
    case .orientationActions: t("À faire", "To do")
    case .orientationWhy: t("Sources", "Sources")
    case .orientationContacts: t("Contacts", "Contacts")
    case .orientationNoContact: t("Aucun contact trouvé dans l'annuaire", "No contact found in the directory")
    case .orientationLevel: t("Niveau du dossier : %@", "Case level: %@")
    case .directoryUnavailable: t("Annuaire en cours de chargement ou absent", "Directory loading or missing")
    case .directoryLoading:
      t(
        "Chargement de l'annuaire… les résultats s'afficheront dès qu'il sera prêt",
        "Loading the directory… results will appear as soon as it is ready")
    case .exported: t("Synthèse exportée : %@", "Summary exported: %@")
    case .exportFailed: t("Export impossible : %@", "Export failed: %@")
    case .pasteIgnored:
      t("Collage ignoré : ici, seules les touches répondent", "Paste ignored: only keys answer here")
    case .pasteTruncated: t("Collage tronqué à %@ caractères", "Paste cut to %@ characters")
    case .helpTitle: t("Aide", "Help")
    case .helpKeys: t("Touches", "Keys")
    case .helpQuestion: t("Aide de la question", "Help for this question")
    case .helpDataFolder: t("Données", "Data")
    case .errorNoTerminal:
      t(
        "repere : l'entrée ou la sortie n'est pas un terminal ; l'interface plein écran ne peut pas démarrer. Utilisez « repere --plain » (mode ligne à ligne).",
        "repere: standard input or output is not a terminal; the full-screen interface cannot start. Use \u{201C}repere --plain\u{201D} (line mode)."
      )
    case .errorTermUnset:
      t(
        "repere : la variable TERM n'est pas définie ; l'interface plein écran ne peut pas démarrer. Essayez TERM=xterm-256color, ou « repere --plain ».",
        "repere: TERM is not set; the full-screen interface cannot start. Try TERM=xterm-256color, or \u{201C}repere --plain\u{201D}."
      )
    case .errorTermUnknown:
      t(
        "repere : le terminal « %@ » est inconnu ou trop limité pour l'interface plein écran. Essayez TERM=xterm-256color, ou « repere --plain ».",
        "repere: the terminal \u{201C}%@\u{201D} is unknown or too limited for the full-screen interface. Try TERM=xterm-256color, or \u{201C}repere --plain\u{201D}."
      )
    case .validityWarning: t("⚠ %@", "⚠ %@")
    case .unfinishedCases:
      t(
        "%@ dossier(s) non terminé(s) — %@ pour reprendre", "%@ unfinished case(s) — %@ to resume")
    case .resumeTitle: t("Reprendre un dossier interrompu", "Resume an interrupted case")
    case .resumeHint:
      t(
        "Numéro ou ↑↓ puis Entrée : le dossier reprend où il en était. Échap : continuer le nouvel appel.",
        "Number or ↑↓ then Enter: the case resumes where it stood. Esc: go on with the new call.")
    case .resumeInUse:
      t(
        "ouvert dans une autre fenêtre de Repère : à reprendre là-bas",
        "open in another Repère window: resume it there")
    case .resumeFailed: t("Reprise impossible : %@", "Cannot resume: %@")
    case .resumeStarted: t("commencé %@", "started %@")
    case .resumeLast: t("dernière saisie %@", "last entry %@")
    case .resumeAnswers: t("%@ réponse(s)", "%@ answer(s)")
    case .orientationQueryEmpty:
      t(
        "Aucune structure « %@ » répertoriée pour le %@ (à compléter dans l'annuaire local)",
        "No \u{201C}%@\u{201D} structure listed for %@ (to be added to the local directory)")
    case .orientationQueryEmptyNational:
      t(
        "« %@ » : lieu non précisé : indiquez-le (touche %@)", "\u{201C}%@\u{201D}: place not set: give it (key %@)")
    case .caseResumed: t("Dossier %@ repris (%@ réponses)", "Case %@ resumed (%@ answers)")
    case .noSuchOption: t("Pas d'option %@ ici (1 à %@)", "No option %@ here (1 to %@)")
    case .checklistGroup: t("Groupe %@ sur %@ (options %@ à %@ sur %@)", "Group %@ of %@ (options %@ to %@ of %@)")
    case .hintMultiGroups:
      t(
        "Chiffre ou Espace : cocher · Tab : autre groupe · Entrée : valider la liste",
        "Digit or Space: tick · Tab: other group · Enter: confirm the list")
    case .checklistOtherTicked: t("Aussi coché : %@", "Also ticked: %@")
    case .secondDigit: t("%@… (second chiffre, ou attendre)", "%@… (second digit, or wait)")
    case .dataErrors:
      t(
        "Données : %@ erreur(s), voir « repere check » — %@", "Data: %@ error(s), see \u{201C}repere check\u{201D} — %@"
      )
    case .plainNotUnderstood:
      t("Réponse non comprise (:aide pour les commandes)", "Not understood (:help for commands)")
    case .plainUnknownCommand: t("Commande « %@ » inconnue — %@", "Unknown command \u{201C}%@\u{201D} — %@")
    case .plainRefusedNumber:
      t(
        "Réponse non comprise : tapez le numéro d'une option, de 1 à %@ (ou :aide)",
        "Not understood: type an option's number, from 1 to %@ (or :help)")
    case .keyNotHere: t("Touche « %@ » sans effet ici (? : aide)", "Key \u{201C}%@\u{201D} does nothing here (?: help)")
    case .keyNotHereUnnamed: t("Touche sans effet ici (? : aide)", "That key does nothing here (?: help)")
    case .plainRefusedHere: t("Non compris — %@", "Not understood — %@")
    case .plainRecordUsage: t(":fiche N pour ouvrir une fiche", ":record N to open a record")
    case .plainNoteUsage: t("Usage : :note texte de la note", "Usage: :note text of the note")
    case .plainYesNo: t("Répondez o (quitter) ou n (rester)", "Answer y (quit) or n (stay)")
    case .plainAfterOrientation:
      t(
        "Commandes : :export, :note texte, :annuaire texte, :lieu texte, :changer N, :niveau, :quitter",
        "Commands: :export, :note text, :search text, :place text, :change N, :level, :quit")
    case .plainMultiHint:
      t(
        "Numéros séparés par des virgules (ex. 1,3), ligne vide pour aucun",
        "Numbers separated by commas (e.g. 1,3), empty line for none")
    case .plainChangeUsage: t(":changer N — réponses données :", ":change N — answers given:")
    case .plainLevelUsage: t(":niveau N raison — niveaux plus élevés :", ":level N reason — higher levels:")
    case .plainSaved: t("(enregistré)", "(saved)")
    case .plainCommands:
      t(
        """
        Répondez par le numéro de l'option (0 : « Je ne sais pas »), ou tapez la réponse.
        :retour                revenir à la question précédente
        :changer N             changer la réponse N du chemin
        :annuaire texte        chercher dans l'annuaire, puis :fiche N
        :note texte            ajouter une note au dossier
        :niveau N raison       relever le niveau
        :lieu texte            indiquer ou changer le lieu (commune, code postal, département)
        :suite a ; q ; r ; s   noter une suite donnée (appelé ; quand ; référence ; résultat)
        :clore                 clore le dossier et quitter (sinon il reste ouvert pour les suites)
        :orientation           afficher l'orientation
        :export                exporter la synthèse
        :0                     « Je ne sais pas » pour une réponse à taper
        :quitter               quitter
        """,
        """
        Answer with the option's number (0: "I don't know"), or type the answer.
        :back                  go back to the previous question
        :change N              change answer N of the path
        :search text           search the directory, then :record N
        :note text             add a note to the case
        :level N reason        raise the level
        :place text            set or change the place (town, postcode, département)
        :followup a ; w ; r ; o  record a follow-up (called; when; reference; outcome)
        :close                 close the case and quit (else it stays open for follow-ups)
        :orientation           show the orientation
        :export                export the summary
        :0                     "I don't know" for a typed answer
        :quit                  quit
        """)
    }
  }

  /// The text in `language` with `%@` placeholders filled in order.
  public func callAsFunction(_ language: Language, _ arguments: String...) -> String {
    var result = text(language)
    for argument in arguments {
      guard let range = result.range(of: "%@") else { break }
      result.replaceSubrange(range, with: argument)
    }
    return result
  }

  private func t(_ french: String, _ english: String) -> LocalizedText { LocalizedText(fr: french, en: english) }
}

/// The display names of the default levels (a protocol's own level ids are shown as written).
public enum LevelNames {
  public static func label(_ id: String, _ language: Language) -> String {
    guard let level = DefaultLevel(rawValue: id) else { return id.uppercased() }
    return language == .fr ? level.frenchBadge : level.englishBadge
  }

  /// The badge colour: the most urgent red, then magenta, yellow, blue, green.
  public static func color(rank: Int) -> PaletteColor {
    switch rank {
    case 0: .red
    case 1: .magenta
    case 2: .yellow
    case 3: .blue
    default: .green
    }
  }
}
