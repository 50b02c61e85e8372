import RepereBase
import RepereJournal

/// The walk engine as the interface needs it: one case's session over a protocol. Implemented
/// over the rules module's `CaseSession` by `RulesCaseWalker`; tests use a scripted double.
public protocol CaseWalking: Sendable {
  /// What to show now.
  var view: WalkView { get }
  /// A step of the protocol in force (to change an earlier answer), with its current answer.
  func step(_ id: String) -> StepView?
  /// Answers (or re-answers) `stepID`; the walk recomputes. Returns what changed, or why the
  /// answer is refused (out of range, unknown option) in French.
  mutating func answer(_ stepID: String, _ input: AnswerInput) -> Result<[WalkEvent], WalkRejection>
  /// Like `answer(_:_:)`; when it changes an earlier answer, the journal's change record carries
  /// `changeReason` (nil: a generic reason).
  mutating func answer(
    _ stepID: String, _ input: AnswerInput, changeReason: String?
  ) -> Result<[WalkEvent], WalkRejection>
  /// Goes back one step (the last answer is withdrawn); nothing at the start.
  mutating func goBack() -> [WalkEvent]
  /// Raises the case's level to `levelID` with a reason (never lowers).
  mutating func raiseLevel(to levelID: String, reason: String) -> Result<[WalkEvent], WalkRejection>
  /// Sets the case's place before any `place` step (`--place` at start): the walk answers its
  /// first `place` step with it.
  mutating func setPlace(_ place: PlaceValue, typed: String) -> [WalkEvent]
  /// The number answered for a variable (contact queries' `age`), nil when not answered.
  func number(forVariable name: String) -> Double?
  /// `input` to `stepID` as people read it (« Oui », option labels, « 15 ans »), before it is
  /// given: the change prompt's « from → to » says answers as the path pane does.
  func label(_ input: AnswerInput, stepID: String) -> String
  /// Every step the walk passed, in order, all kinds (as a scenario's `path`): the journal's end
  /// event records it so `repere replay` compares paths. Nil when the walker cannot say.
  var stepPath: [String]? { get }
}

extension CaseWalking {
  public var stepPath: [String]? { nil }
}

/// Something the walk did.
public enum WalkEvent: Hashable, Sendable {
  /// A journal event the walker could build whole (answer, change, place, switch, raise…).
  case journal(JournalEvent)
  /// A disposition was gathered at `step`: the interface journals it with the contacts it
  /// resolved, as shown.
  case dispositionGathered(code: String, step: String)
  /// Nothing to journal, but the walk moved (going back).
  case moved
}

/// Why an answer was refused, said to the professional.
public struct WalkRejection: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) { self.message = message }
}

extension CaseWalking {
  /// Walkers that do not record reasons answer as usual.
  public mutating func answer(
    _ stepID: String, _ input: AnswerInput, changeReason: String?
  ) -> Result<[WalkEvent], WalkRejection> {
    answer(stepID, input)
  }
}
