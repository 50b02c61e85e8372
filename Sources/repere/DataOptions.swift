import ArgumentParser
import Foundation
import RepereLookup

/// `--data DIR`, shared by every subcommand.
struct DataOptions: ParsableArguments {
  @Option(name: .long, help: "Dossier des données (protocoles, annuaire, scénarios).")
  var data: String = "Protocols"

  /// The data folder as an absolute URL.
  var dataURL: URL {
    URL(fileURLWithPath: data, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      .standardizedFileURL
  }
}

/// Where the directory's binary cache lives: the executable reads the environment so that the
/// lookup module never does. `$XDG_CACHE_HOME/repere`, else `~/.cache/repere`; nil (no cache)
/// with `REPERE_NO_CACHE=1` or when no home is known.
enum CacheLocation {
  static var current: LookupCache.Location? {
    let environment = ProcessInfo.processInfo.environment
    guard environment["REPERE_NO_CACHE"] == nil else { return nil }
    let folder: URL
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
      folder = URL(fileURLWithPath: xdg).appendingPathComponent("repere")
    } else if let home = environment["HOME"], !home.isEmpty {
      folder = URL(fileURLWithPath: home).appendingPathComponent(".cache/repere")
    } else {
      return nil
    }
    return LookupCache.Location(directory: folder, program: Bundle.main.executableURL)
  }
}
