/// The words of the training screens (`repere train`), in French and English. Kept apart from
/// `Chrome` so the training mode stays in its own files; same conventions (`%@` filled in order).
public enum TrainingChrome: String, Hashable, Sendable, CaseIterable {
  case headerTitle
  case vignetteHeading, vignetteProtocol, vignetteClock, vignetteNone, vignetteStart, vignetteKeys
  case revealHeading, revealAnswer, revealCorrection, revealInfo, revealNotInScenario, revealDiverged
  case revealAnswerOffPath, revealExplanation, revealNoHelp, revealSources, revealNoSources
  case debriefHeading, debriefScore, debriefUnfinished, debriefPathSame, debriefPathDifferent, debriefSteps
  case debriefGroup, debriefReference, debriefNotReached, debriefOffPath, debriefPassed, debriefCorrected
  case debriefRevealed, debriefNoAnswer, debriefOutcome
  case debriefLevel, debriefExpected, debriefObtained, debriefRaised
  case debriefDispositions, debriefMissing, debriefExtra
  case debriefContacts, debriefContactMissing, debriefOtherContacts, debriefNoContacts
  case debriefPoints, debriefNoText, debriefUnavailable, debriefAllMatch
  case quitBody

  public var text: LocalizedText {
    switch self {
    case .headerTitle: t("Formation · %@", "Training · %@")
    case .vignetteHeading: t("Vignette", "Case vignette")
    case .vignetteProtocol: t("Protocole : %@", "Protocol: %@")
    case .vignetteClock: t("Moment de l'appel : %@", "Time of the call: %@")
    case .vignetteNone: t("Ce scénario n'a pas de vignette.", "This scenario has no vignette.")
    case .vignetteStart: t("Entrée : commencer le parcours", "Enter: start the walk")
    case .vignetteKeys:
      t(
        "Pendant le parcours : r (F8) révèle la réponse de référence, d (F12) ouvre le débriefing, v (F11) revient à cette vignette.",
        "During the walk: r (F8) reveals the reference answer, d (F12) opens the debrief, v (F11) shows this vignette again."
      )
    case .revealHeading: t("Réponse de référence", "Reference answer")
    case .revealAnswer: t("Réponse du scénario : ", "Scenario's answer: ")
    case .revealCorrection: t("d'abord : %@", "at first: %@")
    case .revealInfo:
      t("Étape à lire ou transmettre, sur le chemin de référence.", "A step to read or pass on, on the reference path.")
    case .revealNotInScenario: t("Le scénario ne passe pas par cette étape.", "The scenario does not pass this step.")
    case .revealDiverged:
      t(
        "Le groupe a quitté le chemin de référence à l'étape « %@ » (groupe : %@ ; référence : %@).",
        "The group left the reference path at step \u{201C}%@\u{201D} (group: %@; reference: %@).")
    case .revealAnswerOffPath:
      t(
        "Réponse donnée d'avance par le scénario : son chemin final ne passe pas par cette étape.",
        "Answer given in advance by the scenario: its final path does not pass this step.")
    case .revealExplanation: t("Explication", "Explanation")
    case .revealNoHelp:
      t("Le protocole ne donne pas d'aide pour cette étape.", "The protocol gives no help for this step.")
    case .revealSources: t("Sources", "Sources")
    case .revealNoSources: t("Aucune source citée par cette étape.", "This step cites no source.")
    case .debriefHeading: t("Débriefing", "Debrief")
    case .debriefScore: t("%@ étape(s) conforme(s) sur %@", "%@ of %@ steps as in the reference")
    case .debriefUnfinished:
      t(
        "Parcours inachevé : le groupe n'a pas atteint d'issue.",
        "Unfinished walk: the group has not reached an outcome.")
    case .debriefPathSame: t("Chemin identique à la référence", "Same path as the reference")
    case .debriefPathDifferent: t("Chemin différent de la référence", "Path differs from the reference")
    case .debriefSteps: t("Étapes", "Steps")
    case .debriefGroup: t("groupe", "group")
    case .debriefReference: t("référence", "reference")
    case .debriefNotReached: t("non atteinte par le groupe", "not reached by the group")
    case .debriefOffPath: t("hors du chemin de référence", "off the reference path")
    case .debriefPassed: t("passée", "passed")
    case .debriefCorrected: t("corrigée dans le scénario", "corrected in the scenario")
    case .debriefRevealed: t("révélée", "revealed")
    case .debriefNoAnswer: t("(sans réponse)", "(no answer)")
    case .debriefOutcome: t("Issue : %@", "Outcome: %@")
    case .debriefLevel: t("Niveau", "Level")
    case .debriefExpected: t("attendu : %@", "expected: %@")
    case .debriefObtained: t("obtenu : %@", "reached: %@")
    case .debriefRaised: t("relevé à la main : %@", "raised by hand: %@")
    case .debriefDispositions: t("Dispositions", "Dispositions")
    case .debriefMissing: t("attendue, non retenue", "expected, not gathered")
    case .debriefExtra: t("retenue, non attendue", "gathered, not expected")
    case .debriefContacts: t("Contacts attendus", "Expected contacts")
    case .debriefContactMissing: t("absent de l'orientation du groupe", "missing from the group's orientation")
    case .debriefOtherContacts: t("+ %@ autre(s) contact(s) proposé(s)", "+ %@ other contact(s) offered")
    case .debriefNoContacts: t("Le scénario n'attend aucun contact.", "The scenario expects no contact.")
    case .debriefPoints: t("Points clés pour la discussion", "Key points for discussion")
    case .debriefNoText: t("Ce scénario n'a pas de texte de débriefing.", "This scenario has no debrief text.")
    case .debriefUnavailable: t("Débriefing indisponible pour ce parcours.", "Debrief unavailable for this walk.")
    case .debriefAllMatch: t("Tout est conforme à la référence.", "Everything matches the reference.")
    case .quitBody:
      t(
        "La séance de formation n'est pas enregistrée (aucun journal).",
        "Training sessions are not recorded (no journal).")
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
