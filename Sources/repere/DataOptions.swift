import ArgumentParser
import Foundation

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
