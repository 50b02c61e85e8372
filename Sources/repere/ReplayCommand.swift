import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereJournal
import RepereLookup
import RepereRules

/// `repere replay JOURNAL`: re-runs a recorded case against a (possibly newer) bundle and shows
/// how the path, the dispositions and the level differ.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: HelpText.t(
      "Rejoue un dossier enregistré sur une autre version des données et montre les différences.",
      "Replays a recorded case against another version of the data and shows the differences."),
    discussion: HelpText.t(
      """
      Les réponses du journal (avec leurs modifications, dans l'ordre) et les relèvements de \
      niveau sont repassés dans les règles du dossier de données donné. Sortie 0 quand le \
      parcours, les orientations et le niveau sont identiques, 1 quand ils diffèrent.
      """,
      """
      The journal's answers (with their changes, in order) and level raises are run again \
      through the rules of the given data folder. Exit status 0 when the path, the \
      referrals and the level are identical, 1 when they differ.
      """))

  @Argument(
    help: .t(
      "Identifiant du dossier (ou son début), ou chemin d'un fichier .jsonl.",
      "Case id (or its beginning), or path of a .jsonl file."), completion: ValueCompletion.cases)
  var journal: String

  @OptionGroup var dataOptions: DataOptions

  func run() throws {
    let identical = try JournalCommand.reporting { () throws -> Bool in
      let (id, reading) = try loadJournal()
      for finding in reading.findings { JournalCommand.printError(TerminalText.sanitized(finding.description)) }
      let record = RecordedCase(caseID: id, reading: reading)
      let script = ReplayScript(record, entries: reading.entries)
      let bundle = CommandSupport.load(dataOptions)
      // A journal opened before the per-file definition recorded the legacy hash: compared with it.
      let bundleHash = try BundleFingerprint.comparable(
        to: record.opening?.bundleHash, folder: dataOptions.dataURL,
        digests: LookupCache.directory(environment: RuntimeContext.current.environment))
      let outcome = try JournalReplay.run(script, in: bundle)
      print("Dossier \(id) rejoué sur \(TerminalText.sanitized(dataOptions.dataURL.path))")
      let lines = ReplayComparison.lines(recorded: record, replayed: outcome, bundleHash: bundleHash)
      for line in lines { print(line) }
      return JournalReplay.isSame(record, outcome)
    }
    if !identical { throw ExitCode(1) }
  }

  /// A path to a journal file, or an id in the journal folder.
  private func loadJournal() throws -> (String, JournalReadResult) {
    if journal.hasSuffix(".\(JournalStore.fileExtension)") || journal.contains("/") {
      let url = URL(fileURLWithPath: journal)
      return (url.deletingPathExtension().lastPathComponent, try JournalReader.read(url))
    }
    let store = try JournalCommand.store()
    let id = try store.resolve(journal)
    return (id, try store.read(id: id))
  }
}

/// Walks a recorded case's inputs through the rules of a bundle (the seam between the journal,
/// which knows answers as text, and `RepereRules.CaseSession`).
enum JournalReplay {
  static func run(_ script: ReplayScript, in bundle: DataBundle) throws -> ReplayOutcome {
    guard let start = script.startProtocol else {
      throw RuntimeFailure("le journal n'a pas d'ouverture : protocole de départ inconnu")
    }
    let protocolID = try CommandSupport.protocolID(start.id, in: bundle)
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
  static func isSame(_ record: RecordedCase, _ outcome: ReplayOutcome) -> Bool {
    let pathSame = record.end?.event.path.map { $0 == outcome.path } ?? true
    let recordedCodes = Set(record.dispositions.map(\.event.code))
    return pathSame && recordedCodes == Set(outcome.dispositions.map(\.code)) && record.level == outcome.level
      && outcome.rejected.isEmpty && (outcome.unfinished == nil || !record.isFinished)
  }
}
