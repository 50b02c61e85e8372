import RepereBase

/// The walk engine as the interface needs it: one case's session over a protocol. Implemented
/// over the rules module's `CaseSession`; tests use a scripted double.
public protocol CaseWalking: Sendable {
  /// What to show now.
  var view: WalkView { get }
  /// A step of the protocol in force (to change an earlier answer), with its current answer.
  func step(_ id: String) -> StepView?
  /// Answers (or re-answers) `stepID`; the walk recomputes. Returns what changed, or why the
  /// answer is refused (out of range, unknown option) in French.
  mutating func answer(_ stepID: String, _ input: AnswerInput) -> Result<[WalkEvent], WalkRejection>
  /// Goes back one step (the last answer is withdrawn). False at the start.
  mutating func goBack() -> [WalkEvent]
  /// Raises the case's level to `levelID` with a reason (never lowers).
  mutating func raiseLevel(to levelID: String, reason: String) -> Result<[WalkEvent], WalkRejection>
  /// Sets the case's place outside any `place` step (`--place` at start).
  mutating func setPlace(_ place: PlaceValue) -> [WalkEvent]
  /// The answer of the variable contact queries use for `age` (nil when not answered).
  func number(forVariable name: String) -> Double?
}

/// Something the walk did, for the journal and the status line.
public enum WalkEvent: Hashable, Sendable {
  case answered(stepID: String, answer: String)
  case changed(stepID: String, from: String, to: String)
  case withdrawn(stepID: String)
  case setAside(stepID: String)
  case switchedProtocol(from: String, to: String)
  case levelRaised(from: String?, to: String, reason: String)
  case placeSet(PlaceValueText)
  case finished(dispositions: [String])
}

/// A place as journals store it.
public typealias PlaceValueText = String

/// Why an answer was refused, said to the professional.
public struct WalkRejection: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) { self.message = message }
}
