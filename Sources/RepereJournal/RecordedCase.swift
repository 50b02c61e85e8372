import RepereBase

/// A case as its journal tells it: the replay of the events into what the UI needs to rebuild
/// its session (protocol, place, answers in order, notes, level raises) and what exports show.
public struct RecordedCase: Hashable, Sendable {
  /// An answer as it stands now, in the order questions were first answered.
  public struct Answer: Hashable, Sendable {
    public var step: String
    public var kind: String?
    public var question: String
    public var value: AnswerText
    public var label: String
    public var place: PlaceValue?
    /// When it was first given.
    public var answeredAt: JournalTimestamp
    /// True when a change event replaced the first answer.
    public var changed: Bool
  }

  /// An event with its time and sequence number.
  public struct Stamped<Event: Hashable & Sendable>: Hashable, Sendable {
    public var sequence: Int
    public var time: JournalTimestamp
    public var event: Event

    public init(sequence: Int, time: JournalTimestamp, event: Event) {
      self.sequence = sequence
      self.time = time
      self.event = event
    }
  }

  public var caseID: String
  /// The opening event (nil when the journal lost it — reported in `findings`).
  public var opening: CaseOpening?
  public var startedAt: JournalTimestamp?
  public var lastEventAt: JournalTimestamp?
  /// The last sequence number read.
  public var lastSequence: Int
  /// The protocol in force now: the opening's, or the target of the last switch.
  public var protocolInForce: ProtocolReference?
  /// The case's place now, as typed and resolved.
  public var place: PlaceEvent?
  public var answers: [Answer]
  public var changes: [Stamped<ChangeEvent>]
  public var notes: [Stamped<NoteEvent>]
  public var protocolSwitches: [Stamped<ProtocolSwitchEvent>]
  public var levelRaises: [Stamped<LevelRaiseEvent>]
  /// Dispositions gathered and not withdrawn, in the order gathered (a disposition gathered
  /// again replaces the earlier record in place).
  public var dispositions: [Stamped<DispositionEvent>]
  public var withdrawals: [Stamped<DispositionWithdrawnEvent>]
  /// Steps whose answers a later answer or change took off the path (« mis de côté »), in the
  /// order they left it; an answer given again, or a step back on the path, leaves this list.
  public var setAsideSteps: [String]
  public var exports: [Stamped<ExportEvent>]
  /// The « suites données » recorded after the orientation, in order.
  public var followUps: [Stamped<FollowUpEvent>]
  public var end: Stamped<EndEvent>?
  /// What reading the journal reported (torn line, gaps, …).
  public var findings: [Finding]

  /// The answers that still count (on the walk's path), in the order first given.
  public var pathAnswers: [Answer] { answers.filter { !setAsideSteps.contains($0.step) } }

  /// The answers set aside by a change: kept in the journal, no longer used by the orientation.
  public var setAsideAnswers: [Answer] { answers.filter { setAsideSteps.contains($0.step) } }

  /// The dispositions most urgent first, in the order gathered within a level: the order of the
  /// orientation screen.
  public var orderedDispositions: [Stamped<DispositionEvent>] {
    LevelScale.ordered(dispositions, scale: levelScale) { $0.event.level }
  }

  /// True when the case has its `end` event.
  public var isFinished: Bool { end != nil }

  /// The level scale in force, highest first.
  public var levelScale: [String] {
    if let levels = opening?.levels, !levels.isEmpty { return levels }
    return LevelScale.defaultLevels
  }

  /// The case's level: the highest of its dispositions' levels and of the professional's
  /// raises (a raise can only go up). Nil when neither exists yet.
  public var level: String? {
    var candidates = dispositions.map(\.event.level)
    candidates += levelRaises.map(\.event.to)
    return LevelScale.highest(of: candidates, scale: levelScale)
  }

  /// The level the dispositions alone give, before any raise.
  public var dispositionLevel: String? {
    LevelScale.highest(of: dispositions.map(\.event.level), scale: levelScale)
  }

