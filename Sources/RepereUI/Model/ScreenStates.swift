import Foundation
import RepereBase

// The state each screen owns, kept together so that a screen starts afresh in one assignment
// and its list moves by one rule (`ListCursor`): the question, then the windows over the case.

/// The question on screen: the option highlighted, the options ticked (a checklist), a first
/// digit waiting for a second (lists of ten options or more), the line typed (number, text,
/// place).
public struct QuestionScreen: Hashable, Sendable {
  /// The highlighted row: an option, or « Je ne sais pas » just after the last.
  public var cursor = ListCursor()
  public var ticked: Set<String> = []
  /// The first digit of a two-digit option number, waiting for the second until the deadline.
  public var pendingDigit: Int?
  public var pendingDigitDeadline: Date?
  public var input = ""

  public init() {}
}

/// The directory search (`/`): the words typed, what they found, the row highlighted.
public struct SearchWindow: Sendable {
  public var query = ""
  public var results: [StructureSummary] = []
  public var cursor = ListCursor()

  public init() {}
}

/// Raising the case's level (`l`): the level highlighted, then the reason typed.
public struct RaiseLevelWindow: Hashable, Sendable {
  public var cursor = ListCursor()
  public var reason = ""
  /// The level is chosen and the reason is being typed (the `levelReason` screen).
  public var choosingReason = false

  public init() {}
}

/// The places a typed place matched, to pick one.
public struct PlaceChoiceWindow: Hashable, Sendable {
  public var candidates: [PlaceValue] = []
  /// The candidates are « vouliez-vous dire » suggestions for a place that matched nothing.
  public var suggested = false
  public var cursor = ListCursor()
  /// What was typed when several places matched.
  public var query = ""
  /// The step the place choice answers (nil for `--place` at start).
  public var forStep: String?

  public init() {}
}

/// Changing an earlier answer: the answer highlighted in the path, then the changed answer
/// waiting for its optional reason.
public struct ChangeAnswerWindow: Hashable, Sendable {
  public var cursor = ListCursor()
  public var pending: PendingChange?
  /// The reason typed so far.
  public var reason = ""

  public init() {}
}

/// The unfinished cases offered for resuming: the one highlighted.
public struct ResumeListWindow: Hashable, Sendable {
  public var cursor = ListCursor()

  public init() {}
}
