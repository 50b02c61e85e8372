import RepereBase

/// The walk of one protocol as a machine: it walks from `start` until a step waits for an
/// answer it does not have, and resumes from there when given more answers. `Walker` runs it
/// once from scratch; path enumeration (`FeasiblePaths`) resumes it answer by answer and
/// rewinds it to a `Mark` to try the next answer, so both share one implementation of the
/// walk's semantics.
struct WalkRun: Sendable {
  /// What `rewind(to:)` restores.
  struct Mark: Sendable {
    fileprivate var pathCount: Int
    fileprivate var decisionCount: Int
    fileprivate var gatheredCount: Int
    fileprivate var undoCount: Int
    fileprivate var current: String?
    fileprivate var previous: String
    fileprivate var isWaiting: Bool
    fileprivate var problem: WalkProblem?
    fileprivate var isFinished: Bool
  }

  /// A write to the evaluation context or the invalid answers, with the value it replaced.
  private enum Undo: Sendable {
    case value(String, AnswerValue?)
    case weights(String, [String: Double]?)
    case place(PlaceValue?)
    case invalid(String, AnswerProblem?)
  }

  let definition: ProtocolDefinition
  let acknowledgeInfo: Bool
  /// When false, decisions and explanations are not recorded (enumeration needs codes only).
  let explains: Bool
  private(set) var context = EvaluationContext()
  /// By position in `definition.steps`: passed already (a second pass is a loop).
  private var passed: [Bool]
  private(set) var path: [PathEntry] = []
  /// The position in `definition.steps` of each step of `path`.
  private var positions: [Int] = []
  /// Entries of `path` that carry an answer.
  private(set) var answeredCount = 0
  private(set) var decisions: [Decision] = []
  private(set) var gathered: [GatheredDisposition] = []
  /// The step to walk next: the pending one while stopped on it; nil once ended.
  private(set) var current: String?
  private(set) var previous = "(début)"
  /// True while stopped on `current`, waiting for its answer.
  private(set) var isWaiting = false
  private(set) var invalidAnswers: [String: AnswerProblem] = [:]
  private(set) var problem: WalkProblem?
  private(set) var isFinished = false
  private var undo: [Undo] = []

  init(_ definition: ProtocolDefinition, acknowledgeInfo: Bool, explains: Bool = true) {
    self.definition = definition
    self.acknowledgeInfo = acknowledgeInfo
    self.explains = explains
    self.current = definition.start
    self.passed = [Bool](repeating: false, count: definition.steps.count)
  }

  /// The step waiting for an answer.
  var pending: Step? { isWaiting ? current.flatMap { definition.step($0) } : nil }

  /// True when the walk cannot go further: an outcome, a problem.
  var hasEnded: Bool { current == nil || problem != nil || isFinished }

  /// Walks on from where the run stopped with `answers` (by step id) until a step waits for an
  /// answer, an outcome ends the walk, or a problem stops it.
  mutating func advance(answers: [String: AnswerValue]) {
    isWaiting = false
    while let id = current, problem == nil, !isFinished {
      guard let position = definition.position(ofStep: id) else {
        problem = .missingStep(id, from: previous)
        return
      }
      guard !passed[position] else {
        problem = .loop(at: id)
        return
      }
      let step = definition.steps[position]
      previous = id
      var entry = PathEntry(stepID: id, kind: step.kind)
      switch step.kind {
      case .yesno, .choice, .multi, .number, .place, .text:
        guard let given = answers[id] else {
          isWaiting = true
          return
        }
        let answer: AnswerValue
        switch AnswerParser.validate(given, for: step) {
        case .success(let valid): answer = valid
        case .failure(let invalid):
          undo.append(.invalid(id, invalidAnswers[id]))
          invalidAnswers[id] = invalid
          isWaiting = true
          return
        }
        entry.answer = answer
        bind(step, answer)
        entry.next = Walker.next(after: step, answer: answer)
        if explains {
          decisions.append(
            Decision(stepID: id, kind: step.kind, question: step.text, answer: answer, next: entry.next))
        }
        recommend(step)
      case .info:
        if !acknowledgeInfo {
          guard answers[id] == .bool(true) else {
            isWaiting = true
            return
          }
          entry.answer = .bool(true)
        }
        entry.next = step.next
        recommend(step)
      case .route:
        for (index, route) in step.routes.enumerated() {
          let holds = route.condition.map { condition in
            condition.expression.map { ExpressionEvaluator.holds($0, in: context) } ?? false
          }
          guard holds ?? true else { continue }
          entry.routeTaken = index
          entry.next = route.next
          if explains {
            decisions.append(
              Decision(
                stepID: id, kind: .route, condition: route.condition?.source,
                reads: route.condition?.expression.map { Walker.reads(of: $0, in: context) } ?? [],
                next: route.next))
          }
          break
        }
        recommend(step)
      case .outcome:
        recommend(step)
        if let code = step.disposition { gather(code, from: step, condition: nil, isOutcome: true) }
        isFinished = problem == nil
      }
      passed[position] = true
      positions.append(position)
      if entry.answer != nil { answeredCount += 1 }
      path.append(entry)
      if step.kind != .outcome, entry.next == nil {
        problem = .deadEnd(at: id)
      }
      current = entry.next
    }
  }

