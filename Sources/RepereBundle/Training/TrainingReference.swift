import Foundation
import RepereBase
import RepereRules

/// The scenario's own answer to one step, as a trainer reveals it: the final value (after the
/// scenario's `changes`) and the earlier values it replaced, with their reasons.
public struct ReferenceAnswer: Sendable, Hashable {
  /// A value the scenario gave first and changed afterwards.
  public struct Correction: Sendable, Hashable {
    public var from: AnswerValue
    public var reason: String?

    public init(from: AnswerValue, reason: String?) {
      self.from = from
      self.reason = reason
    }
  }

  public var stepID: String
  public var value: AnswerValue
  /// Earlier values, oldest first (empty when the scenario never changed this answer).
  public var corrections: [Correction]
  /// False when the scenario answers the step but its final walk does not pass it (an answer
  /// given in advance, or set aside by a change).
  public var onReferencePath: Bool

  public init(stepID: String, value: AnswerValue, corrections: [Correction] = [], onReferencePath: Bool) {
    self.stepID = stepID
    self.value = value
    self.corrections = corrections
    self.onReferencePath = onReferencePath
  }
}

/// What a trainer reveals at a step: the question, the scenario's answer, the explanation (the
/// step's `help`, and the chosen option's) and the sources it cites.
public struct StepReveal: Sendable, Hashable {
  public var stepID: String
  public var kind: StepKind
  public var question: String
  /// The scenario's answer; nil when the scenario does not answer this step.
  public var answer: ReferenceAnswer?
  /// `answer` as people read it (option labels, « Oui », « 17 ans »).
  public var answerLabel: String?
  /// Each correction's earlier value as people read it, with the reason, oldest first.
  public var corrections: [CorrectionLabel]
  public var onReferencePath: Bool
  public var help: String?
  /// The help of the option the scenario chose (choice), when it has one.
  public var optionHelp: String?
  /// The sources the step cites (`why`), with their titles and addresses.
  public var sources: [SourceReference]

  /// An earlier answer as people read it, and why the scenario changed it.
  public struct CorrectionLabel: Sendable, Hashable {
    public var label: String
    public var reason: String?

    public init(label: String, reason: String?) {
      self.label = label
      self.reason = reason
    }
  }
}

/// The reference walk of a scenario, for a training session: the scenario run through its
/// protocol at its own `now`, and its answers step by step. Pure: built from the bundle.
public struct TrainingReference: Sendable {
  public let scenario: Scenario
  /// The scenario run as `repere scenario test` runs it.
  public let result: ScenarioResult
  /// The scenario's answers by step id (final values, with corrections).
  public let answers: [String: ReferenceAnswer]
  /// The case's clock: the scenario's `now`, or the default given.
  public let now: Date
  /// Problems reading the scenario's answers (unknown step, value that does not fit).
  public let answerProblems: [String]
  private let library: ProtocolLibrary
  private let family: [String: Step]

  /// Runs `scenario` in `bundle` at its `now` (or `defaultNow` when it has none).
  public init(bundle: DataBundle, scenario: Scenario, defaultNow: Date) {
    self.scenario = scenario
    self.now = scenario.now ?? defaultNow
    self.library = bundle.library
    let family = bundle.familySteps(of: scenario.protocolID)
    self.family = family
    let result = bundle.run(scenario, defaultNow: defaultNow)
    self.result = result
    let parser = bundle.answerParser
    let onPath = Set(result.state?.pathIDs ?? [])
    var answers: [String: ReferenceAnswer] = [:]
    var problems: [String] = []
    func parse(_ stepID: String, _ items: [String]) -> AnswerValue? {
      guard let step = family[stepID] else {
        problems.append("« \(stepID) » : aucune étape de ce nom dans \(scenario.protocolID)")
        return nil
      }
      switch parser.parse(items, for: step) {
      case .success(let value): return value
      case .failure(let problem):
        problems.append("« \(stepID) » : \(problem.description)")
        return nil
      }
    }
    for answer in scenario.answers {
      guard let value = parse(answer.stepID, answer.items) else { continue }
      answers[answer.stepID] = ReferenceAnswer(
        stepID: answer.stepID, value: value, onReferencePath: onPath.contains(answer.stepID))
    }
    for change in scenario.changes {
      guard let value = parse(change.stepID, change.items) else { continue }
      guard var entry = answers[change.stepID] else {
        answers[change.stepID] = ReferenceAnswer(
          stepID: change.stepID, value: value, onReferencePath: onPath.contains(change.stepID))
        continue
      }
      entry.corrections.append(.init(from: entry.value, reason: change.reason))
      entry.value = value
      answers[change.stepID] = entry
    }
    self.answers = answers
    self.answerProblems = problems
  }

