import Foundation
import RepereBase
import RepereJournal

/// The interface as a program: `start` makes the first state, `update` turns a message into
/// the next state and the effects for the runtime to carry out, `render` draws a state.
public enum UIProgram {
  /// The state at start, with the journal's « case opened » record, and the place given with
  /// `--place` (asking which when several match).
  public static func start(
    walker: any CaseWalking, services: AppServices, language: Language, size: GridSize, now: Date,
    placeText: String? = nil
  ) -> (AppState, [Effect]) {
    var state = AppState(walker: walker, services: services, language: language, size: size, now: now)
    var effects: [Effect] = []
    if let placeText, !placeText.isEmpty {
      if services.places == nil {
        state.pendingPlaceText = placeText  // applied when the reference data arrives
      } else {
        effects += state.choosePlace(typed: placeText, forStep: nil)
      }
    }
    state.prepareDisplayedStep()
    state.resolveContacts()
    return (state, effects)
  }

  /// The next state and the effects to run for `msg`.
  public static func update(_ state: AppState, _ msg: Msg) -> (AppState, [Effect]) {
    var next = state
    if next.idleLock?.absorbs(msg, now: next.now) == true { return (next, []) }
    let effects = next.apply(msg)
    return (next, effects)
  }

  /// The data services finished loading (they load while the first question is already on
  /// screen): contacts are resolved, an open search refreshed, a place given at start applied.
  /// The same as `update(state, .servicesLoaded(…))`.
  public static func servicesLoaded(_ state: AppState, _ services: AppServices) -> (AppState, [Effect]) {
    update(state, .servicesLoaded(LoadedServices(services)))
  }

  /// Draws `state` into a grid of its size.
  public static func render(_ state: AppState) -> CellGrid {
    Renderer(state: state).render()
  }
}

extension AppState {
  mutating func apply(_ msg: Msg) -> [Effect] {
    switch msg {
    case .resized(let newSize):
      size = newSize
      return []
    case .tick(let date):
      now = date
      // Unsaved records are retried on every tick (the runtime writes them first, in order).
      return flushPendingDigit() + (journalUnsaved > 0 && training == nil ? [.journal([])] : [])
    case .journalSaved(let count):
      // The runtime writes earlier unsaved records before new ones: a success saves them all.
      journalPending = max(0, journalPending - count)
      journalUnsaved = 0
      lastSaved = now
      journalError = nil
      return []
    case .journalFailed(let message):
      journalUnsaved += journalPending
      journalPending = 0
      journalError = message
      status = StatusMessage(.error, Chrome.journalFailed(language, TerminalText.sanitized(message)))
      return []
    case .exported(let path):
      lastExport = path
      let shown = TerminalText.sanitized(path)
      status = StatusMessage(.success, Chrome.exported(language, shown), path: shown)
      return []
    case .paste(let text):
      return paste(text)
    case .exportFailed(let message):
      status = StatusMessage(.error, Chrome.exportFailed(language, TerminalText.sanitized(message)))
      return []
    case .terminate:
      return closing(reason: "signal")
    case .resumed(let resumed):
      adopt(resumed)
      return []
    case .resumeFailed(let message):
      status = StatusMessage(.error, Chrome.resumeFailed(language, TerminalText.sanitized(message)))
      return []
    case .servicesLoaded(let delivery):
      return adoptServices(delivery.services)
    case .click(let x, let y):
      return click(x: x, y: y)
    case .key(let key):
      // Below the minimum size only quitting works: nothing else is visible to act on.
      guard size.fitsMinimum else {
        if key == .character("q") || key == .function(10) || key == .control("c") { return requestQuit() }
        return []
      }
      let screen = self.screen
      let action = ActionTable.action(for: key, on: screen) { allows($0, on: screen) }
      return dispatchKeepingDraft(key, action: action)
    case .action(let id):
      guard size.fitsMinimum else { return id == .quit ? requestQuit() : [] }
      let screen = self.screen
      // An action the table does not offer here is treated like a key that does nothing here.
      let applies = ActionTable.spec(id)?.screens.contains(screen) == true && allows(id, on: screen)
      return dispatchKeepingDraft(nil, action: applies ? id : nil)
    }
  }

  /// Dispatches, then adds the note draft's save or removal when the draft changed, after the
  /// note's journal write (which drops the draft) and before leaving.
  private mutating func dispatchKeepingDraft(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    let draftBefore = notesWindow.draft
    var effects = dispatch(key, action: action)
    let quitIndex = effects.firstIndex { if case .quit = $0 { true } else { false } } ?? effects.endIndex
    effects.insert(contentsOf: draftChanged(from: draftBefore), at: quitIndex)
    return effects
  }

