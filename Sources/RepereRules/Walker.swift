import RepereBase

/// Computes a walk from a protocol and answers: a pure function, so going back or changing an
/// answer is just walking again. Answers are keyed by step id.
public enum Walker {
  /// Walks `protocolID` of the library, switching to the overlay of the place's département
  /// whenever a `place` answer selects one (answers kept, path recomputed from the overlay's
  /// start).
  ///
  /// `acknowledgeInfo`: when true, `info` steps are passed without an answer (scenarios,
  /// `repere walk`); when false, a pending `info` step waits for `.bool(true)` (the UI).
  public static func walk(
    library: ProtocolLibrary, protocolID: String, answers: [String: AnswerValue], acknowledgeInfo: Bool = true,
    raise: LevelRaise? = nil
  ) -> WalkState {
    guard var current = library.protocolDefinition(protocolID) else {
      var state = WalkState(protocolID: protocolID)
      state.problem = .missingStep(protocolID, from: "(protocole)")
      return state
    }
    let family = library.root(of: protocolID)
    var switches: [ProtocolSwitch] = []
    var visited: Set<String> = [current.id]
    while true {
      var state = walk(current, answers: answers, acknowledgeInfo: acknowledgeInfo, raise: raise)
      state.switches = switches
      guard let place = state.place,
        let target = library.protocolFor(baseID: family, departement: place.departement),
        target.id != current.id, visited.insert(target.id).inserted
      else { return state }
      switches.append(ProtocolSwitch(from: current.id, to: target.id, departement: place.departement))
      current = target
    }
  }

  /// Walks one protocol, without switching.
  public static func walk(
    _ definition: ProtocolDefinition, answers: [String: AnswerValue], acknowledgeInfo: Bool = true,
    raise: LevelRaise? = nil
  ) -> WalkState {
    var state = WalkState(protocolID: definition.id)
    var context = EvaluationContext()
    var passed = Set<String>()
    var decisions: [Decision] = []
    var gathered: [GatheredDisposition] = []
    var current: String? = definition.start
    var previous = "(début)"

    func gather(_ code: String, from step: Step, condition: Condition?, isOutcome: Bool) {
      guard !gathered.contains(where: { $0.code == code }) else { return }
      guard let disposition = definition.dispositions[code] else {
        if isOutcome { state.problem = .missingDisposition(code, at: step.id) }
        return
      }
      let explanation = DispositionExplanation(
        code: code, level: disposition.level, stepID: step.id, isOutcome: isOutcome, condition: condition?.source,
        reads: condition?.expression.map { reads(of: $0, in: context) } ?? [], decisions: decisions)
      gathered.append(
        GatheredDisposition(code: code, disposition: disposition, stepID: step.id, explanation: explanation))
    }

    func recommend(_ step: Step) {
      for recommendation in step.recommend {
        if let condition = recommendation.condition {
          guard let expression = condition.expression, ExpressionEvaluator.holds(expression, in: context) else {
            continue
          }
        }
        gather(recommendation.disposition, from: step, condition: recommendation.condition, isOutcome: false)
      }
    }

    while let id = current {
      guard let step = definition.step(id) else {
        state.problem = .missingStep(id, from: previous)
        break
      }
      guard passed.insert(id).inserted else {
        state.problem = .loop(at: id)
        break
      }
      previous = id
      var entry = PathEntry(stepID: id, kind: step.kind)
      switch step.kind {
      case .yesno, .choice, .multi, .number, .place, .text:
        guard let given = answers[id] else {
          state.pending = step
          current = nil
          continue
        }
        let answer: AnswerValue
        switch AnswerParser.validate(given, for: step) {
        case .success(let valid): answer = valid
        case .failure(let problem):
          state.invalidAnswers[id] = problem
          state.pending = step
          current = nil
          continue
        }
        entry.answer = answer
        context.values[step.variable] = answer
        if step.kind == .multi {
          context.weights[step.variable] = Dictionary(step.options.map { ($0.value, $0.weight) }) { first, _ in first }
        }
        if case .place(let place) = answer { context.place = place }
        entry.next = next(after: step, answer: answer)
        decisions.append(Decision(stepID: id, kind: step.kind, question: step.text, answer: answer, next: entry.next))
        recommend(step)
      case .info:
        if !acknowledgeInfo {
          guard answers[id] == .bool(true) else {
            state.pending = step
            current = nil
            continue
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
          decisions.append(
            Decision(
              stepID: id, kind: .route, condition: route.condition?.source,
              reads: route.condition?.expression.map { reads(of: $0, in: context) } ?? [], next: route.next))
          break
        }
        recommend(step)
      case .outcome:
        recommend(step)
        if let code = step.disposition { gather(code, from: step, condition: nil, isOutcome: true) }
        state.isFinished = state.problem == nil
      }
      state.path.append(entry)
      if step.kind != .outcome, entry.next == nil {
        state.problem = .deadEnd(at: id)
      }
      current = entry.next
    }

    let onPath = Set(state.path.map(\.stepID))
    state.setAside = answers.filter { !onPath.contains($0.key) && $0.key != state.pending?.id }
    state.place = context.place
    state.dispositions = gathered
    state.computedLevel = definition.highestLevel(among: gathered.map(\.disposition.level))
    state.raise = raise
    state.level = state.computedLevel
    if let raise, definition.rank(ofLevel: raise.level) != nil {
      state.level = definition.highestLevel(among: [raise.level] + (state.computedLevel.map { [$0] } ?? []))
    }
    state.explanation = WalkExplanation(
      decisions: decisions, dispositions: gathered.map(\.explanation),
      level: levelExplanation(state, gathered: gathered))
    return state
  }

  /// Where a question leads with this answer.
  public static func next(after step: Step, answer: AnswerValue) -> String? {
    if answer == .unknown { return step.unknownNext }
    switch (step.kind, answer) {
    case (.yesno, .bool(let value)): return value ? step.yes : step.no
    case (.choice, .choice(let value)): return step.option(value)?.next ?? step.next
    default: return step.next
    }
  }

  /// « variable = valeur » for every variable a condition reads.
  static func reads(of expression: Expression, in context: EvaluationContext) -> [String] {
    var seen = Set<String>()
    return expression.variables.compactMap { name in
      guard seen.insert(name).inserted else { return nil }
      return "\(name) = \(context.value(of: name)?.displayText ?? "sans réponse")"
    }
  }

  private static func levelExplanation(_ state: WalkState, gathered: [GatheredDisposition]) -> String? {
    guard let level = state.level else { return nil }
    var text = "Niveau : \(level)"
    if !gathered.isEmpty {
      let listed = gathered.map { "\($0.code) (\($0.disposition.level))" }.joined(separator: ", ")
      text += " — le plus élevé parmi \(listed)"
    }
    if let raise = state.raise, raise.level == level, level != state.computedLevel {
      text += "; relevé à la main depuis \(state.computedLevel ?? "aucun niveau") : « \(raise.reason) »"
    }
    return text
  }
}