  /// The reference run's final state (nil when the scenario's protocol is missing).
  public var state: WalkState? { result.state }

  /// The level to reach: the scenario's `expect.level`, else the reference run's.
  public var expectedLevel: String? { scenario.expect.level ?? state?.level }

  /// The dispositions to gather: `expect.dispositions`, else the reference run's.
  public var expectedDispositions: [String] { scenario.expect.dispositions ?? state?.dispositionCodes ?? [] }

  /// The path to walk: `expect.path`, else the reference run's.
  public var expectedPath: [String] { scenario.expect.path ?? state?.pathIDs ?? [] }

  /// The contacts that must appear: `expect.contacts`, else those the reference run resolved.
  public var expectedContacts: [String] {
    if let contacts = scenario.expect.contacts { return contacts }
    var seen = Set<String>()
    return result.contacts.flatMap { $0.matches.map(\.structureID) }.filter { seen.insert($0).inserted }
  }

  /// The name of a structure the reference run resolved, if it did.
  public func contactName(_ id: String) -> String? {
    result.contacts.lazy.flatMap(\.matches).first { $0.structureID == id }?.name
  }

  /// The scenario's answer to a step, if it gives one.
  public func answer(for stepID: String) -> ReferenceAnswer? { answers[stepID] }

  /// The step as defined in `protocolID` (the protocol in force for the group), else in the
  /// scenario's protocol family.
  public func step(_ stepID: String, protocolID: String? = nil) -> Step? {
    if let protocolID, let step = library.protocolDefinition(protocolID)?.step(stepID) { return step }
    if let inForce = state?.protocolID, let step = library.protocolDefinition(inForce)?.step(stepID) { return step }
    return family[stepID]
  }

  /// A source cited by a step, looked up in the protocol in force then the reference's.
  func source(_ id: String, protocolID: String?) -> SourceReference? {
    let candidates = [protocolID, state?.protocolID, scenario.protocolID].compactMap { $0 }
    for candidate in candidates {
      if let source = library.protocolDefinition(candidate)?.sources[id] { return source }
    }
    return nil
  }

  /// A disposition's title, from the protocol in force or the reference's.
  public func dispositionTitle(_ code: String, protocolID: String? = nil) -> String? {
    let candidates = [protocolID, state?.protocolID, scenario.protocolID].compactMap { $0 }
    for candidate in candidates {
      if let disposition = library.protocolDefinition(candidate)?.dispositions[code] { return disposition.title }
    }
    return nil
  }

  /// What the trainer reveals at `stepID`, the step read from `protocolID` (the group's
  /// protocol in force). Nil when no protocol defines the step.
  public func reveal(_ stepID: String, protocolID: String? = nil) -> StepReveal? {
    guard let step = step(stepID, protocolID: protocolID) else { return nil }
    let answer = answers[stepID]
    var optionHelp: String?
    if case .choice(let value) = answer?.value { optionHelp = step.option(value)?.help }
    let sources = step.why.map { id in source(id, protocolID: protocolID) ?? SourceReference(id: id, title: id) }
    return StepReveal(
      stepID: stepID, kind: step.kind, question: step.text ?? stepID, answer: answer,
      answerLabel: answer.map { AnswerLabel.text($0.value, for: step) },
      corrections: answer?.corrections.map {
        StepReveal.CorrectionLabel(label: AnswerLabel.text($0.from, for: step), reason: $0.reason)
      } ?? [],
      onReferencePath: state?.pathIDs.contains(stepID) ?? false, help: step.help, optionHelp: optionHelp,
      sources: sources)
  }
}
