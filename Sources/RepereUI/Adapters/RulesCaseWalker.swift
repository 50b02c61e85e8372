import Foundation
import RepereBase
import RepereBundle
import RepereJournal
import RepereRules

/// `CaseWalking` over the rules module's `CaseSession`: turns its state into what the screens
/// show and its changes into journal events.
public struct RulesCaseWalker: CaseWalking {
  public private(set) var session: CaseSession
  /// The day the case is handled (validity window of the protocol).
  let today: CalendarDay
  /// A place given at start (`--place`), used for the first `place` step.
  var presetPlace: (place: PlaceValue, typed: String)?
  /// Steps whose answer was changed after it was given.
  var changedSteps: Set<String> = []
  /// The language of « Oui », « Non », « Je ne sais pas » on screen (the journal stays French).
  let displayLanguage: Language

  public init(session: CaseSession, today: CalendarDay, displayLanguage: Language = .fr) {
    self.session = session
    self.today = today
    self.displayLanguage = displayLanguage
  }

  var definition: ProtocolDefinition? { session.protocolDefinition }
  var levelScale: [String] { definition?.levels ?? ProtocolDefinition.defaultLevels }

  public var view: WalkView {
    let state = session.state
    let levels = levelScale.enumerated().map { LevelView(id: $1, rank: $0) }
    let path = state.path.compactMap { entry -> PathItem? in
      guard entry.kind.asksQuestion, let value = entry.answer, let step = session.step(entry.stepID) else { return nil }
      return PathItem(
        stepID: entry.stepID, question: step.text ?? step.id, short: step.short,
        answer: Self.label(value, for: step, language: displayLanguage),
        changed: changedSteps.contains(entry.stepID), ticked: Self.tickedLabels(value, for: step))
    }
    let order = stepOrder
    let setAside = state.setAside.keys.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }.map {
      id -> PathItem in
      let step = anyStep(id)
      let value = state.setAside[id] ?? .unknown
      return PathItem(
        stepID: id, question: step?.text ?? id, short: step?.short,
        answer: step.map { Self.label(value, for: $0, language: displayLanguage) } ?? value.displayText)
    }
    let dispositions = LevelScale.ordered(
      state.dispositions.map { disposition($0.disposition, code: $0.code) }, scale: levelScale
    ) { $0.level.id }
    return WalkView(
      protocolID: state.protocolID, protocolTitle: definition?.title ?? state.protocolID,
      protocolVersion: definition?.version ?? "", validityWarning: validityWarning,
      current: state.pending.map { stepView($0) }, path: path, setAside: setAside, dispositions: dispositions,
      level: state.level.map { LevelView(id: $0, rank: levelScale.firstIndex(of: $0) ?? levelScale.count) },
      levels: levels, place: state.place ?? presetPlace?.place, raisedReason: state.raise?.reason,
      impliedLevel: impliedLevel(finished: state.isFinished, level: state.level))
  }

  /// What the answers so far already imply (nil once finished, when the walk already stands at
  /// the top of the scale, or when the look-ahead is cut).
  private func impliedLevel(finished: Bool, level: String?) -> LevelView? {
    guard !finished, level != levelScale.first,
      let id = ImpliedLevel.floor(
        library: session.library, protocolID: session.startProtocolID, answers: session.answers)
    else { return nil }
    return LevelView(id: id, rank: levelScale.firstIndex(of: id) ?? levelScale.count)
  }

  /// A step of the protocol in force, else of any protocol of the library (a set-aside answer
  /// may belong to an overlay no longer in force).
  private func anyStep(_ id: String) -> Step? {
    if let step = session.step(id) { return step }
    for protocolID in session.library.ids {
      if let step = session.library.protocolDefinition(protocolID)?.step(id) { return step }
    }
    return nil
  }

  /// Position of each step id in the protocols (in force first), to list set-aside answers in
  /// the order they were asked.
  private var stepOrder: [String: Int] {
    var order: [String: Int] = [:]
    let ids = [session.state.protocolID] + session.library.ids
    for protocolID in ids {
      for (index, step) in (session.library.protocolDefinition(protocolID)?.steps ?? []).enumerated()
      where order[step.id] == nil {
        order[step.id] = index
      }
    }
    return order
  }

  private var validityWarning: String? {
    guard let definition else { return nil }
    if let from = definition.validFrom, today < from { return "protocole valable à partir du \(from)" }
    if let to = definition.validTo, to < today { return "protocole expiré depuis le \(to)" }
    return nil
  }

  public func step(_ id: String) -> StepView? {
    session.step(id).map { stepView($0) }
  }

  private func stepView(_ step: Step) -> StepView {
    let kind: StepView.Kind =
      switch step.kind {
      case .yesno: .yesno
      case .choice: .choice
      case .multi: .multi
      case .number: .number
      case .place: .place
      case .text: .text
      case .info, .route, .outcome: .info
      }
    return StepView(
      id: step.id, kind: kind, text: step.text ?? step.id, help: step.help,
      options: step.options.map { OptionView(value: $0.value, label: $0.label, help: $0.help) },
      allowsUnknown: step.unknownNext != nil, minimum: step.min, maximum: step.max, unit: step.unit,
      currentAnswer: session.answers[step.id].map(Self.input(from:)), sources: sourceTitles(step.why))
  }

  private func disposition(_ disposition: Disposition, code: String) -> DispositionView {
    DispositionView(
      code: code, title: disposition.title,
      level: LevelView(id: disposition.level, rank: levelScale.firstIndex(of: disposition.level) ?? levelScale.count),
      timeframe: disposition.timeframe, text: disposition.text, actions: disposition.actions,
      contacts: disposition.contacts, sources: sourceTitles(disposition.why))
  }

  private func sourceTitles(_ ids: [String]) -> [String] {
    ids.map { definition?.sources[$0]?.title ?? $0 }
  }

  /// The journal's reason for a changed answer when the professional gave none (kept in French,
  /// like the whole journal).
  public static let defaultChangeReason = "réponse modifiée par le professionnel"

  public mutating func answer(_ stepID: String, _ input: AnswerInput) -> Result<[WalkEvent], WalkRejection> {
    answer(stepID, input, changeReason: nil)
  }

  public mutating func answer(
    _ stepID: String, _ input: AnswerInput, changeReason: String?
  ) -> Result<[WalkEvent], WalkRejection> {
    let wasAnswered = session.answers[stepID] != nil
    let changes = session.answer(stepID, Self.value(from: input))
    for change in changes {
      if case .rejected(_, let reason) = change { return .failure(WalkRejection(reason)) }
    }
    if wasAnswered, !changes.isEmpty { changedSteps.insert(stepID) }
    var events = events(for: changes, changeReason: changeReason)
    events += applyPresetPlace()
    return .success(events)
  }

  public mutating func goBack() -> [WalkEvent] {
    events(for: session.goBack())
  }

  public mutating func raiseLevel(to levelID: String, reason: String) -> Result<[WalkEvent], WalkRejection> {
    do {
      return .success(events(for: try session.raiseLevel(to: levelID, reason: reason)))
    } catch {
      return .failure(WalkRejection(String(describing: error)))
    }
  }

  /// The journal's reason when the professional changes the place with `p` after the walk
  /// asked it.
  public static let placeChangeReason = "lieu précisé par le professionnel"

  public mutating func setPlace(_ place: PlaceValue, typed: String) -> [WalkEvent] {
    // The walk already asked the place: the new one replaces that answer, so the path, a local
    // protocol and the contacts follow it.
    if let asked = session.state.path.last(where: { $0.kind == .place && $0.answer != nil }),
      case .success(let events) = answer(asked.stepID, .place(place), changeReason: Self.placeChangeReason)
    {
      return events
    }
    presetPlace = (place, typed)
    var events: [WalkEvent] = [.journal(.place(PlaceEvent(typed: typed, place: place)))]
    events += applyPresetPlace()
    return events
  }

  /// Answers the pending `place` step with the place given at start, once.
  private mutating func applyPresetPlace() -> [WalkEvent] {
    guard let preset = presetPlace, let pending = session.state.pending, pending.kind == .place else { return [] }
    presetPlace = nil
    return events(for: session.answer(pending.id, .place(preset.place)))
  }

  public var stepPath: [String]? { session.state.pathIDs }

  public func number(forVariable name: String) -> Double? {
    session.state.number(forVariable: name, in: definition)
  }

  /// Journal events for what the session reports.
  private func events(for changes: [WalkChange], changeReason: String? = nil) -> [WalkEvent] {
    // Steps this answer or change took off the path or put back: recorded with it.
    var move = PathMove()
    for change in changes {
      if case .setAside(let step, _) = change { move.setAside.append(step) }
      if case .restored(let step, _) = change { move.restored.append(step) }
    }
    let moved = move.isEmpty ? nil : move
    return changes.flatMap { change -> [WalkEvent] in
      switch change {
      case .answered(let id, let value):
        let step = session.step(id)
        let question = step?.text ?? id
        let label = step.map { Self.label(value, for: $0) } ?? value.displayText
        var placeValue: PlaceValue?
        if case .place(let place) = value { placeValue = place }
        let answer = WalkEvent.journal(
          .answer(
            AnswerEvent(
              step: id, kind: step?.kind.rawValue, question: question, value: Self.text(value), label: label,
              place: placeValue, moved: moved)))
        // A place answer also sets the case's place.
        guard let placeValue else { return [answer] }
        return [answer, .journal(.place(PlaceEvent(typed: placeValue.label, place: placeValue, step: id)))]
      case .changed(let id, let from, let to):
        let step = session.step(id)
        var placeValue: PlaceValue?
        if case .place(let place) = to { placeValue = place }
        return [
          .journal(
            .change(
              ChangeEvent(
                step: id, question: step?.text ?? id, from: Self.text(from),
                fromLabel: step.map { Self.label(from, for: $0) }, to: Self.text(to),
                toLabel: step.map { Self.label(to, for: $0) } ?? to.displayText, place: placeValue,
                reason: changeReason ?? Self.defaultChangeReason, moved: moved)))
        ]
      case .protocolSwitched(let from, let to, let departement):
        return [
          .journal(
            .protocolSwitch(
              ProtocolSwitchEvent(
                from: reference(from), to: reference(to),
                reason: departement.map { "lieu dans le \($0) : protocole local" })))
        ]
      case .dispositionGathered(let code, _, let step):
        return [.dispositionGathered(code: code, step: step)]
      case .dispositionDropped(let code):
        return [.journal(.dispositionWithdrawn(DispositionWithdrawnEvent(code: code, reason: "une réponse a changé")))]
      case .levelRaised(let from, let to, let reason):
        return [.journal(.levelRaise(LevelRaiseEvent(from: from, to: to, reason: reason)))]
      case .unanswered, .setAside, .restored, .levelChanged, .rejected:
        return [.moved]
      }
    }
  }

  private func reference(_ id: String) -> ProtocolReference {
    let definition = session.library.protocolDefinition(id)
    return ProtocolReference(id: id, version: definition?.version ?? "", title: definition?.title)
  }

  /// The answer as people read it: option labels, « Oui », « 15 ans », the place's label.
  static func label(_ value: AnswerValue, for step: Step, language: Language = .fr) -> String {
    let words = RepereBundle.AnswerLabel.Words(
      yes: Chrome.yes(language), no: Chrome.no(language), unknown: Chrome.unknownOption(language),
      read: language == .fr ? "lu" : "read")
    return RepereBundle.AnswerLabel.text(value, for: step, words: words)
  }

  /// The labels of a checklist answer, in the protocol's order (empty for other answers).
  static func tickedLabels(_ value: AnswerValue, for step: Step) -> [String] {
    guard case .set(let values) = value else { return [] }
    return RepereBundle.AnswerLabel.ticked(values, for: step)
  }

  public func label(_ input: AnswerInput, stepID: String) -> String {
    let value = Self.value(from: input)
    guard let step = session.step(stepID) else { return value.displayText }
    return Self.label(value, for: step, language: displayLanguage)
  }

  static func text(_ value: AnswerValue) -> AnswerText {
    switch value {
    case .bool(let yes): .bool(yes)
    case .choice(let option): .text(option)
    case .set(let values): .list(values)
    case .number(let number): .number(number)
    case .place(let place): .text(place.communeCode ?? place.departement)
    case .text(let text): .text(text)
    case .unknown: .unknown
    }
  }

  static func value(from input: AnswerInput) -> AnswerValue {
    switch input {
    case .bool(let yes): .bool(yes)
    case .choice(let option): .choice(option)
    case .multi(let values): .checklist(values)
    case .number(let number): .number(number)
    case .text(let text): .text(text)
    case .place(let place): .place(place)
    case .unknown: .unknown
    case .acknowledged: .bool(true)
    }
  }

  static func input(from value: AnswerValue) -> AnswerInput {
    switch value {
    case .bool(let yes): .bool(yes)
    case .choice(let option): .choice(option)
    case .set(let values): .multi(Set(values))
    case .number(let number): .number(number)
    case .place(let place): .place(place)
    case .text(let text): .text(text)
    case .unknown: .unknown
    }
  }
}

