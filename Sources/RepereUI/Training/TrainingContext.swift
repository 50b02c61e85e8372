import Foundation
import RepereBase
import RepereBundle
import RepereRules

/// A training session over a scenario (`repere train`): the scenario's reference, where the
/// session stands (vignette, walk, debrief), the reference answer shown, and the steps revealed.
/// Lives in `AppState.training`; nil for a real case.
public struct TrainingContext: Sendable {
  /// The three moments of a session.
  public enum Phase: Sendable, Hashable {
    /// The vignette read to the group (first screen, and again with `v`).
    case vignette
    /// The group walks the protocol; the trainer types what it chose.
    case walking
    /// The comparison with the reference, then the scenario's debrief text.
    case debrief
  }

  public let reference: TrainingReference
  /// For a projector: larger spacing, no timer, no notes.
  public let presenter: Bool
  public var phase: Phase = .vignette
  /// The step whose reference answer is on screen (nil: none).
  public var revealing: String?
  /// Steps whose reference answer was revealed at least once (marked in the debrief).
  public var revealed: Set<String> = []
  /// First line shown on the training screens.
  public var scroll = 0

  public init(reference: TrainingReference, presenter: Bool) {
    self.reference = reference
    self.presenter = presenter
  }

  /// The training screen on show, or nil while the group walks (the case screens show).
  var screen: ScreenKind? {
    switch phase {
    case .vignette: return .trainingVignette
    case .debrief: return .trainingDebrief
    case .walking: return revealing == nil ? nil : .trainingReveal
    }
  }

  /// « Formation · Lina, 17 ans… » for the header.
  func headerTitle(_ language: Language) -> String {
    TrainingChrome.headerTitle(language, TerminalText.sanitized(reference.scenario.title))
  }
}

/// Starting a training session.
public enum TrainingProgram {
  /// The first state of a session on the vignette. The case's clock is the scenario's `now`
  /// (`reference.now`): opening hours, validity dates and contacts are computed at that time.
  /// The walker must start on the scenario's protocol.
  public static func start(
    reference: TrainingReference, walker: any CaseWalking, services: AppServices, language: Language,
    size: GridSize, presenter: Bool
  ) -> AppState {
    var (state, _) = UIProgram.start(
      walker: walker, services: services, language: language, size: size, now: reference.now)
    state.training = TrainingContext(reference: reference, presenter: presenter)
    return state
  }

  /// The session's time when the wall clock reads `wallNow`: the scenario's `now` (`origin`)
  /// plus the time elapsed since the session started (`wallStart`). The runtime ticks with it.
  public static func sessionTime(origin: Date, wallStart: Date, wallNow: Date) -> Date {
    origin.addingTimeInterval(wallNow.timeIntervalSince(wallStart))
  }
}

extension AppState {
  /// The header's call timer (hidden on a projector).
  var showsTimer: Bool { training?.presenter != true }

  /// Whether an action is offered in this session: training actions only in training; no notes
  /// on a projector; in training, exporting writes the debrief, so only from it.
  func allows(_ id: ActionID, on screen: ScreenKind) -> Bool {
    // `o` shows the orientation before the end; once the walk is finished there is nothing to toggle.
    if id == .orientation, screen == .orientation, walk.isFinished { return false }
    if id == .nextGroup || id == .previousGroup { return screen == .orientation || checklistGroups != nil }
    // A case is closed only once its walk reached the orientation (before, quitting suspends).
    if id == .closeCase { return training == nil && walk.isFinished && caseIsOpen }
    if id == .followUp { return training == nil }
    guard let training else {
      if id == .resume { return offersResume }
      return !TrainingActions.ids.contains(id)
    }
    switch id {
    case .resume: return false
    case .notes: return !training.presenter
    case .export: return screen == .trainingDebrief
    default: return true
    }
  }

  /// The group's walk compared with the reference, as it stands (also before the end).
  public var trainingDebrief: TrainingDebrief? {
    guard let training, let group = (walker as? RulesCaseWalker)?.session.state else { return nil }
    let contacts = walk.dispositions.map { DispositionContacts(code: $0.code, matches: self.contacts[$0.code] ?? []) }
    return TrainingDebrief(reference: training.reference, group: group, groupContacts: contacts)
  }
}
