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
  public var input = LineEditor()

  public init() {}
}

/// The directory search (`/`): the words typed, what they found, the row highlighted.
public struct SearchWindow: Sendable {
  public var query = LineEditor()
  public var results: [StructureSummary] = []
  public var cursor = ListCursor()

  public init() {}
}

/// Raising the case's level (`l`): the level highlighted, then the reason typed.
public struct RaiseLevelWindow: Hashable, Sendable {
  public var cursor = ListCursor()
  public var reason = LineEditor()
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
  public var reason = LineEditor()

  public init() {}
}

/// The unfinished cases offered for resuming: the one highlighted.
public struct ResumeListWindow: Hashable, Sendable {
  public var cursor = ListCursor()

  public init() {}
}

/// The orientation on screen: the contact chosen (Enter opens its record) and the first line
/// shown. It opens at its top (the level and what to do first) and scrolls by line, page, to
/// the start or the end (`OrientationScroller`).
public struct OrientationPage: Hashable, Sendable {
  public var selection = 0
  public var scroll = 0

  public init(selection: Int = 0, scroll: Int = 0) {
    self.selection = selection
    self.scroll = scroll
  }
}

/// The notes window (`n`): the note being typed. It is kept outside the process at every change
/// and becomes a note when the window closes (or the case is left).
public struct NotesWindow: Hashable, Sendable {
  public var draft = LineEditor()

  public init() {}
}

/// The place window (`p`): the place being typed, looked up on Enter.
public struct PlaceEntryWindow: Hashable, Sendable {
  public var line = LineEditor()

  public init() {}
}
