import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereLookup
import RepereRules
import RepereTerminal
import RepereUI

/// `repere train SCENARIO`: a training session. The vignette first, then the group walks the
/// protocol (the trainer types what it chose), with the reference answer revealed on demand,
/// and a debrief comparing the group's walk with the scenario's. Nothing goes to the journal.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: HelpText.t(
      "Séance de formation : rejoue un scénario pas à pas, puis le débriefe.",
      "Training session: replays a scenario step by step, then debriefs it."),
    discussion: HelpText.t(
      """
      L'horloge de la séance part du « now » du scénario (horaires d'ouverture, dates de validité).
      Touches : Entrée commence le parcours après la vignette ; r (F8) révèle la réponse de
      référence de l'étape, avec son explication et ses sources ; d (F12) ouvre le débriefing ;
      v (F11) revient à la vignette ; e exporte le débriefing (depuis le débriefing) ; les autres
      touches sont celles de l'assistant (? pour l'aide).
      """,
      """
      The session's clock starts at the scenario's « now » (opening hours, validity dates).
      Keys: Enter starts the path after the vignette; r (F8) reveals the step's reference
      answer, with its explanation and sources; d (F12) opens the debriefing;
      v (F11) goes back to the vignette; e exports the debriefing (from the debriefing); the other
      keys are the assistant's (? for help).
      """))

  @Argument(
    help: .t(
      "Identifiant du scénario (voir « repere scenario list »), ou son fichier.",
      "Scenario id (see « repere scenario list »), or its file."),
    completion: ValueCompletion.scenarios)
  var scenario: String

  @OptionGroup var dataOptions: DataOptions

  @Flag(
    name: .long,
    help: .t(
      "Mode vidéoprojecteur : plus d'espace, pas de chronomètre, pas de notes.",
      "Projector mode: more space, no timer, no notes."))
  var presenter = false

  @Option(
    name: .long,
    help: .t(
      "Langue de l'interface : fr (défaut) ou en.",
      "Interface language: fr (default) or en."), completion: ValueCompletion.languages)
  var lang: String?

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let language = Language.resolve(
      option: lang ?? RuntimeContext.current.settings.lang?.value, environment: environment)
    let (bundle, services) = Self.load(dataOptions.dataURL)
    let chosen = try Self.find(scenario, in: bundle)
    guard bundle.library.protocolDefinition(chosen.protocolID) != nil else {
      StartCommand.fail(
        "repere : le scénario « \(chosen.id) » suit le protocole « \(chosen.protocolID) », absent du dossier de données",
        code: 2)
    }
    if let problem = TerminalCheck.problem(
      environment: environment, stdinIsTerminal: isatty(STDIN_FILENO) == 1,
      stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, language: language)
    {
      StartCommand.fail(problem, code: 3)
    }
    let reference = TrainingReference(bundle: bundle, scenario: chosen, defaultNow: Date())
    let walker = RulesCaseWalker(
      session: CaseSession(library: bundle.library, protocolID: chosen.protocolID),
      today: CalendarDay(reference.now))
    let screen: CursesScreen
    do {
      screen = try CursesScreen(environment: environment, language: language, mouse: false)
    } catch {
      StartCommand.fail(String(describing: error), code: 3)
    }
    let state = TrainingProgram.start(
      reference: reference, walker: walker, services: services, language: language, size: screen.size,
      presenter: presenter)
    // The session's clock starts at the scenario's `now` and runs with the wall clock.
    let origin = reference.now
    let wallStart = Date()
    let runtime = TerminalRuntime(
      screen: screen, clock: { TrainingProgram.sessionTime(origin: origin, wallStart: wallStart, wallNow: Date()) },
      perform: TrainingEffects.perform)
    let ending = runtime.run((state, []))
    screen.stop()
    if case .signal(let number) = ending { throw ExitCode(128 + number) }
  }

  /// The whole bundle (the scenario's reference run needs its places and contacts) and the
  /// interface's services; any error in the data stops here, before the terminal is taken.
  static func load(_ data: URL) -> (DataBundle, AppServices) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: data.path, isDirectory: &isFolder), isFolder.boolValue else {
      StartCommand.fail("repere : dossier de données introuvable : \(data.path) (option --data)", code: 2)
    }
    let (bundle, findings) = DataBundle.load(from: data)
    let errors = findings.filter { $0.severity == .error }
    guard errors.isEmpty else {
      let lines = errors.prefix(20).map { TerminalText.sanitized($0.description) }.joined(separator: "\n")
      StartCommand.fail("repere : les données contiennent des erreurs (voir « repere check ») :\n\(lines)", code: 2)
    }
    return (bundle, AppServices(bundle: bundle))
  }

  /// The scenario with this id, or whose file (relative to the data folder) is this path.
  static func find(_ name: String, in bundle: DataBundle) throws -> Scenario {
    if let scenario = bundle.scenarios.first(where: { $0.id == name }) { return scenario }
    let root = bundle.root.standardizedFileURL.resolvingSymlinksInPath().path
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let path = URL(fileURLWithPath: name, relativeTo: current).standardizedFileURL.resolvingSymlinksInPath().path
    let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : name
    if let scenario = bundle.scenarios.first(where: { $0.file == relative || $0.file == name }) { return scenario }
    let ids = bundle.scenarios.map(\.id)
    let hint = Suggestion.closest(to: name, among: ids).map { " — vouliez-vous dire « \($0) » ?" } ?? ""
    let list = ids.isEmpty ? "aucun scénario dans ce dossier" : "voir « repere scenario list »"
    throw RuntimeFailure("scénario « \(TerminalText.sanitized(name)) » introuvable\(hint) (\(list))")
  }
}

/// The effects of a training session: no journal; the debrief exported to the current folder.
enum TrainingEffects {
  static func perform(_ effect: Effect, _ state: AppState) -> [Msg] {
    switch effect {
    case .journal, .quit, .resume, .saveDraft:
      return []
    case .export(let text, let name):
      let folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
      let url = freeName(name, in: folder)
      do {
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        return [.exported(path: url.path)]
      } catch {
        return [.exportFailed(String(describing: error))]
      }
    }
  }

  /// `name`, or `name-2`, `name-3`… when the file exists (never overwrite an earlier export).
  static func freeName(_ name: String, in folder: URL) -> URL {
    let base = (name as NSString).deletingPathExtension
    let ext = (name as NSString).pathExtension
    var url = folder.appendingPathComponent(name)
    var counter = 2
    while FileManager.default.fileExists(atPath: url.path) {
      url = folder.appendingPathComponent("\(base)-\(counter)" + (ext.isEmpty ? "" : ".\(ext)"))
      counter += 1
    }
    return url
  }
}