extension RulesCaseWalker {
  /// The walker of a suspended case, rebuilt from its journal: the answers as they stand (place
  /// answers with the place they resolved to), the raised level and the changed marks.
  public init(
    resuming record: RecordedCase, library: ProtocolLibrary, fallbackProtocolID: String, today: CalendarDay,
    displayLanguage: Language = .fr
  ) {
    let recorded = record.opening?.protocolInForce.id
    let protocolID = recorded.flatMap { library.protocolDefinition($0) == nil ? nil : $0 } ?? fallbackProtocolID
    var answers: [String: AnswerValue] = [:]
    for answer in record.answers {
      let kind = answer.kind ?? Self.stepKind(answer.step, in: library)?.rawValue
      if let value = Self.value(of: answer, kind: kind) { answers[answer.step] = value }
    }
    var session = CaseSession(library: library, protocolID: protocolID, answers: answers)
    if let raise = record.levelRaises.last {
      _ = try? session.raiseLevel(to: raise.event.to, reason: raise.event.reason)
    }
    self.init(session: session, today: today, displayLanguage: displayLanguage)
    changedSteps = Set(record.answers.filter(\.changed).map(\.step))
    // A place given with `p` before (or without) a place question comes back with the case.
    if session.state.place == nil, let place = record.place {
      presetPlace = (place.place, place.typed)
    }
  }

  private static func stepKind(_ id: String, in library: ProtocolLibrary) -> StepKind? {
    for protocolID in library.ids {
      if let step = library.protocolDefinition(protocolID)?.step(id) { return step.kind }
    }
    return nil
  }

  /// An answer as the journal wrote it, back into the rules' value.
  static func value(of answer: RecordedCase.Answer, kind: String?) -> AnswerValue? {
    switch answer.value {
    case .bool(let yes): return .bool(yes)
    case .number(let number): return .number(number)
    case .list(let values): return .checklist(values)
    case .unknown: return .unknown
    case .text(let text):
      if let place = answer.place { return .place(place) }
      switch kind {
      case "choice": return .choice(text)
      case "place": return nil  // a place without its resolution cannot be trusted again
      default: return .text(text)
      }
    }
  }
}
