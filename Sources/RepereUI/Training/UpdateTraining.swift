extension AppState {
  /// Keys of a training session: the training screens whole, and the training actions (and
  /// those a session forbids) on the case screens. Nil hands the key to the case screens.
  mutating func handleTraining(_ key: KeyPress?, action: ActionID?, on screen: ScreenKind) -> [Effect]? {
    // The training screens take their keys whole (their row in `ScreenRole`).
    guard training != nil, !ScreenKind.training.contains(screen) else { return nil }
    if let action, !allows(action, on: screen) { return [] }
    switch action {
    case .reveal:
      guard let step = displayedStep else { return [] }
      training?.revealing = step.id
      training?.revealed.insert(step.id)
      training?.scroll = 0
      return []
    case .debrief:
      training?.phase = .debrief
      training?.scroll = 0
      return []
    case .vignette:
      training?.phase = .vignette
      training?.scroll = 0
      return []
    default:
      return nil
    }
  }

  mutating func handleTrainingScreen(_ action: ActionID?) -> [Effect] {
    switch action {
    case .begin, .close, .reveal:
      leaveTrainingScreen()
    case .vignette:
      training?.phase = .vignette
      training?.scroll = 0
    case .previous: scrollTraining(by: -1)
    case .next: scrollTraining(by: 1)
    case .pageUp: scrollTraining(by: -pageStep)
    case .pageDown: scrollTraining(by: pageStep)
    case .export:
      guard let training else { return [] }
      return [
        .export(
          fallback: TrainingScreens(state: self).exportText,
          suggestedName: "repere-formation-\(training.reference.scenario.id).txt")
      ]
    case .help:
      openHelp()
    case .quit:
      return requestQuit()
    default:
      break
    }
    return []
  }

  /// Back to the case: the walk (from the vignette or the debrief), the question (from a reveal).
  private mutating func leaveTrainingScreen() {
    if training?.revealing != nil, training?.phase == .walking {
      training?.revealing = nil
    } else {
      training?.phase = .walking
      training?.revealing = nil
    }
    training?.scroll = 0
  }

  private var pageStep: Int { max(1, Frame(size: size).bodyHeight - 2) }

  /// Moves the training screen by `delta` lines, kept within its text.
  private mutating func scrollTraining(by delta: Int) {
    guard let current = training?.scroll else { return }
    let count = TrainingScreens(state: self).lines.count
    let last = max(0, count - Frame(size: size).bodyHeight)
    training?.scroll = min(last, max(0, current + delta))
  }
}
