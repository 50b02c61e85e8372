import Foundation
import RepereBase
import RepereRules

/// One expectation a scenario missed.
public struct ScenarioFailure: Sendable, Hashable {
  /// What was compared: `level`, `dispositions`, `path`, `contacts`, `answer`, `walk`.
  public var aspect: String
  public var expected: String
  public var actual: String

  public init(aspect: String, expected: String, actual: String) {
    self.aspect = aspect
    self.expected = expected
    self.actual = actual
  }
}

/// The outcome of running one scenario through the walk.
public struct ScenarioResult: Sendable {
  public var scenario: Scenario
  public var failures: [ScenarioFailure]
  /// The final state, when the protocol exists.
  public var state: WalkState?
  /// Every change the run reported, in order (answers, then each scripted change).
  public var changes: [WalkChange]
  /// Contacts resolved for each disposition.
  public var contacts: [DispositionContacts]

  public var passed: Bool { failures.isEmpty }
}

/// The contacts of one gathered disposition.
public struct DispositionContacts: Sendable, Hashable {
  public var code: String
  public var matches: [ContactMatch]
  /// The queries that found no structure, named by their vocabulary labels (« Parquet »): a
  /// missing local record is said, not silently dropped.
  public var unlisted: [String]

  public init(code: String, matches: [ContactMatch], unlisted: [String] = []) {
    self.code = code
    self.matches = matches
    self.unlisted = unlisted
  }
}

extension DataBundle {
  /// Runs one scenario: its answers, then its changes in order, at its `now` (or `defaultNow`),
  /// and compares what came out with `expect`.
  public func run(_ scenario: Scenario, defaultNow: Date) -> ScenarioResult {
    var result = ScenarioResult(scenario: scenario, failures: [], state: nil, changes: [], contacts: [])
    guard library.protocolDefinition(scenario.protocolID) != nil else {
      result.failures.append(
        ScenarioFailure(aspect: "protocol", expected: scenario.protocolID, actual: "absent du dossier de données"))
      return result
    }
    let family = familySteps(of: scenario.protocolID)
    let parser = answerParser
    var answers: [String: AnswerValue] = [:]
    for answer in scenario.answers {
      switch parse(answer.stepID, answer.items, family: family, parser: parser) {
      case .success(let value): answers[answer.stepID] = value
      case .failure(let problem):
        result.failures.append(
          ScenarioFailure(
            aspect: "answer \(answer.stepID)", expected: answer.items.joined(separator: ", "),
            actual: problem.description))
      }
    }
    var session = CaseSession(
      library: library, protocolID: scenario.protocolID, answers: answers, acknowledgeInfo: true)
    for change in scenario.changes {
      switch parse(change.stepID, change.items, family: family, parser: parser) {
      case .success(let value):
        let changes = session.answer(change.stepID, value)
        result.changes += changes
        for case .rejected(let step, let reason) in changes {
          result.failures.append(
            ScenarioFailure(aspect: "change \(step)", expected: change.items.joined(separator: ", "), actual: reason))
        }
      case .failure(let problem):
        result.failures.append(
          ScenarioFailure(
            aspect: "change \(change.stepID)", expected: change.items.joined(separator: ", "),
            actual: problem.description))
      }
    }
    let state = session.state
    result.state = state
    if !state.isFinished {
      let actual =
        state.problem?.message ?? state.pending.map { "en attente d'une réponse à « \($0.id) »" } ?? "parcours inachevé"
      result.failures.append(ScenarioFailure(aspect: "walk", expected: "une issue (outcome)", actual: actual))
    }
    let expect = scenario.expect
    if let level = expect.level, level != state.level {
      result.failures.append(ScenarioFailure(aspect: "level", expected: level, actual: state.level ?? "(aucun)"))
    }
    if let dispositions = expect.dispositions, Set(dispositions) != Set(state.dispositionCodes) {
      result.failures.append(
        ScenarioFailure(
          aspect: "dispositions", expected: dispositions.sorted().joined(separator: ", "),
          actual: state.dispositionCodes.sorted().joined(separator: ", ")))
    }
    if let path = expect.path, path != state.pathIDs {
      result.failures.append(
        ScenarioFailure(
          aspect: "path", expected: path.joined(separator: " → "), actual: state.pathIDs.joined(separator: " → ")))
    }
    let now = scenario.now ?? defaultNow
    result.contacts = contacts(for: state, now: now)
    if let expected = expect.contacts, !expected.isEmpty {
      if contacts == nil {
        result.failures.append(
          ScenarioFailure(
            aspect: "contacts", expected: expected.joined(separator: ", "),
            actual: "non vérifiables : l'annuaire n'est pas chargé"))
      } else {
        let found = Set(result.contacts.flatMap { $0.matches.map(\.structureID) })
        let missing = expected.filter { !found.contains($0) }
        if !missing.isEmpty {
          result.failures.append(
            ScenarioFailure(
              aspect: "contacts", expected: expected.joined(separator: ", "),
              actual: found.sorted().joined(separator: ", ") + " (absents : \(missing.joined(separator: ", ")))"))
        }
      }
    }
    return result
  }

  /// Runs scenarios in order.
  public func run(_ scenarios: [Scenario], defaultNow: Date) -> [ScenarioResult] {
    scenarios.map { run($0, defaultNow: defaultNow) }
  }

  /// Resolves every gathered disposition's contact queries at the case's place and time; empty
  /// when no contact resolver is wired in.
  public func contacts(for state: WalkState, now: Date) -> [DispositionContacts] {
    guard let contacts else { return [] }
    let definition = library.protocolDefinition(state.protocolID)
    return state.dispositions.map { gathered in
      let found = contacts.resolve(gathered.disposition.contacts, place: state.place, now: now) {
        state.number(forVariable: $0, in: definition)
      }
      return DispositionContacts(
        code: gathered.code, matches: found.distinctMatches,
        unlisted: found.filter(\.matches.isEmpty).map { label(of: $0.query) })
    }
  }

  /// A query by its vocabulary labels.
  private func label(of query: ContactQuery) -> String {
    query.label(kindLabel: { vocabulary?.typeLabel($0) ?? $0 }, themeLabel: { vocabulary?.themeLabel($0) ?? $0 })
  }

  private func parse(_ stepID: String, _ items: [String], family: [String: Step], parser: AnswerParser) -> Result<
    AnswerValue, AnswerProblem
  > {
    guard let step = family[stepID] else {
      return .failure(AnswerProblem("aucune étape « \(stepID) » dans ce protocole"))
    }
    return parser.parse(items, for: step)
  }
}