  /// Takes the services loaded in the background: contacts are resolved, an open search
  /// refreshed, a place given at start applied.
  mutating func adoptServices(_ loaded: AppServices) -> [Effect] {
    services = loaded
    var effects: [Effect] = []
    if let placeText = pendingPlaceText {
      pendingPlaceText = nil
      effects += choosePlace(typed: placeText, forStep: nil)
    }
    resolveContacts()
    if overlays.contains(.search) { refreshSearch() }
    unfinishedCases = loaded.unfinishedCases
    if let first = loaded.dataErrors.first {
      status = StatusMessage(
        .error, Chrome.dataErrors(language, String(loaded.dataErrors.count), TerminalText.sanitized(first)))
    } else if let notice = loaded.notices.first, status == nil {
      status = StatusMessage(.info, TerminalText.sanitized(notice))
    } else if offersResume, status == nil {
      let key = screen.isTyping ? "F8" : "r"
      status = StatusMessage(.info, Chrome.unfinishedCases(language, String(unfinishedCases.count), key))
    }
    return effects
  }

  /// Journal effect for `events`, counted as pending until the runtime confirms.
  mutating func journal(_ events: [JournalEvent]) -> [Effect] {
    // A training session is not a case: nothing goes to the journal.
    guard !events.isEmpty, training == nil else { return [] }
    journalPending += events.count
    return [.journal(events)]
  }

  /// Leaving: the case stays open (suspended, offered for resuming) so that the « suites
  /// données » can be added after the call; only `f` in the quit box (`reason` « close ») closes
  /// a finished case as completed. A note being typed is saved first.
  mutating func closing(reason: String) -> [Effect] {
    let note = saveNote()
    return note + [.quit(closeAs: walk.isFinished && reason == "close" && caseIsOpen ? .completed : nil)]
  }

  /// Keeps the note being typed outside the process at every change (not in training).
  func draftChanged(from before: LineEditor) -> [Effect] {
    guard notesWindow.draft != before, training == nil else { return [] }
    return [.saveDraft(notesWindow.draft.text)]
  }

  mutating func requestQuit() -> [Effect] {
    if caseIsOpen {
      if overlays.last != .confirmQuit { overlays.append(.confirmQuit) }
      return []
    }
    return closing(reason: "quit")
  }

  /// The one dispatch of an input to the screen on show (its row in `ScreenRole`): `key` is nil
  /// for an action sent by name. On a typing screen an editing key edits its line first.
  private mutating func dispatch(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    let screen = self.screen
    if training != nil, let effects = handleTraining(key, action: action, on: screen) { return effects }
    let role = screen.role
    if action == .quit, role.quitsFromWindow { return requestQuit() }
    if let line = role.typedLine, self[keyPath: line.path].edit(with: key) {
      let added = if case .character = key { true } else { false }
      line.edited?(&self, added)
      return []
    }
    return role.handle(&self, key, action)
  }

  /// Actions that mean the same on every case screen (question and orientation).
  mutating func handleCommon(_ action: ActionID?) -> [Effect]? {
    switch action {
    case .search:
      overlays.append(.search)
      refreshSearch()
      return []
    case .notes:
      overlays.append(.notes)
      return []
    case .raiseLevel:
      raise = RaiseLevelWindow()
      overlays.append(.raiseLevel)
      return []
    case .changeAnswer:
      guard !walk.path.isEmpty else {
        status = StatusMessage(.info, Chrome.changeNothing(language))
        return []
      }
      change.cursor = ListCursor(max(0, walk.path.count - 1))
      overlays.append(.changeAnswer)
      return []
    case .orientation:
      if editingStepID != nil { editingStepID = nil }
      showOrientation.toggle()
      orientation = OrientationPage()
      prepareDisplayedStep()
      return []
    case .export:
      return [.export(fallback: CaseSummary(state: self).text, suggestedName: CaseSummary.fileName(openedAt: openedAt))]
    case .help:
      openHelp()
      return []
    case .quit:
      return requestQuit()
    case .resume:
      return openResumeList()
    case .setPlace:
      placeEntry = PlaceEntryWindow()
      overlays.append(.placeEntry)
      return []
    case .followUp:
      followUpDraft = FollowUpDraft()
      overlays.append(.followUp)
      return []
    default:
      return nil
    }
  }

  /// Applies what the walk did: journal, refreshed view, contacts, next step prepared.
  mutating func walkChanged(_ events: [WalkEvent]) -> [Effect] {
    refreshWalk()
    editingStepID = nil
    resolveContacts()
    // What the walk changed may be at the top (a new level, its first actions): show it.
    orientation = OrientationPage()
    prepareDisplayedStep()
    if walk.isFinished { showOrientation = false }
    return journal(events.compactMap(journalEvent(for:)))
  }

