import ArgumentParser
import Foundation
import RepereApp
import RepereBase
import RepereBundle
import RepereJournal
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
    try LanguageOption.check(lang)
    let environment = ProcessInfo.processInfo.environment
    let language = Language.resolve(
      option: lang ?? RuntimeContext.current.settings.lang?.value, environment: environment)
    let setup: TrainingSetup
    do {
      setup = try TrainingSetup.load(
        data: dataOptions.dataURL, scenario: scenario, workingDirectory: RuntimeContext.current.workingDirectory)
    } catch let error as CaseSetup.SetupError {
      StartCommand.fail(error.description, code: 2)
    }
    let (bundle, services, chosen) = (setup.bundle, setup.services, setup.scenario)
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
      perform: TrainingEffects(folder: RuntimeContext.current.workingDirectory).perform)
    let ending = runtime.run((state, []))
    screen.stop()
    if case .signal(let number) = ending { throw ExitCode(128 + number) }
  }
}