  /// Rebuilds a case from a journal's entries (in file order) and the findings of reading it.
  public init(caseID: String, entries: [JournalEntry], findings: [Finding] = []) {
    self.caseID = caseID
    self.findings = findings
    lastSequence = 0
    answers = []
    changes = []
    notes = []
    protocolSwitches = []
    levelRaises = []
    dispositions = []
    withdrawals = []
    setAsideSteps = []
    exports = []
    followUps = []
    for entry in entries { apply(entry) }
  }

  /// Reads `result` (from `JournalReader`) into a case.
  public init(caseID: String, reading result: JournalReadResult) {
    self.init(caseID: caseID, entries: result.entries, findings: result.findings)
  }

  private mutating func apply(_ entry: JournalEntry) {
    if startedAt == nil { startedAt = entry.time }
    lastEventAt = entry.time
    lastSequence = max(lastSequence, entry.sequence)
    func stamp<Event>(_ event: Event) -> Stamped<Event> {
      Stamped(sequence: entry.sequence, time: entry.time, event: event)
    }
    switch entry.event {
    case .opening(let opening):
      guard self.opening == nil else { return }
      self.opening = opening
      protocolInForce = opening.protocolInForce
    case .answer(let answer):
      let recorded = Answer(
        step: answer.step, kind: answer.kind, question: answer.question, value: answer.value, label: answer.label,
        place: answer.place, answeredAt: entry.time, changed: false)
      if let index = answers.firstIndex(where: { $0.step == answer.step }) {
        // Answered again (the walk went back): the answer keeps its first position.
        answers[index].value = answer.value
        answers[index].label = answer.label
        answers[index].place = answer.place
        answers[index].question = answer.question
      } else {
        answers.append(recorded)
      }
      if let place = answer.place {
        self.place = PlaceEvent(typed: answer.value.specText, place: place, step: answer.step)
      }
      setAsideSteps.removeAll { $0 == answer.step }
      apply(answer.moved)
    case .change(let change):
      changes.append(stamp(change))
      if let index = answers.firstIndex(where: { $0.step == change.step }) {
        answers[index].value = change.to
        answers[index].label = change.toLabel
        answers[index].place = change.place
        answers[index].changed = true
      } else {
        answers.append(
          Answer(
            step: change.step, kind: nil, question: change.question, value: change.to, label: change.toLabel,
            place: change.place, answeredAt: entry.time, changed: true))
      }
      if let place = change.place {
        self.place = PlaceEvent(typed: change.to.specText, place: place, step: change.step)
      }
      setAsideSteps.removeAll { $0 == change.step }
      apply(change.moved)
    case .note(let note):
      notes.append(stamp(note))
    case .place(let place):
      self.place = place
      // A place event that names its step is that step's answer (the UI may record a place
      // answer this way rather than as an answer event).
      if let step = place.step {
        let value = AnswerText.text(place.place.communeCode ?? place.place.departement)
        if let index = answers.firstIndex(where: { $0.step == step }) {
          if answers[index].place != place.place {
            answers[index].value = value
            answers[index].label = place.place.label
            answers[index].place = place.place
          }
        } else {
          answers.append(
            Answer(
              step: step, kind: "place", question: "Lieu", value: value, label: place.place.label, place: place.place,
              answeredAt: entry.time, changed: false))
        }
      }
    case .protocolSwitch(let change):
      protocolSwitches.append(stamp(change))
      protocolInForce = change.to
    case .levelRaise(let raise):
      levelRaises.append(stamp(raise))
    case .disposition(let disposition):
      if let index = dispositions.firstIndex(where: { $0.event.code == disposition.code }) {
        dispositions[index] = stamp(disposition)
      } else {
        dispositions.append(stamp(disposition))
      }
    case .dispositionWithdrawn(let withdrawal):
      withdrawals.append(stamp(withdrawal))
      dispositions.removeAll { $0.event.code == withdrawal.code }
    case .export(let export):
      exports.append(stamp(export))
    case .followUp(let followUp):
      followUps.append(stamp(followUp))
    case .end(let end):
      self.end = stamp(end)
    }
  }

  private mutating func apply(_ move: PathMove?) {
    guard let move else { return }
    for step in move.setAside where !setAsideSteps.contains(step) { setAsideSteps.append(step) }
    setAsideSteps.removeAll { move.restored.contains($0) }
  }
}
