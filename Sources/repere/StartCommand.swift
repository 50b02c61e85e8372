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

/// Opens the interactive assistant (the default subcommand): the full-screen interface, or
/// with `--plain` a line-by-line mode for screen readers, dumb terminals, logs and scripts.
struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: HelpText.t(
      "Ouvre l'assistant interactif (par défaut).",
      "Opens the interactive assistant (default)."),
    discussion: HelpText.t(
      """
      Touches : chiffres pour répondre (0 : « Je ne sais pas »), ↑↓ puis Entrée, ← retour,
      c changer une réponse, / annuaire, n notes, l relever le niveau, e exporter, ? aide, q quitter.
      Pendant une saisie, les commandes passent par F1…F10 (F1 aide, F2 notes, F3 annuaire…).
      Au démarrage, r (F8) reprend un dossier interrompu tant que le nouveau n'a aucune réponse.
      """,
      """
      Keys: digits to answer (0: "I don't know"), ↑↓ then Enter, ← back,
      c change an answer, / directory, n notes, l raise the level, e export, ? help, q quit.
      While typing, commands go through F1…F10 (F1 help, F2 notes, F3 directory…).
      At start-up, r (F8) resumes an interrupted case as long as the new one has no answer.
      """))

  @OptionGroup var dataOptions: DataOptions

  @Option(
    name: .long,
    help: .t(
      "Lieu de la situation (commune, code postal ou département ; défaut : place de la configuration).",
      "Place of the situation (commune, postcode or département; default: place of the configuration)."))
  var place: String?

  @Option(
    name: .long,
    help: .t(
      "Langue de l'interface : fr (défaut) ou en ; défaut : lang de la configuration.",
      "Interface language: fr (default) or en; default: lang of the configuration."),
    completion: ValueCompletion.languages)
  var lang: String?

  @Flag(
    name: .long,
    help: .t(
      "Mode ligne à ligne (lecteurs d'écran, terminaux simples, journaux, scripts).",
      "Line-by-line mode (screen readers, simple terminals, logs, scripts)."))
  var plain = false

  @Option(
    name: .customLong("protocol"),
    help: .t(
      "Identifiant du protocole de départ (défaut : le protocole national).",
      "Id of the starting protocol (default: the national protocol)."),
    completion: ValueCompletion.protocols)
  var protocolID: String?

  @Option(
    name: .long,
    help: .t(
      "Dossier des journaux de cas (défaut : journal de la configuration, sinon $XDG_STATE_HOME/repere).",
      "Folder of the case journals (default: journal of the configuration, otherwise $XDG_STATE_HOME/repere)."),
    completion: .directory)
  var journal: String?

  @Flag(
    name: .long,
    help: .t(
      "Active le clic souris sur les options (empêche la sélection de texte à la souris).",
      "Enables mouse clicks on the options (prevents selecting text with the mouse)."))
  var mouse = false

  @Option(
    name: .long,
    help: .t(
      "Reprend un dossier non terminé (identifiant ou début d'identifiant du journal).",
      "Resumes an unfinished case (journal id or beginning of it)."),
    completion: ValueCompletion.cases)
  var resume: String?

  @Option(
    name: .customLong("lock-after"),
    help: .t(
      "Masque le dossier après N minutes sans touche, jusqu'à la touche suivante (0 : jamais ; "
        + "défaut : lock_after_minutes de la configuration, sinon jamais).",
      "Hides the case after N minutes without a key, until the next key (0: never; "
        + "default: lock_after_minutes of the configuration, otherwise never).",
      valueName: ("minutes", "minutes")))
  var lockAfter: Int?

  func validate() throws {
    if let lockAfter, lockAfter < 0 { throw ValidationError("--lock-after attend un nombre de minutes ≥ 0") }
  }

  func run() throws {
    try LanguageOption.check(lang)
    let environment = ProcessInfo.processInfo.environment
    let settings = RuntimeContext.current.settings
    let language = Language.resolve(option: lang ?? settings.lang?.value, environment: environment)
    let place = self.place ?? settings.place?.value
    let journal = self.journal ?? settings.journal?.value.path
    if !plain,
      let problem = TerminalCheck.problem(
        environment: environment, stdinIsTerminal: isatty(STDIN_FILENO) == 1,
        stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, language: language)
    {
      Self.fail(problem, code: 3)
    }
    let now = Date()
    let clock = StartClock(environment: environment)
    let data = dataOptions.dataURL
    let context = CaseContext(
      clock: { Date() }, timeZone: .current, workingDirectory: RuntimeContext.current.workingDirectory,
      programVersion: ReleaseInfo.version,
      lookupCache: LookupCache.Location(
        folder: SharedIndex.cacheDirectory(for: data, userCache: RuntimeContext.current.userCache),
        program: Bundle.main.executableURL),
      fileDigests: RuntimeContext.current.userCache, onPhase: clock.mark)
    let journals =
      journal.map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? JournalStore.defaultFolder(environment: environment)
    var setup: CaseSetup
    do {
      setup = try CaseSetup.load(data: data, protocolID: protocolID, journals: journals, context: context)
    } catch let error as CaseSetup.SetupError {
      Self.fail(error.description, code: 2)
    }
    let choice = dataOptions.dataChoice
    setup.dataFolderLabel = "\(choice.folder.path) (\(choice.source.label))"
    let resumed = resume.map { Self.resumeCase($0, setup: setup, now: now, language: language) }
    if plain {
      setup.services = setup.loadServices()
      clock.mark("directory and reference data")
      let effects = CaseEffects(setup: setup, journal: resumed?.journal)
      let runner = PlainRunner(setup: setup, language: language, effects: effects, lines: .standard)
      throw ExitCode(runner.run(place: place, resumed: resumed))
    }
    try runFullScreen(
      setup: setup, resumed: resumed, language: language, place: place, environment: environment, now: now,
      clock: clock)
  }

  /// Reopens a suspended case's journal and rebuilds its walk; exits with a clear message when
  /// it cannot (unknown id, already closed, open in another window).
  static func resumeCase(_ id: String, setup: CaseSetup, now: Date, language: Language) -> ResumedSession {
    guard setup.store != nil else { fail("repere : aucun dossier de journaux (option --journal)", code: 2) }
    do {
      return try setup.resume(id: id, now: now, language: language)
    } catch {
      fail("repere : impossible de reprendre le dossier « \(id) » : \(error)", code: 2)
    }
  }

  /// The curses interface: the first question at once, the directory loading behind it.
  private func runFullScreen(
    setup: CaseSetup, resumed: ResumedSession?, language: Language, place: String?, environment: [String: String],
    now: Date, clock: StartClock
  ) throws {
    let screen: CursesScreen
    do {
      screen = try CursesScreen(environment: environment, language: language, mouse: mouse)
    } catch {
      Self.fail(String(describing: error), code: 3)
    }
    let effects = CaseEffects(setup: setup, journal: resumed?.journal)
    // The questions start at once; the directory arrives later as `Msg.servicesLoaded`.
    var loading = setup.services
    loading.isLoading = true
    var start = UIProgram.start(
      walker: resumed?.walker ?? setup.makeWalker(now: now, language: language), services: loading,
      language: language, size: screen.size, now: now, placeText: place)
    resumed?.apply(to: &start.0)
    if let minutes = lockAfter ?? RuntimeContext.current.settings.lockAfterMinutes?.value, minutes > 0 {
      start.0.idleLock = IdleLock(after: TimeInterval(minutes * 60), lastActivity: now)
    }
    // A resumed case offers no other: the unfinished cases are listed only for a new one.
    let background = BackgroundServices(setup: setup, store: resumed == nil ? setup.store : nil)
    let runtime = TerminalRuntime(
      screen: screen, clock: { Date() }, pollServices: background.take, perform: effects.perform)
    var firstFrame = true
    let ending = runtime.run(start) {
      if firstFrame {
        clock.mark("first frame")
        firstFrame = false
      }
    }
    screen.stop()
    effects.finish()
    if let path = effects.journalPath { StandardError.write("journal : \(path)\n") }
    if let problem = effects.exitProblem {
      StandardError.write(problem + "\n")
      throw ExitCode(1)
    }
    if case .signal(let number) = ending { throw ExitCode(128 + number) }
  }

  /// Prints `message` on stderr and exits with `code` (never lets curses kill the process).
  static func fail(_ message: String, code: Int32) -> Never {
    StandardError.write((message + "\n"))
    Foundation.exit(code)
  }
}
