import RepereBase

/// The line-by-line mode (`repere --plain`): the same state and `update` as the full screen,
/// driven by typed lines and shown as plain numbered text — no cursor addressing, nothing but
/// lines, for screen readers, dumb terminals, logs and scripts.
///
/// A line is an answer (an option's number, several numbers for a checklist, the text of a
/// typed answer) or a command starting with « : » (`:aide` lists them). Both become actions of
/// the one action table (`Msg.action`), never keys pretending to be typed.
public struct PlainSession {
  public private(set) var state: AppState
  /// Set once the session asked to quit.
  public private(set) var finished = false
  /// True when the last line was refused: its one-line answer says what is accepted, and the
  /// question or orientation is not printed again.
  public private(set) var refusedLine = false

  /// Wide enough that nothing is cut; plain output is never laid out on a screen.
  static let layoutSize = GridSize(columns: 100, rows: 10_000)

  public init(state: AppState) {
    var state = state
    state.size = Self.layoutSize
    self.state = state
  }

  var language: Language { state.language }

  /// Feeds a result of an effect back (journal saved, exported…).
  public mutating func apply(_ msg: Msg) -> [Effect] {
    let (next, effects) = UIProgram.update(state, msg)
    state = next
    if effects.contains(where: { if case .quit = $0 { true } else { false } }) { finished = true }
    return effects
  }

  private mutating func send(_ actions: [ActionID]) -> [Effect] {
    var effects: [Effect] = []
    for action in actions { effects += apply(.action(action)) }
    return effects
  }

