import ArgumentParser
import Foundation
import RepereBundle
import RepereRules

/// `repere paths`: every distinct path to each disposition, counted, and how much of them the
/// scenarios cover.
struct PathsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paths", abstract: "Dénombre les parcours menant à chaque orientation et la couverture des scénarios.")

  @OptionGroup var dataOptions: DataOptions

  @Argument(help: "Identifiant du protocole.")
  var protocolID: String

  @Option(name: .long, help: "Nombre de parcours affichés par orientation.")
  var show = 20

  @Flag(name: .long, help: "Sortie JSON.")
  var json = false

  func run() throws {
    let bundle = CommandSupport.load(dataOptions)
    let id = try CommandSupport.protocolID(protocolID, in: bundle)
    guard let definition = bundle.library.protocolDefinition(id),
      let analysis = PathAnalysis.analyze(definition, limit: 10_000)
    else {
      throw ValidationError(
        "\(protocolID) : parcours non dénombrables (boucle ou début absent) — lancer `repere check`")
    }
    let walked = bundle.run(bundle.scenarios, defaultNow: Date()).compactMap { result -> [String]? in
      guard let state = result.state, state.protocolID == id else { return nil }
      return state.pathIDs
    }
    let (covered, percent) = analysis.coverage(of: walked, in: definition)
    if json {
      print(PathsReport.json(analysis, covered: covered, percent: percent))
    } else {
      print(PathsReport.human(analysis, covered: covered, percent: percent, showPaths: max(0, show)))
    }
  }
}