  /// A mark to come back to with `rewind(to:)`.
  func mark() -> Mark {
    Mark(
      pathCount: path.count, decisionCount: decisions.count, gatheredCount: gathered.count, undoCount: undo.count,
      current: current, previous: previous, isWaiting: isWaiting, problem: problem, isFinished: isFinished)
  }

  /// Undoes everything walked since `mark` (taken on this run).
  mutating func rewind(to mark: Mark) {
    while undo.count > mark.undoCount, let last = undo.popLast() {
      switch last {
      case .value(let name, let old): context.values[name] = old
      case .weights(let name, let old): context.weights[name] = old
      case .place(let old): context.place = old
      case .invalid(let id, let old): invalidAnswers[id] = old
      }
    }
    if path.count > mark.pathCount {
      for position in positions[mark.pathCount...] { passed[position] = false }
      for entry in path[mark.pathCount...] where entry.answer != nil { answeredCount -= 1 }
      path.removeLast(path.count - mark.pathCount)
      positions.removeLast(positions.count - mark.pathCount)
    }
    decisions.removeLast(decisions.count - mark.decisionCount)
    gathered.removeLast(gathered.count - mark.gatheredCount)
    current = mark.current
    previous = mark.previous
    isWaiting = mark.isWaiting
    problem = mark.problem
    isFinished = mark.isFinished
  }

  /// The walk as a `WalkState` (answers given are needed to list those set aside).
  func state(answers: [String: AnswerValue], raise: LevelRaise?) -> WalkState {
    var state = WalkState(protocolID: definition.id)
    state.path = path
    let pending = pending
    state.pending = pending
    state.isFinished = isFinished
    state.invalidAnswers = invalidAnswers
    state.problem = problem
    let onPath = Set(path.map(\.stepID))
    state.setAside = answers.filter { !onPath.contains($0.key) && $0.key != pending?.id }
    state.place = context.place
    // Contact queries with a `when` are kept only when it holds on the answers as they stand.
    state.dispositions = gathered.map { entry in
      var kept = entry
      kept.disposition = entry.disposition.keepingContacts(in: context)
      return kept
    }
    state.computedLevel = definition.highestLevel(among: gathered.map(\.disposition.level))
    state.raise = raise
    state.level = state.computedLevel
    if let raise, definition.rank(ofLevel: raise.level) != nil {
      state.level = definition.highestLevel(among: [raise.level] + (state.computedLevel.map { [$0] } ?? []))
      if let brought = raisedDisposition(raise, at: pending?.id) {
        state.dispositions.append(brought)
      }
    }
    state.explanation = WalkExplanation(
      decisions: decisions, dispositions: state.dispositions.map(\.explanation),
      level: Walker.levelExplanation(state, gathered: gathered))
    return state
  }

  /// The disposition of the raised level (`ProtocolDefinition.dispositionCode(forLevel:)`): a
  /// raised level brings its own actions and contacts, and keeps them while the raise stands
  /// (answers reaching that level another way do not take the 17 / 112 away). Recorded at the
  /// step where the walk stands.
  private func raisedDisposition(_ raise: LevelRaise, at pendingID: String?) -> GatheredDisposition? {
    guard let code = definition.dispositionCode(forLevel: raise.level), let disposition = definition.dispositions[code],
      !gathered.contains(where: { $0.code == code })
    else { return nil }
    let stepID = pendingID ?? path.last?.stepID ?? definition.start
    let explanation = DispositionExplanation(
      code: code, level: disposition.level, stepID: stepID, isOutcome: false, raiseReason: raise.reason)
    return GatheredDisposition(code: code, disposition: disposition, stepID: stepID, explanation: explanation)
  }

  private mutating func bind(_ step: Step, _ answer: AnswerValue) {
    undo.append(.value(step.variable, context.values[step.variable]))
    context.values[step.variable] = answer
    if step.kind == .multi {
      undo.append(.weights(step.variable, context.weights[step.variable]))
      context.weights[step.variable] = Dictionary(step.options.map { ($0.value, $0.weight) }) { first, _ in first }
    }
    if case .place(let place) = answer {
      undo.append(.place(context.place))
      context.place = place
    }
  }

  private mutating func recommend(_ step: Step) {
    for recommendation in step.recommend {
      if let condition = recommendation.condition {
        guard let expression = condition.expression, ExpressionEvaluator.holds(expression, in: context) else {
          continue
        }
      }
      gather(recommendation.disposition, from: step, condition: recommendation.condition, isOutcome: false)
    }
  }

  private mutating func gather(_ code: String, from step: Step, condition: Condition?, isOutcome: Bool) {
    guard !gathered.contains(where: { $0.code == code }) else { return }
    guard let disposition = definition.dispositions[code] else {
      if isOutcome { problem = .missingDisposition(code, at: step.id) }
      return
    }
    let explanation = DispositionExplanation(
      code: code, level: disposition.level, stepID: step.id, isOutcome: isOutcome, condition: condition?.source,
      reads: explains ? condition?.expression.map { Walker.reads(of: $0, in: context) } ?? [] : [],
      decisions: explains ? decisions : [])
    gathered.append(
      GatheredDisposition(code: code, disposition: disposition, stepID: step.id, explanation: explanation))
  }
}
