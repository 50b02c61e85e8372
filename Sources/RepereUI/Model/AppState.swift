import Foundation
import RepereBase
import RepereJournal

/// A window drawn over the case (help, search, a record…); Escape closes the top one.
public enum Overlay: Hashable, Sendable {
  /// The help, scrolled to its `scroll`th line (a window's scroll lives with the window).
  case help(scroll: Int)
  case search
  case detail(id: String, reason: String?, scroll: Int)
  case notes
  case raiseLevel
  case confirmQuit
  case placeChoice
  case changeAnswer
  /// The optional reason for a changed answer (the answer waits in `change.pending`).
  case changeReason
  /// The unfinished cases of the journal, to pick one to resume.
  case resumeList
  /// Typing the case's place, at any moment (`p`): the urgent path never asks it.
  case placeEntry
  /// Recording a « suite donnée » (`s`, after the orientation).
  case followUp
}

extension Overlay {
  /// The window scrolled by `lines`, never above its top: the help and a record scroll; the
  /// other windows move their cursor instead and stay as they are.
  func scrolled(by lines: Int) -> Overlay {
    switch self {
    case .help(let scroll): .help(scroll: max(0, scroll + lines))
    case .detail(let id, let reason, let scroll): .detail(id: id, reason: reason, scroll: max(0, scroll + lines))
    default: self
    }
  }
}

/// A changed answer waiting for its optional reason before it goes to the walk.
public struct PendingChange: Hashable, Sendable {
  public var stepID: String
  public var input: AnswerInput
  /// The answer before and after, as people read them (shown in the prompt).
  public var fromLabel: String
  public var toLabel: String
}

/// A line of feedback under the body.
public struct StatusMessage: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case info, success, error }
  public var kind: Kind
  public var text: String
  /// A file path inside `text`, shortened from the left (folders first) when the line is too
  /// narrow, so its file name is never the part cut off.
  public var path: String?

  public init(_ kind: Kind, _ text: String, path: String? = nil) {
    self.kind = kind
    self.text = text
    self.path = path
  }

  /// `text` in at most `width` columns: the path's folders are shortened first, then the end cut.
  public func fitted(width: Int) -> String {
    let full = CharacterWidth.of(text)
    guard full > width, let path, let range = text.range(of: path) else { return text }
    let room = width - (full - CharacterWidth.of(path))
    guard room > 0 else { return text }
    return text.replacingCharacters(in: range, with: TextLayout.shortenedPath(path, width: room))
  }
}

/// A note typed during the case.
public struct CaseNote: Hashable, Sendable {
  public var text: String
  public var at: Date

  public init(text: String, at: Date) {
    self.text = text
    self.at = at
  }
}

/// The whole interface state: everything `render` draws and `update` changes. No terminal, no
/// clock: time arrives as `Msg.tick`.
public struct AppState: Sendable {
  public var language: Language
  public var size: GridSize
  public var now: Date
  /// When the case was opened (the header's call timer counts from it).
  public var openedAt: Date
  public var walker: any CaseWalking
  /// `walker.view`, refreshed after every change.
  public private(set) var walk: WalkView
  public var services: AppServices
  /// Windows open over the case, the last on top.
  public var overlays: [Overlay] = []
  /// Show the orientation before the walk ends (`o`).
  public var showOrientation = false
  /// The question on screen: the option highlighted, the options ticked, the line typed.
  public var question = QuestionScreen()
  /// A step being re-answered (jumped to from the path), or nil for the walk's current step.
  public var editingStepID: String?
  /// The window picking an earlier answer to change, and the change waiting for its reason.
  public var change = ChangeAnswerWindow()
  public var notes: [CaseNote] = []
  /// The notes window (`n`): the note being typed.
  public var notesWindow = NotesWindow()
  /// The directory search window (`/`).
  public var search = SearchWindow()
  /// The window raising the case's level (`l`).
  public var raise = RaiseLevelWindow()
  /// The choice between places a typed place matched (or suggestions when it matched nothing).
  public var placeChoice = PlaceChoiceWindow()
  /// The place window (`p`): the place being typed.
  public var placeEntry = PlaceEntryWindow()
  /// The « suites données » recorded (who was called, when, reference, outcome).
  public var followUps: [FollowUpEvent] = []
  /// The follow-up being typed: one text per field (`FollowUpField`), and the field typed in.
  public var followUpDraft = FollowUpDraft()
  /// `--place` text waiting for the reference data to load.
  public var pendingPlaceText: String?
  /// Contacts resolved for each disposition code, in disposition order (duplicates between
  /// queries removed).
  public var contacts: [String: [ContactMatch]] = [:]
  /// Each disposition's contact queries with what each found, in query order: a query that
  /// found nothing is said on the orientation, never silently dropped.
  public var contactsByQuery: [String: [QueryContacts]] = [:]
  /// The orientation on screen: the contact chosen and the first line shown.
  public var orientation = OrientationPage()
  public var status: StatusMessage?
  /// Records sent to the journal and not yet confirmed.
  public var journalPending = 0
  public var lastSaved: Date?
  public var journalError: String?
  /// Records whose write failed (a full disk): kept by the runtime and written, in order, as
  /// soon as a write succeeds. Shown on the status line and in the quit box until then.
  public var journalUnsaved = 0
  /// Where the last export went.
  public var lastExport: String?
  /// A training session (`repere train`): the scenario's reference and the training screens.
  public var training: TrainingContext?
  /// Unfinished cases offered for resuming (from the services), and the one highlighted.
  public var unfinishedCases: [UnfinishedCase] = []
  public var resumeList = ResumeListWindow()
  /// The idle screen lock, when configured (nil: never locks).
  public var idleLock: IdleLock?

