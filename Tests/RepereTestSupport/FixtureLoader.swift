import Foundation
import RepereBase
import RepereBundle
import RepereRules

/// Loads a fixture bundle's protocols and scenarios, failing on any finding (fixtures are clean).
public enum FixtureLoader {
  public struct Unclean: Error, CustomStringConvertible {
    public var description: String
  }

  /// `protocoles/NAME` of the bundle at `root`, each loaded alone.
  public static func protocols(in root: URL, names: [String] = ["national.yaml", "95.yaml"]) throws
    -> [ProtocolDefinition]
  {
    try names.map { name in
      let url = root.appendingPathComponent("protocoles").appendingPathComponent(name)
      let (definition, findings) = ProtocolLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: name)
      guard findings.isEmpty, let definition else { throw Unclean(description: "\(name): \(findings)") }
      return definition
    }
  }

  /// The scenario at `path` under `root`, its findings naming it `file`.
  public static func scenario(in root: URL, path: String, file: String) throws -> Scenario {
    let url = root.appendingPathComponent(path)
    let (scenario, findings) = ScenarioLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: file)
    guard findings.isEmpty, let scenario else { throw Unclean(description: "\(file): \(findings)") }
    return scenario
  }
}
