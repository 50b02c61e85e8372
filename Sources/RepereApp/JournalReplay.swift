import RepereBase
import RepereBundle
import RepereJournal
import RepereRules

/// Walks a recorded case's inputs through the rules of a bundle (the seam between the journal,
/// which knows answers as text, and `RepereRules.CaseSession`).
public enum JournalReplay {
  /// The recorded answers and level raises, in order, through the bundle's rules.
  public static func run(_ script: ReplayScript, in bundle: DataBundle) throws -> ReplayOutcome {
    guard let start = script.startProtocol else {
      throw RuntimeFailure("le journal n'a pas d'ouverture : protocole de départ inconnu")
    }
    let protocolID = try bundle.requireProtocol(start.id)
    let steps = bundle.familySteps(of: protocolID)
    let parser = bundle.answerParser
    var answers: [String: AnswerValue] = [:]
    var raises: [(level: String, reason: String)] = []
    var rejected: [String] = []
    for input in script.steps {
      switch input {
      case .answer(let stepID, let text, let place), .change(let stepID, let text, let place, _):
        guard let step = steps[stepID] else {
          rejected.append("\(stepID) : cette étape n'existe plus dans « \(protocolID) »")
          continue
        }
        switch value(text, place: place, for: step, parser: parser) {
        case .success(let value): answers[stepID] = value
        case .failure(let problem):
          answers[stepID] = nil
          rejected.append("\(stepID) = \(text.specText) : \(problem.description)")
        }
      case .raise(let level, let reason):
        raises.append((level, reason))
      }
    }
    var session = CaseSession(library: bundle.library, protocolID: protocolID, answers: answers, acknowledgeInfo: true)
    for raise in raises {
      do {
        try session.raiseLevel(to: raise.level, reason: raise.reason)
      } catch {
        rejected.append("niveau relevé à « \(raise.level) » : \(error)")
      }
    }
    let state = session.state
    let definition = bundle.library.protocolDefinition(state.protocolID)
    var unfinished: String?
    if !state.isFinished {
      unfinished =
        state.problem?.message ?? state.pending.map { "en attente d'une réponse à « \($0.id) »" } ?? "sans issue"
    }
    return ReplayOutcome(
      protocolInForce: ProtocolReference(
        id: state.protocolID, version: definition?.version ?? "", title: definition?.title),
      path: state.pathIDs,
      dispositions: state.dispositions.map { .init(code: $0.code, level: $0.disposition.level) },
      level: state.level, rejected: rejected, unfinished: unfinished)
  }

  /// The recorded answer as a value for `step`: a recorded place is taken as resolved then (the
  /// replay tests the rules, not the place search); everything else goes through the parser of
  /// the spec's text form, which also checks it against the new step.
  private static func value(_ text: AnswerText, place: PlaceValue?, for step: Step, parser: AnswerParser)
    -> Result<AnswerValue, AnswerProblem>
  {
    if let place, step.kind == .place { return parser.validate(.place(place), for: step) }
    switch text {
    case .unknown: return parser.validate(.unknown, for: step)
    case .list(let values): return parser.parse(values, for: step)
    case .bool, .number, .text: return parser.parse([text.specText], for: step)
    }
  }

  /// True when the replay ends where the case did: same path (when recorded), dispositions and level.
  public static func isSame(_ record: RecordedCase, _ outcome: ReplayOutcome) -> Bool {
    let pathSame = record.end?.event.path.map { $0 == outcome.path } ?? true
    let recordedCodes = Set(record.dispositions.map(\.event.code))
    return pathSame && recordedCodes == Set(outcome.dispositions.map(\.code)) && record.level == outcome.level
      && outcome.rejected.isEmpty && (outcome.unfinished == nil || !record.isFinished)
  }
}
