import RepereBase
import RepereJournal

extension AppState {
  mutating func handleOrientation(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    if let effects = handleCommon(action) { return effects }
    let count = orientationContacts.count
    var scroller = OrientationScroller(state: self)
    switch action {
    case .previous: scroller.lineUp()
    case .next: scroller.lineDown()
    case .pageUp: scroller.page(by: -1)
    case .pageDown: scroller.page(by: 1)
    case .top: scroller.toTop()
    case .bottom: scroller.toBottom()
    case .nextGroup: scroller.nextContact()
    case .confirm:
      guard orientation.selection < count else { return [] }
      // A chosen contact out of view is brought into view first, never opened unseen.
      guard scroller.isVisible(orientation.selection) else {
        scroller.reveal(orientation.selection)
        break
      }
      let chosen = orientationContacts[orientation.selection].match
      overlays.append(.detail(id: chosen.structureID, reason: chosen.reason, scroll: 0))
    case .back:
      if showOrientation {
        showOrientation = false
        prepareDisplayedStep()
        return []
      }
      return goBack()
    case nil:
      sayKeyDoesNothing(key)
    default:
      break
    }
    orientation = scroller.page
    return []
  }

  mutating func handleSearch(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    // ⌫ on an empty query does nothing (the line's editing comes first, `dispatch`).
    if key == .backspace { return [] }
    switch action {
    case .previous:
      search.cursor.up()
    case .next:
      search.cursor.down(count: search.results.count)
    case .confirm:
      guard let chosen = search.cursor.row(in: search.results) else { return [] }
      overlays.append(.detail(id: chosen.id, reason: nil, scroll: 0))
    case .close:
      overlays.removeLast()
    case .help:
      openHelp()
    default:
      break
    }
    return []
  }

  /// Results for the query as typed so far (the first ones near the case's place).
  mutating func refreshSearch() {
    search.cursor.index = 0
    guard let directory = services.directory else {
      search.results = []
      return
    }
    search.results = directory.search(search.query.text, near: walk.place, now: now, limit: 50)
  }

  mutating func handleDetail(_ action: ActionID?) -> [Effect] {
    guard case .detail = overlays.last else { return [] }
    if scrollTopWindow(action) { return [] }
    switch action {
    case .close:
      overlays.removeLast()
    case .search:
      overlays.removeLast()
      if overlays.last != .search {
        overlays.append(.search)
        refreshSearch()
      }
    case .help:
      openHelp()
    case .quit:
      return requestQuit()
    default:
      break
    }
    return []
  }

  /// The help opens at its top, from wherever it is asked.
  mutating func openHelp() {
    overlays.append(.help(scroll: 0))
  }

  mutating func handleHelp(_ action: ActionID?) -> [Effect] {
    if scrollTopWindow(action) { return [] }
    switch action {
    case .close:
      overlays.removeLast()
    case .quit:
      return requestQuit()
    default:
      break
    }
    return []
  }

  mutating func handleNotes(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    if key == .enter {
      notesWindow.draft.insert("\n")
      return []
    }
    if key == .backspace { return [] }
    switch action {
    case .saveNote, .close:
      overlays.removeLast()
      return saveNote()
    case .help:
      openHelp()
      return []
    default:
      return []
    }
  }

  /// ↑↓ scroll the window on top by a line and the pages by five (a record, the help): true
  /// when `action` was one of them.
  private mutating func scrollTopWindow(_ action: ActionID?) -> Bool {
    let lines: Int
    switch action {
    case .next: lines = 1
    case .previous: lines = -1
    case .pageDown: lines = 5
    case .pageUp: lines = -5
    default: return false
    }
    guard let top = overlays.last else { return false }
    overlays[overlays.count - 1] = top.scrolled(by: lines)
    return true
  }

  /// Keeps the draft as a note and journals it at once; an empty draft is dropped.
  mutating func saveNote() -> [Effect] {
    let text = notesWindow.draft.text.trimmingCharacters(in: .whitespacesAndNewlines)
    notesWindow.draft = ""
    guard !text.isEmpty else { return [] }
    // The runtime drops the draft kept outside once this note is in the journal.
    notes.append(CaseNote(text: text, at: now))
    status = StatusMessage(.success, Chrome.noteSaved(language))
    return journal([.note(NoteEvent(text: text, step: displayedStep?.id))])
  }