  public init(
    walker: any CaseWalking, services: AppServices = AppServices(), language: Language = .fr,
    size: GridSize = .minimum, now: Date
  ) {
    self.walker = walker
    self.walk = walker.view
    self.services = services
    self.language = language
    self.size = size
    self.now = now
    self.openedAt = now
  }

  /// Re-reads the walk after the walker changed.
  mutating func refreshWalk() { walk = walker.view }

  /// The step shown: the one being changed, or the walk's current step.
  public var displayedStep: StepView? {
    if let editingStepID { return walker.step(editingStepID) }
    return walk.current
  }

  /// A case is open once something was answered or noted: quitting then asks first.
  public var caseIsOpen: Bool { !walk.path.isEmpty || !notes.isEmpty }

  /// The screen on show, which decides which actions apply.
  public var screen: ScreenKind {
    if overlays.isEmpty, let trainingScreen = training?.screen { return trainingScreen }
    switch overlays.last {
    case .help: return .help
    case .search: return .search
    case .detail: return .detail
    case .notes: return .notes
    case .raiseLevel: return raise.choosingReason ? .levelReason : .raiseLevel
    case .confirmQuit: return .confirmQuit
    case .placeChoice: return .placeChoice
    case .changeAnswer: return .changeAnswer
    case .changeReason: return .changeReason
    case .resumeList: return .resumeList
    case .placeEntry: return .placeEntry
    case .followUp: return .followUp
    case nil:
      guard let step = displayedStep, !(showOrientation && editingStepID == nil) else { return .orientation }
      return step.takesTypedInput ? .typedQuestion : .question
    }
  }

  /// The options shown for a question, numbered from 1; « Je ne sais pas » comes last (key 0).
  public func choices(for step: StepView) -> [OptionView] {
    switch step.kind {
    case .yesno:
      return [
        OptionView(value: "true", label: Chrome.yes(language)), OptionView(value: "false", label: Chrome.no(language)),
      ]
    case .info:
      return [OptionView(value: "", label: Chrome.continueReading(language))]
    case .choice, .multi:
      return step.options
    case .number, .text, .place:
      return []
    }
  }

  /// « Question 3 », or « À lire » for a step that is only read: only questions are counted (the
  /// path holds answered questions, never read steps).
  public func heading(for step: StepView) -> String {
    if step.kind == .info { return Chrome.toRead(language) }
    return Chrome.questionCounter(language, String(walk.path.count + 1))
  }

  /// The levels above the case's level (all of them when it has none).
  public var higherLevels: [LevelView] {
    let currentRank = walk.level?.rank ?? Int.max
    return walk.levels.filter { $0.rank < currentRank }
  }

  /// The contacts of the orientation in display order (disposition by disposition).
  public var orientationContacts: [(disposition: String, match: ContactMatch)] {
    walk.dispositions.flatMap { disposition in
      (contacts[disposition.code] ?? []).map { (disposition.code, $0) }
    }
  }
}
