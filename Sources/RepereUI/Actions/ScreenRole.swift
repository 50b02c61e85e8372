/// What makes each screen itself, in one table: how it takes a key or an action, the line typed
/// on it and how it is drawn. `update`, `render` and a paste read this table instead of each
/// switching on the screen, so adding a screen is a `ScreenKind` case, its row here (and the
/// window it opens in `AppState.screen`) and its actions in `ActionTable`.
struct ScreenRole {
  typealias Handler = (inout AppState, KeyPress?, ActionID?) -> [Effect]
  typealias Content = (OverlayScreens) -> (lines: [StyledLine], focus: Int?, preferred: Int)

  /// How the screen is drawn.
  enum Drawing {
    /// The question, with the path beside it when there is room.
    case question
    case orientation
    /// A training screen (the vignette, a reference answer, the debrief).
    case training
    /// A window over the whole body: its lines, the line to keep in view, the first line shown.
    case window(Content)
    /// A box over the screen under it, with its lines for an inner width; a `wide` box takes
    /// the screen less four columns, the others fit their widest line.
    case modal(wide: Bool, lines: (ModalBox, Int) -> [StyledLine])
  }

  /// The line typed on a typing screen: printable keys and pastes edit it (`LineEditor`) before
  /// the screen's handler sees a key.
  struct TypedLine {
    let path: WritableKeyPath<AppState, LineEditor>
    /// A note keeps the line breaks of a paste; a one-line field turns them into spaces.
    var keepsLines = false
    /// What follows an edit; `added` is true when text was added (a character or a paste).
    var edited: ((inout AppState, _ added: Bool) -> Void)?
  }

  let handle: Handler
  var typedLine: TypedLine?
  let drawing: Drawing
  /// A window whose quit key asks to quit Repère (the case screens, the help and a record
  /// handle their quit themselves).
  var quitsFromWindow = false
}

extension ScreenKind {
  /// The screen's row in the table.
  var role: ScreenRole {
    switch self {
    case .question:
      ScreenRole(handle: { $0.handleQuestion($1, action: $2) }, drawing: .question)
    case .typedQuestion:
      ScreenRole(
        handle: { $0.handleQuestion($1, action: $2) },
        typedLine: .init(path: \.question.input) { state, added in if added { state.status = nil } },
        drawing: .question)
    case .orientation:
      ScreenRole(handle: { $0.handleOrientation($1, action: $2) }, drawing: .orientation)
    case .search:
      ScreenRole(
        handle: { $0.handleSearch($1, action: $2) },
        typedLine: .init(path: \.search.query) { state, _ in state.refreshSearch() },
        drawing: .window { $0.search }, quitsFromWindow: true)
    case .detail:
      ScreenRole(handle: { state, _, action in state.handleDetail(action) }, drawing: .window { $0.detailWindow })
    case .help:
      ScreenRole(handle: { state, _, action in state.handleHelp(action) }, drawing: .window { $0.helpWindow })
    case .notes:
      ScreenRole(
        handle: { $0.handleNotes($1, action: $2) }, typedLine: .init(path: \.notesWindow.draft, keepsLines: true),
        drawing: .window { $0.notes }, quitsFromWindow: true)
    case .raiseLevel:
      ScreenRole(
        handle: { $0.handleRaiseLevel($1, action: $2) }, drawing: .window { $0.raiseLevel }, quitsFromWindow: true)
    case .levelReason:
      ScreenRole(
        handle: { $0.handleRaiseLevel($1, action: $2) }, typedLine: .init(path: \.raise.reason),
        drawing: .window { $0.raiseLevel }, quitsFromWindow: true)
    case .confirmQuit:
      ScreenRole(
        handle: { state, _, action in state.handleConfirmQuit(action) },
        drawing: .modal(wide: false) { box, _ in box.quitLines })
    case .placeChoice:
      ScreenRole(
        handle: { $0.handlePlaceChoice($1, action: $2) }, drawing: .window { $0.placeChoice }, quitsFromWindow: true)
    case .changeAnswer:
      ScreenRole(
        handle: { $0.handleChangeAnswer($1, action: $2) }, drawing: .window { $0.changeAnswer },
        quitsFromWindow: true)
    case .changeReason:
      ScreenRole(
        handle: { $0.handleChangeReason($1, action: $2) }, typedLine: .init(path: \.change.reason),
        drawing: .modal(wide: true) { $0.changeReasonLines(width: $1) }, quitsFromWindow: true)
    case .resumeList:
      ScreenRole(
        handle: { $0.handleResumeList($1, action: $2) }, drawing: .window { $0.resumeList }, quitsFromWindow: true)
    case .placeEntry:
      ScreenRole(
        handle: { $0.handlePlaceEntry($1, action: $2) }, typedLine: .init(path: \.placeEntry.line),
        drawing: .modal(wide: true) { $0.placeEntryLines(width: $1) }, quitsFromWindow: true)
    case .followUp:
      ScreenRole(
        handle: { $0.handleFollowUp($1, action: $2) }, typedLine: .init(path: \.followUpDraft.current),
        drawing: .modal(wide: true) { $0.followUpLines(width: $1) }, quitsFromWindow: true)
    case .trainingVignette, .trainingReveal, .trainingDebrief:
      ScreenRole(handle: { state, _, action in state.handleTrainingScreen(action) }, drawing: .training)
    }
  }
}