  mutating func handleRaiseLevel(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    let levels = higherLevels
    // ⌫ on an empty reason goes back to the levels.
    if raise.choosingReason, key == .backspace {
      raise.choosingReason = false
      return []
    }
    switch action {
    case .answer:
      guard !raise.choosingReason, case .character(let character) = key, let digit = character.wholeNumberValue,
        digit <= levels.count
      else { return [] }
      raise.cursor.index = digit - 1
      raise.choosingReason = true
    case .previous:
      raise.cursor.up()
    case .next:
      raise.cursor.down(count: levels.count)
    case .confirm:
      guard let chosen = raise.cursor.row(in: levels) else { return [] }
      guard raise.choosingReason else {
        raise.choosingReason = true
        return []
      }
      let reason = raise.reason.trimmed
      guard !reason.isEmpty else {
        status = StatusMessage(.error, Chrome.raiseNeedReason(language))
        return []
      }
      switch walker.raiseLevel(to: chosen.id, reason: reason) {
      case .success(let events):
        overlays.removeLast()
        raise.choosingReason = false
        raise.reason = ""
        status = nil
        return walkChanged(events)
      case .failure(let rejection):
        status = StatusMessage(.error, TerminalText.sanitized(rejection.message))
      }
    case .close:
      overlays.removeLast()
      raise.choosingReason = false
    default:
      break
    }
    return []
  }

  mutating func handleConfirmQuit(_ action: ActionID?) -> [Effect] {
    switch action {
    case .yes:
      overlays.removeLast()
      // Quitting from the notes editor keeps the note being typed.
      let note = overlays.contains(.notes) ? saveNote() : []
      return note + closing(reason: "quit")
    case .closeCase:
      overlays.removeLast()
      let note = overlays.contains(.notes) ? saveNote() : []
      return note + closing(reason: "close")
    case .no:
      overlays.removeLast()
    default:
      break
    }
    return []
  }

  mutating func handlePlaceChoice(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    switch action {
    case .answer:
      guard case .character(let character) = key, let digit = character.wholeNumberValue,
        digit <= placeChoice.candidates.count
      else { return [] }
      placeChoice.cursor.index = digit - 1
      return pickPlace()
    case .previous:
      placeChoice.cursor.up()
    case .next:
      placeChoice.cursor.down(count: placeChoice.candidates.count)
    case .confirm:
      return pickPlace()
    case .close:
      overlays.removeLast()
    default:
      break
    }
    return []
  }

  private mutating func pickPlace() -> [Effect] {
    guard let place = placeChoice.cursor.row(in: placeChoice.candidates) else { return [] }
    overlays.removeLast()
    placeChoice.candidates = []
    return applyPlace(place, forStep: placeChoice.forStep)
  }

  mutating func handleChangeAnswer(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    let count = walk.path.count
    switch action {
    case .answer:
      guard case .character(let character) = key, let digit = character.wholeNumberValue, digit <= count else {
        return []
      }
      change.cursor.index = digit - 1
      return startChanging()
    case .previous:
      change.cursor.up()
    case .next:
      change.cursor.down(count: count)
    case .confirm:
      return startChanging()
    case .close:
      overlays.removeLast()
    default:
      break
    }
    return []
  }

  /// The optional reason for a changed answer: typed, then Enter applies the change with it (an
  /// empty line keeps the generic reason); Escape leaves the answer as it was.
  mutating func handleChangeReason(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    if key == .backspace { return [] }
    switch action {
    case .confirm:
      overlays.removeLast()
      let reason = change.reason.trimmed
      change.reason = ""
      guard let pending = change.pending else { return [] }
      change.pending = nil
      return apply(pending.input, to: pending.stepID, changeReason: reason.isEmpty ? nil : reason)
    case .close:
      overlays.removeLast()
      change.reason = ""
      change.pending = nil
    default:
      break
    }
    return []
  }

  private mutating func startChanging() -> [Effect] {
    guard let answered = change.cursor.row(in: walk.path) else { return [] }
    overlays.removeLast()
    editingStepID = answered.stepID
    showOrientation = false
    prepareDisplayedStep()
    return []
  }

  /// A click on an option of the question answers it, like its number key.
  mutating func click(x: Int, y: Int) -> [Effect] {
    guard overlays.isEmpty, size.fitsMinimum, let step = displayedStep, !step.takesTypedInput else { return [] }
    let layout = QuestionLayout(state: self)
    guard let index = layout.option(atRow: y, column: x) else { return [] }
    let options = choices(for: step)
    if index >= options.count { return step.allowsUnknown ? submit(step, input: .unknown) : [] }
    question.cursor.index = index
    if step.kind == .multi {
      let value = options[index].value
      if question.ticked.contains(value) { question.ticked.remove(value) } else { question.ticked.insert(value) }
      return []
    }
    return handleQuestion(.enter, action: .confirm)
  }

  /// A key with no meaning on this screen says so on the status line (issue 12, point 10): a
  /// professional who typed a wrong key sees it was not taken, rather than nothing at all.
  mutating func sayKeyDoesNothing(_ key: KeyPress?) {
    if case .character(let character) = key, !character.isWhitespace {
      status = StatusMessage(.info, Chrome.keyNotHere(language, TerminalText.sanitized(String(character))))
    } else {
      status = StatusMessage(.info, Chrome.keyNotHereUnnamed(language))
    }
  }
}
