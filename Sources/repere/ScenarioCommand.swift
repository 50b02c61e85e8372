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

  @Flag(
    name: .long,
    help: .t(
      "Sortie JSON.",
      "JSON output."))
  var json = false

  func run() throws {
    let bundle = CommandSupport.load(dataOptions)
    let scenarios = try ScenarioSelection.select(files, in: bundle)
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

  @Flag(
    name: .long,
    help: .t(
      "Sortie JSON.",
      "JSON output."))
  var json = false

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

/// Picks the scenarios named on the command line: files inside the data folder (relative to it
/// or to the current directory), or files outside it loaded on their own.
enum ScenarioSelection {
  static func select(_ files: [String], in bundle: DataBundle) throws -> [Scenario] {
    guard !files.isEmpty else { return bundle.scenarios }
    var selected: [Scenario] = []
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let root = bundle.root.standardizedFileURL.resolvingSymlinksInPath().path
    for file in files {
      let url = URL(fileURLWithPath: file, relativeTo: current).standardizedFileURL.resolvingSymlinksInPath()
      let relative = url.path.hasPrefix(root + "/") ? String(url.path.dropFirst(root.count + 1)) : file
      let inBundle = bundle.scenarios.filter { $0.file == relative || $0.file == file || $0.id == file }
      if !inBundle.isEmpty {
        selected += inBundle
        continue
      }
      var diagnostics = Diagnostics()
      guard let node = YAMLFile.load(url: url, displayName: file, diagnostics: &diagnostics),
        let scenario = ScenarioLoader.load(node: node, diagnostics: &diagnostics), !diagnostics.hasErrors
      else {
        // The findings first (file:line:column each), then the one-line failure.
        for finding in diagnostics.findings {
          FileHandle.standardError.write(Data((TerminalText.sanitized(finding.description) + "\n").utf8))
        }
        throw RuntimeFailure("scénario « \(TerminalText.sanitized(file)) » illisible")
      }
      selected.append(scenario)
    }
    return selected
  }
}
