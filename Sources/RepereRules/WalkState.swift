import RepereBase

/// One step the walk passed (or is waiting at), with its answer when it has one.
public struct PathEntry: Sendable, Hashable {
  public var stepID: String
  public var kind: StepKind
  /// The answer (questions), the acknowledgement (`info`, `.bool(true)`), or nil (route,
  /// outcome, an info step passed automatically).
  public var answer: AnswerValue?
  /// For a route, the index of the branch taken.
  public var routeTaken: Int?
  /// Where the walk went next (nil for an outcome).
  public var next: String?

  public init(stepID: String, kind: StepKind, answer: AnswerValue? = nil, routeTaken: Int? = nil, next: String? = nil) {
    self.stepID = stepID
    self.kind = kind
    self.answer = answer
    self.routeTaken = routeTaken
    self.next = next
  }
}

/// A disposition the case gathered, with the step that added it and why.
public struct GatheredDisposition: Sendable, Hashable {
  public var code: String
  public var disposition: Disposition
  /// The step that added it: an `outcome`, or a step whose `recommend` held.
  public var stepID: String
  public var explanation: DispositionExplanation

  /// Brought by a hand-raised level rather than by the protocol's steps.
  public var isFromRaise: Bool { explanation.raiseReason != nil }

  public init(code: String, disposition: Disposition, stepID: String, explanation: DispositionExplanation) {
    self.code = code
    self.disposition = disposition
    self.stepID = stepID
    self.explanation = explanation
  }
}

/// A hand-raised level, with the reason the professional gave.
public struct LevelRaise: Sendable, Hashable, Codable {
  public var level: String
  public var reason: String

  public init(level: String, reason: String) {
    self.level = level
    self.reason = reason
  }
}

/// Why a walk stopped before an outcome although nothing is pending (a broken protocol;
/// `check` reports these statically).
public enum WalkProblem: Sendable, Hashable {
  /// A reference to a step the protocol lacks.
  case missingStep(String, from: String)
  /// The walk came back to a step it had passed.
  case loop(at: String)
  /// A step without a way on (no `next`, no matching route).
  case deadEnd(at: String)
  /// An outcome naming a disposition the protocol lacks.
  case missingDisposition(String, at: String)

  /// In French, for the person using the tool.
  public var message: String {
    switch self {
    case .missingStep(let id, let from): return "l'étape « \(from) » mène à « \(id) », absente du protocole"
    case .loop(let id): return "le parcours repasse par l'étape « \(id) » (boucle)"
    case .deadEnd(let id): return "l'étape « \(id) » ne mène nulle part"
    case .missingDisposition(let code, let id): return "l'étape « \(id) » conclut par « \(code) », absente du protocole"
    }
  }
}

/// Where a walk stands: recomputed from the answers each time (a pure function of the protocol
/// library, the answers and the raised level).
public struct WalkState: Sendable {
  /// The protocol in force (an overlay once the place selects one).
  public var protocolID: String
  /// Every step passed, in order, all kinds; the pending step is not included.
  public var path: [PathEntry]
  /// The step waiting for an answer (a question, or an `info` awaiting acknowledgement); nil
  /// when finished or stopped by a problem.
  public var pending: Step?
  /// True when the walk reached an outcome.
  public var isFinished: Bool
  public var dispositions: [GatheredDisposition]
  /// The case's level: the highest among dispositions, or the raised one when higher.
  public var level: String?
  /// The level the dispositions alone give.
  public var computedLevel: String?
  public var raise: LevelRaise?
  /// Answers of steps that are not on the path (kept, never used, reported).
  public var setAside: [String: AnswerValue]
  /// Answers that do not fit their step (wrong kind or option), by step id.
  public var invalidAnswers: [String: AnswerProblem]
  /// The case's place, from the last `place` answer on the path.
  public var place: PlaceValue?
  /// Switches between protocols made while computing this state, in order.
  public var switches: [ProtocolSwitch]
  public var problem: WalkProblem?
  public var explanation: WalkExplanation

  public init(protocolID: String) {
    self.protocolID = protocolID
    self.path = []
    self.pending = nil
    self.isFinished = false
    self.dispositions = []
    self.level = nil
    self.computedLevel = nil
    self.raise = nil
    self.setAside = [:]
    self.invalidAnswers = [:]
    self.place = nil
    self.switches = []
    self.problem = nil
    self.explanation = WalkExplanation()
  }

  /// Step ids of the path, in order.
  public var pathIDs: [String] { path.map(\.stepID) }

  /// Codes of the gathered dispositions, in the order gathered.
  public var dispositionCodes: [String] { dispositions.map(\.code) }
}

/// A switch of the protocol in force, caused by the case's place.
public struct ProtocolSwitch: Sendable, Hashable {
  public var from: String
  public var to: String
  public var departement: String?

  public init(from: String, to: String, departement: String?) {
    self.from = from
    self.to = to
    self.departement = departement
  }
}

extension WalkState {
  /// The number `variable` holds for contact rules (`age_variable`): the last answer on the path
  /// to a step that binds it. Answers set aside by a change are off the path and never count.
  public func number(forVariable variable: String, in definition: ProtocolDefinition?) -> Double? {
    for entry in path.reversed() {
      guard let step = definition?.step(entry.stepID), step.variable == variable,
        case .number(let value) = entry.answer
      else { continue }
      return value
    }
    return nil
  }
}
