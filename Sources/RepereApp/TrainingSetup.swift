import Foundation
import RepereBase
import RepereBundle
import RepereUI

/// What a training session needs before the terminal is taken (`repere train`): the whole
/// bundle (the scenario's reference run needs its places and contacts), the interface's
/// services and the scenario. Any error in the data stops here.
public struct TrainingSetup {
  public let bundle: DataBundle
  public let services: AppServices
  public let scenario: Scenario

  /// - Throws: `CaseSetup.SetupError` when the folder is missing, its data has errors or the
  ///   scenario's protocol is absent; `RuntimeFailure` when no scenario has this name.
  public static func load(data: URL, scenario name: String, workingDirectory: URL) throws -> TrainingSetup {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: data.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw CaseSetup.SetupError(description: "repere : dossier de données introuvable : \(data.path) (option --data)")
    }
    let (bundle, findings) = DataBundle.load(from: data)
    let errors = findings.filter { $0.severity == .error }
    guard errors.isEmpty else {
      let lines = errors.prefix(20).map { TerminalText.sanitized($0.description) }.joined(separator: "\n")
      throw CaseSetup.SetupError(
        description: "repere : les données contiennent des erreurs (voir « repere check ») :\n\(lines)")
    }
    let scenario = try ScenarioSelection.find(name, in: bundle, workingDirectory: workingDirectory)
    guard bundle.library.protocolDefinition(scenario.protocolID) != nil else {
      throw CaseSetup.SetupError(
        description:
          "repere : le scénario « \(scenario.id) » suit le protocole « \(scenario.protocolID) », absent du dossier de données"
      )
    }
    return TrainingSetup(bundle: bundle, services: AppServices(bundle: bundle), scenario: scenario)
  }
}
