/// The actions of a training session (`repere train`), appended to `ActionTable.all`. Offered
/// only when the state holds a training session (`AppState.allows`).
enum TrainingActions {
  static let ids: Set<ActionID> = [.begin, .reveal, .debrief, .vignette]
  private static let walking: Set<ScreenKind> = [.question, .typedQuestion, .orientation]

  static let all: [ActionSpec] = [
    ActionSpec(
      id: .begin, keys: [.key(.enter)], label: LocalizedText(fr: "commencer", en: "start"),
      help: LocalizedText(
        fr: "Formation : ferme la vignette et commence (ou reprend) le parcours.",
        en: "Training: closes the vignette and starts (or resumes) the walk."),
      screens: [.trainingVignette], inFooter: true),
    ActionSpec(
      id: .reveal, keys: [.key(.character("r")), .key(.function(8))],
      label: LocalizedText(fr: "réponse réf.", en: "reveal"),
      help: LocalizedText(
        fr: "Formation : révèle la réponse du scénario à cette étape, son explication et ses sources.",
        en: "Training: reveals the scenario's answer at this step, its explanation and its sources."),
      screens: [.question, .typedQuestion, .trainingReveal], inFooter: true),
    ActionSpec(
      id: .debrief, keys: [.key(.character("d")), .key(.function(12))],
      label: LocalizedText(fr: "débriefing", en: "debrief"),
      help: LocalizedText(
        fr: "Formation : compare le parcours du groupe avec la référence, étape par étape.",
        en: "Training: compares the group's walk with the reference, step by step."),
      screens: walking, inFooter: true),
    ActionSpec(
      id: .vignette, keys: [.key(.character("v")), .key(.function(11))],
      label: LocalizedText(fr: "vignette", en: "vignette"),
      help: LocalizedText(
        fr: "Formation : affiche à nouveau la vignette du scénario.",
        en: "Training: shows the scenario's vignette again."),
      screens: walking.union([.trainingDebrief]), inFooter: true),
  ]
}