  /// Handles one typed line; returns the effects to carry out and lines to print first (a
  /// command's own output, such as search results).
  public mutating func handle(_ rawLine: String) -> (effects: [Effect], output: [String]) {
    let line = rawLine.trimmingCharacters(in: .whitespaces)
    state.status = nil
    refusedLine = false
    if line.hasPrefix(":") || line == "?" { return command(line == "?" ? ":aide" : line) }
    switch state.screen {
    case .changeReason:
      state.change.reason = LineEditor(line)
      return (send([.confirm]), [])
    case .confirmQuit:
      let yes = ["o", "oui", "y", "yes"].contains(line.lowercased())
      return (send([yes ? .yes : .no]), [])
    case .placeChoice, .question:
      if state.screen == .question, let step = state.displayedStep, step.kind == .multi {
        let numbers = line.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int($0) }
        if numbers == [0] { return (send([.unknown]), []) }
        let options = state.choices(for: step)
        state.question.ticked = Set(numbers.filter { (1...options.count).contains($0) }.map { options[$0 - 1].value })
        return (send([.confirm]), [])
      }
      if line.isEmpty { return (send([.confirm]), []) }
      let count =
        state.screen == .placeChoice
        ? state.placeChoice.candidates.count : state.displayedStep.map { state.choices(for: $0).count } ?? 0
      guard let number = Int(line), number >= 0, number <= count else { return refuse() }
      if state.screen == .placeChoice {
        state.placeChoice.cursor.index = number - 1
        return (send([.confirm]), [])
      }
      if number == 0 { return (send([.unknown]), []) }
      state.question.cursor.index = number - 1
      return (send([.confirm]), [])
    case .typedQuestion:
      state.question.input = LineEditor(line)
      return (send([.confirm]), [])
    default:
      state.overlays.removeAll()
      return refuse()
    }
  }

  private mutating func refuse(command: String? = nil) -> (effects: [Effect], output: [String]) {
    refusedLine = true
    return ([], [PlainText.refusal(state, command: command)])
  }

  /// Whether the question or orientation is printed again after a line: when it changed, after
  /// an error, or after a short command output — never after a refused line, whose one line says
  /// what is accepted (a long orientation reprinted for a typo buries the answer).
  public func reprints(_ screen: [String], shown: [String], output: [String]) -> Bool {
    if refusedLine { return false }
    return screen != shown || state.status?.kind == .error || !output.isEmpty && output.count < 3
  }

  private mutating func command(_ line: String) -> (effects: [Effect], output: [String]) {
    let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
    let name = parts.first?.lowercased() ?? ""
    let argument = parts.count > 1 ? parts[1] : ""
    let keepSearch = ["fiche", "record"].contains(name)
    if !keepSearch {
      state.overlays.removeAll { $0 != .confirmQuit && $0 != .placeChoice }
      state.change.pending = nil
    }
    switch name {
    case "aide", "help":
      return ([], PlainText.help(state))
    case "retour", "back":
      state.question.input = ""
      return (send([.back]), [])
    case "0", "jsp", "inconnu", "unknown":
      return (send([.unknown]), [])
    case "changer", "change":
      guard let number = Int(argument), number >= 1, number <= state.walk.path.count else {
        return ([], PlainText.changeList(state))
      }
      let effects = send([.changeAnswer])
      state.change.cursor.index = number - 1
      return (effects + send([.confirm]), [])
    case "annuaire", "search":
      let effects = send([.search])
      // The words go into the search field as if typed there (the field keeps what it had).
      if state.screen == .search {
        state.search.query.text += argument
        state.refreshSearch()
      }
      return (effects, PlainText.searchResults(state))
    case "fiche", "record":
      guard state.overlays.last == .search, let number = Int(argument), number >= 1,
        number <= state.search.results.count
      else { return ([], [Chrome.plainRecordUsage(language)]) }
      state.search.cursor.index = number - 1
      let effects = send([.confirm])
      let output = PlainText.detail(state)
      state.overlays.removeAll()
      return (effects, output)
    case "note":
      guard !argument.isEmpty else { return ([], [Chrome.plainNoteUsage(language)]) }
      state.notesWindow.draft = LineEditor(argument)
      return (state.saveNote(), [])
    case "niveau", "level":
      let pieces = argument.split(separator: " ", maxSplits: 1).map(String.init)
      let levels = state.higherLevels
      guard let first = pieces.first, let number = Int(first), number >= 1, number <= levels.count, pieces.count == 2
      else { return ([], PlainText.levelChoices(state)) }
      var effects = send([.raiseLevel])
      state.raise.cursor.index = number - 1
      state.raise.choosingReason = true
      state.raise.reason = LineEditor(pieces[1])
      effects += send([.confirm])
      state.overlays.removeAll()
      return (effects, [])
    case "lieu", "place":
      guard !argument.isEmpty else { return ([], [Chrome.plainPlaceUsage(language)]) }
      var effects = send([.setPlace])
      if state.screen == .placeEntry { state.placeEntry.line.text += argument }
      effects += send([.confirm])
      // Not found: the window stays open in the full screen; here the status says why.
      state.overlays.removeAll { $0 == .placeEntry }
      return (effects, [])
    case "orientation":
      return ([], PlainText.orientation(state))
    case "export", "exporter":
      return (send([.export]), [])
    case "quitter", "quit", "q":
      return (send([.quit]), [])
    case "clore", "close":
      let effects = send([.quit])
      guard state.screen == .confirmQuit else { return (effects, []) }
      return (effects + send([.closeCase]), [])
    case "suite", "followup":
      let fields = argument.split(separator: ";", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard let contact = fields.first, !contact.isEmpty, state.walk.isFinished else {
        return ([], [Chrome.plainFollowUpUsage(language)])
      }
      var draft = FollowUpDraft()
      for (field, text) in zip(FollowUpDraft.Field.allCases, fields) { draft[field] = LineEditor(text) }
      state.overlays.append(.followUp)
      state.followUpDraft = draft
      return (send([.confirm]), [])
    default:
      return refuse(command: ":" + name)
    }
  }

  /// The feedback of the last line (an error starts with « ! »), if any.
  public var statusText: String? {
    state.status.map { ($0.kind == .error ? "! " : "") + $0.text }
  }

  /// What to print now: the question with its numbered options, the orientation, or the
  /// choice being asked.
  public var screenText: [String] {
    var lines: [String] = []
    switch state.screen {
    case .confirmQuit:
      let body =
        state.journalUnsaved > 0
        ? Chrome.quitUnsaved(language, String(state.journalUnsaved)) : Chrome.quitBody(language)
      lines += [Chrome.quitTitle(language) + " " + body, Chrome.plainYesNo(language)]
    case .changeReason:
      if let change = state.change.pending {
        lines.append(TerminalText.sanitized(change.fromLabel) + " → " + TerminalText.sanitized(change.toLabel))
      }
      lines.append(Chrome.plainChangeReason(language))
    case .placeChoice:
      lines.append(
        (state.placeChoice.suggested ? Chrome.placeSuggestionTitle : Chrome.placeChoiceTitle)(
          language, TerminalText.sanitized(state.placeChoice.query)))
      for (index, place) in state.placeChoice.candidates.enumerated() {
        lines.append("  \(index + 1). " + TerminalText.sanitized(place.label))
      }
    case .question, .typedQuestion:
      lines += PlainText.question(state)
    default:
      lines += PlainText.orientation(state)
      lines.append(Chrome.plainAfterOrientation(language))
    }
    return lines
  }
}
