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
      guard let target = switchTarget(library: library, family: family, from: current.id, place: state.place),
        visited.insert(target.id).inserted
      else { return state }
      switches.append(ProtocolSwitch(from: current.id, to: target.id, departement: state.place?.departement))
      current = target
    }
  }

  /// The protocol a walk under `currentID` switches to once its place is `place`: the one in
  /// force for the place's département, when it is another protocol (nil otherwise). The
  /// caller refuses a protocol already walked, so switches cannot cycle.
  static func switchTarget(library: ProtocolLibrary, family: String, from currentID: String, place: PlaceValue?)
    -> ProtocolDefinition?
  {
    guard let place, let target = library.protocolFor(baseID: family, departement: place.departement),
      target.id != currentID
    else { return nil }
    return target
  }

  /// Walks one protocol, without switching.
  public static func walk(
    _ definition: ProtocolDefinition, answers: [String: AnswerValue], acknowledgeInfo: Bool = true,
    raise: LevelRaise? = nil
  ) -> WalkState {
    var run = WalkRun(definition, acknowledgeInfo: acknowledgeInfo)
    run.advance(answers: answers)
    return run.state(answers: answers, raise: raise)
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

  static func levelExplanation(_ state: WalkState, gathered: [GatheredDisposition]) -> String? {
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