  /// The journal event for what the walk did; a gathered disposition is recorded with the
  /// contacts resolved for it, as the professional sees them.
  func journalEvent(for event: WalkEvent) -> JournalEvent? {
    switch event {
    case .journal(let journalEvent): return journalEvent
    case .moved: return nil
    case .dispositionGathered(let code, let step):
      guard let disposition = walk.dispositions.first(where: { $0.code == code }) else { return nil }
      let contacts = (contacts[code] ?? []).map { match in
        let detail = services.directory?.detail(match.structureID, now: now)
        return JournalContact(
          id: match.structureID, name: match.name, phone: detail?.phones.first?.number, reason: match.reason,
          example: detail?.isExample ?? false)
      }
      // The ⚠ « aucune structure répertoriée » lines, so the export shows them too.
      let unlisted = unmatchedQueryLabels(code).map { TerminalText.sanitized($0) }
      return .disposition(
        DispositionEvent(
          code: code, title: disposition.title, level: disposition.level.id, timeframe: disposition.timeframe,
          actions: disposition.actions, contacts: contacts, sources: disposition.sources, step: step,
          unlisted: unlisted.isEmpty ? nil : unlisted))
    }
  }

  /// Resets the question's highlight, ticks and input to its current answer (when changing one).
  mutating func prepareDisplayedStep() {
    question = QuestionScreen()
    guard let step = displayedStep, let answer = step.currentAnswer else { return }
    let options = choices(for: step)
    switch answer {
    case .bool(let value): question.cursor.index = value ? 0 : 1
    case .choice(let value): question.cursor.index = options.firstIndex { $0.value == value } ?? 0
    case .multi(let values): question.ticked = values
    case .number(let value): question.input = LineEditor(NumberText.format(value))
    case .text(let text): question.input = LineEditor(text)
    case .place(let place): question.input = LineEditor(place.label)
    case .unknown: question.cursor.index = options.count
    case .acknowledged: break
    }
  }

  /// Resolves every disposition's contact queries at the case's place and time, keeping what
  /// each query found.
  mutating func resolveContacts() {
    guard let resolver = services.contacts else {
      contacts = [:]
      contactsByQuery = [:]
      return
    }
    var result: [String: [ContactMatch]] = [:]
    var byQuery: [String: [QueryContacts]] = [:]
    for disposition in walk.dispositions {
      let queries = resolver.resolve(disposition.contacts, place: walk.place, now: now) {
        walker.number(forVariable: $0)
      }
      result[disposition.code] = queries.distinctMatches
      byQuery[disposition.code] = queries
    }
    contacts = result
    contactsByQuery = byQuery
    orientation.selection = min(orientation.selection, max(0, orientationContacts.count - 1))
  }

  /// The queries of `code` that found no structure, as « Parquet » (kinds, else themes, from the
  /// vocabulary): the orientation says each one, so a missing local record is seen and completed.
  public func unmatchedQueryLabels(_ code: String) -> [String] {
    (contactsByQuery[code] ?? []).filter(\.matches.isEmpty).map {
      QueryLabel.of($0.query, directory: services.directory)
    }
  }
}

/// How a contact query is named to people: its kinds' labels, else its themes', else its id.
public enum QueryLabel {
  public static func of(_ query: ContactQuery, directory: (any DirectoryBrowsing)?) -> String {
    query.label(kindLabel: { directory?.kindLabel($0) ?? $0 }, themeLabel: { directory?.themeLabel($0) ?? $0 })
  }
}

/// Numbers as people type and read them: « 15 », « 2,5 ».
enum NumberText {
  static func format(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    return String(value).replacingOccurrences(of: ".", with: ",")
  }

  static func parse(_ text: String) -> Double? {
    DecimalText.parse(text.trimmingCharacters(in: .whitespaces), allowComma: true)
  }
}

extension AppState {
  /// The longest text a paste puts into a field: past it the rest is dropped and said so, so a
  /// 10,000-character paste never turns into minutes of work (issue 18, points 5 and 6).
  static let maximumPaste = LineEditor.maximumPaste

  /// Pasted text (bracketed paste) is text in the field it lands in, never keys: an ESC or a
  /// digit inside it neither closes the editor nor answers a question. Outside a field it is
  /// ignored, and said so.
  mutating func paste(_ text: String) -> [Effect] {
    guard let line = screen.role.typedLine else {
      status = StatusMessage(.error, Chrome.pasteIgnored(language))
      return []
    }
    let before = self[keyPath: line.path]
    let truncated = self[keyPath: line.path].paste(text, keepsLines: line.keepsLines)
    line.edited?(&self, self[keyPath: line.path] != before)
    if truncated { status = StatusMessage(.error, Chrome.pasteTruncated(language, String(Self.maximumPaste))) }
    return []
  }
}
