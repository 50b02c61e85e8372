import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereRules

/// `repere paths`: every feasible path to each disposition, counted, and how much of them the
/// scenarios cover.
struct PathsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paths",
    abstract: HelpText.t(
      "Dénombre les parcours faisables menant à chaque orientation et la couverture des scénarios.",
      "Counts the feasible paths leading to each referral and the scenarios' coverage."))

  @OptionGroup var dataOptions: DataOptions

  @Argument(
    help: .t(
      "Identifiant du protocole.",
      "Protocol id."), completion: ValueCompletion.protocols)
  var protocolID: String

  @Option(
    name: .long,
    help: .t(
      "Nombre de parcours affichés par orientation.",
      "Number of paths shown per referral."))
  var show = 20

  @Option(
    name: .long,
    help: .t(
      "Nombre maximal de parcours distincts énumérés.",
      "Maximum number of distinct paths enumerated."))
  var maxPaths = 10_000

  @OptionGroup var jsonOutput: JSONOutput
  var json: Bool { jsonOutput.json }

  func run() throws {
    let bundle = CommandSupport.load(dataOptions)
    let id = try bundle.requireProtocol(protocolID)
    let limits = FeasiblePaths.Limits(maxPaths: max(1, maxPaths))
    guard let summary = bundle.pathsSummary(protocolID: id, defaultNow: Date(), limits: limits) else {
      throw RuntimeFailure("\(protocolID) : protocole absent — lancer `repere check`")
    }
    if json {
      print(PathsReport.json(summary))
    } else {
      print(PathsReport.human(summary, showPaths: max(0, show)))
    }
  }
}
