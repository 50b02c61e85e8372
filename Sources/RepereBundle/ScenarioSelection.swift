import Foundation
import RepereBase

/// Which scenarios a command line names: an id, a file inside the data folder (relative to it
/// or to the working directory), or, for `scenario test`, a file outside it loaded on its own.
/// The working directory is given by the executable (the pure-core rule).
public enum ScenarioSelection {
  /// `repere scenario test [FILES…]`: every scenario when no name is given.
  public static func select(_ names: [String], in bundle: DataBundle, workingDirectory: URL) throws -> [Scenario] {
    guard !names.isEmpty else { return bundle.scenarios }
    var selected: [Scenario] = []
    for name in names {
      let relative = pathInBundle(name, bundle: bundle, workingDirectory: workingDirectory)
      let inBundle = bundle.scenarios.filter { $0.file == relative || $0.file == name || $0.id == name }
      if !inBundle.isEmpty {
        selected += inBundle
        continue
      }
      selected.append(try loadOutside(name, workingDirectory: workingDirectory))
    }
    return selected
  }

  /// `repere train SCENARIO`: the scenario with this id, or whose file is this path; otherwise a
  /// failure that suggests the closest id.
  public static func find(_ name: String, in bundle: DataBundle, workingDirectory: URL) throws -> Scenario {
    if let scenario = bundle.scenarios.first(where: { $0.id == name }) { return scenario }
    let relative = pathInBundle(name, bundle: bundle, workingDirectory: workingDirectory)
    if let scenario = bundle.scenarios.first(where: { $0.file == relative || $0.file == name }) { return scenario }
    let ids = bundle.scenarios.map(\.id)
    let hint = Suggestion.closest(to: name, among: ids).map { " — vouliez-vous dire « \($0) » ?" } ?? ""
    let list = ids.isEmpty ? "aucun scénario dans ce dossier" : "voir « repere scenario list »"
    throw RuntimeFailure("scénario « \(TerminalText.sanitized(name)) » introuvable\(hint) (\(list))")
  }

  /// `name` as a path relative to the data folder when it points inside it (symlinks resolved
  /// on both sides), else `name` unchanged.
  static func pathInBundle(_ name: String, bundle: DataBundle, workingDirectory: URL) -> String {
    let root = bundle.root.standardizedFileURL.resolvingSymlinksInPath().path
    let path = absolute(name, workingDirectory: workingDirectory).path
    return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : name
  }

  private static func absolute(_ name: String, workingDirectory: URL) -> URL {
    URL(fileURLWithPath: name, relativeTo: workingDirectory).standardizedFileURL.resolvingSymlinksInPath()
  }

  /// A scenario file outside the data folder; its findings (file:line:column each) come before
  /// the one-line failure.
  private static func loadOutside(_ name: String, workingDirectory: URL) throws -> Scenario {
    var diagnostics = Diagnostics()
    let url = absolute(name, workingDirectory: workingDirectory)
    guard let node = YAMLFile.load(url: url, displayName: name, diagnostics: &diagnostics),
      let scenario = ScenarioLoader.load(node: node, diagnostics: &diagnostics), !diagnostics.hasErrors
    else {
      throw RuntimeFailure(
        "scénario « \(TerminalText.sanitized(name)) » illisible", details: diagnostics.findings.map(\.description))
    }
    return scenario
  }
}
