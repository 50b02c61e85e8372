/// One decision on the path: an answer that chose a branch, a route condition that held.
public struct Decision: Sendable, Hashable {
  public var stepID: String
  public var kind: StepKind
  /// The question asked, for answers.
  public var question: String?
  public var answer: AnswerValue?
  /// The condition that held (route branch or recommendation), as written.
  public var condition: String?
  /// The values the condition read, as « variable = valeur ».
  public var reads: [String]
  /// Where the decision led.
  public var next: String?

  public init(
    stepID: String, kind: StepKind, question: String? = nil, answer: AnswerValue? = nil, condition: String? = nil,
    reads: [String] = [], next: String? = nil
  ) {
    self.stepID = stepID
    self.kind = kind
    self.question = question
    self.answer = answer
    self.condition = condition
    self.reads = reads
    self.next = next
  }

  /// One line in French: « age : 15 → signes », « orientation : age < 18 (age = 15) → signalement ».
  public var summary: String {
    var text = stepID
    if let answer { text += " : \(answer.displayText)" }
    if let condition {
      text += answer == nil ? " : « \(condition) »" : ", « \(condition) »"
      if !reads.isEmpty { text += " (\(reads.joined(separator: ", ")))" }
    } else if kind == .route {
      text += " : cas par défaut"
    }
    if let next { text += " → \(next)" }
    return text
  }
}

/// Why a disposition was gathered: the step that added it, the condition that held, and the
/// decisions on the path that led there.
public struct DispositionExplanation: Sendable, Hashable {
  public var code: String
  public var level: String
  public var stepID: String
  /// True for an `outcome`, false for a `recommend`.
  public var isOutcome: Bool
  /// The `when` of the recommendation, when it had one.
  public var condition: String?
  public var reads: [String]
  /// The decisions on the path up to the step that added the disposition.
  public var decisions: [Decision]
  /// The reason of the hand raise that brought the disposition (its level was raised above
  /// every disposition the answers gave), nil for one the protocol's steps gathered.
  public var raiseReason: String?

  public init(
    code: String, level: String, stepID: String, isOutcome: Bool, condition: String? = nil, reads: [String] = [],
    decisions: [Decision] = [], raiseReason: String? = nil
  ) {
    self.code = code
    self.level = level
    self.stepID = stepID
    self.isOutcome = isOutcome
    self.condition = condition
    self.reads = reads
    self.decisions = decisions
    self.raiseReason = raiseReason
  }

  /// In French: « signalement-procureur (signalement) : issue de l'étape orientation ».
  public var summary: String {
    var text = "\(code) (\(level)) : "
    if let raiseReason { return text + "apportée par le niveau relevé à la main (« \(raiseReason) »)" }
    text += isOutcome ? "issue de l'étape « \(stepID) »" : "recommandée à l'étape « \(stepID) »"
    if let condition {
      text += " car « \(condition) »"
      if !reads.isEmpty { text += " (\(reads.joined(separator: ", ")))" }
    }
    return text
  }
}

/// The whole explanation of a walk's result.
public struct WalkExplanation: Sendable, Hashable {
  public var decisions: [Decision]
  public var dispositions: [DispositionExplanation]
  /// How the case's level was reached, in French.
  public var level: String?

  public init(decisions: [Decision] = [], dispositions: [DispositionExplanation] = [], level: String? = nil) {
    self.decisions = decisions
    self.dispositions = dispositions
    self.level = level
  }

  /// The explanation as lines of French text.
  public var lines: [String] {
    var lines: [String] = []
    if let level { lines.append(level) }
    for disposition in dispositions {
      lines.append(disposition.summary)
      for decision in disposition.decisions { lines.append("  • \(decision.summary)") }
    }
    return lines
  }
}
