import ArgumentParser
import Foundation
import RepereBase
import RepereBundle

/// `repere scenario`: runs or lists the bundle's scenarios.
struct ScenarioCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scenario",
    abstract: HelpText.t(
      "Scénarios de formation et tests de non-régression des protocoles.",
      "Training scenarios and regression tests of the protocols."),
    subcommands: [ScenarioTestCommand.self, ScenarioListCommand.self])
}

/// `repere scenario test [FILES…]`.
struct ScenarioTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: HelpText.t(
      "Rejoue les scénarios et compare avec les résultats attendus.",
      "Replays the scenarios and compares with the expected results."))

  @OptionGroup var dataOptions: DataOptions

  @Argument(
    help: .t(
      "Fichiers ou identifiants de scénarios (défaut : tous ceux du dossier de données).",
      "Scenario files or ids (default: all those of the data folder)."),
    completion: ValueCompletion.scenarios)
  var files: [String] = []

  @OptionGroup var jsonOutput: JSONOutput
  var json: Bool { jsonOutput.json }

  func run() throws {
    let bundle = CommandSupport.load(dataOptions)
    let scenarios = try ScenarioSelection.select(
      files, in: bundle, workingDirectory: RuntimeContext.current.workingDirectory)
    let results = bundle.run(scenarios, defaultNow: Date())
    CommandSupport.announceDemonstration(bundle.holdsFiction, json: json)
    print(json ? ScenarioReport.json(results) : ScenarioReport.human(results))
    if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
  }
}

/// `repere scenario list`.
struct ScenarioListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: HelpText.t(
      "Liste les scénarios : identifiant, titre, protocole, ce qu'ils couvrent.",
      "Lists the scenarios: id, title, protocol, what they cover."))

  @OptionGroup var dataOptions: DataOptions

  @OptionGroup var jsonOutput: JSONOutput
  var json: Bool { jsonOutput.json }

  func run() throws {
    let bundle = CommandSupport.load(dataOptions)
    CommandSupport.announceDemonstration(bundle.holdsFiction, json: json)
    let now = Date()
    print(
      json
        ? ScenarioReport.listJSON(bundle.scenarios, bundle: bundle, defaultNow: now)
        : ScenarioReport.list(bundle.scenarios, bundle: bundle, defaultNow: now))
  }
}
