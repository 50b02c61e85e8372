import ArgumentParser
import Foundation
import RepereJournal

/// `repere replay JOURNAL`: re-runs a recorded case against a (possibly newer) bundle and shows
/// how the path, the dispositions and the level differ.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Rejoue un dossier enregistré sur une autre version des données et montre les différences.")

  @Argument(help: "Identifiant du dossier (ou son début), ou chemin d'un fichier .jsonl.")
  var journal: String

  @OptionGroup var dataOptions: DataOptions

  func run() throws {
    try JournalCommand.reporting {
      let (id, reading) = try loadJournal()
      let record = RecordedCase(caseID: id, reading: reading)
      for finding in reading.findings { JournalCommand.printError(finding.description) }
      let script = ReplayScript(record, entries: reading.entries)
      let bundleHash = try BundleFingerprint.of(folder: dataOptions.dataURL)
      let outcome = try replay(script, data: dataOptions.dataURL)
      print("Dossier \(id) rejoué sur \(dataOptions.dataURL.path)")
      for line in ReplayComparison.lines(recorded: record, replayed: outcome, bundleHash: bundleHash) { print(line) }
    }
  }

  /// A path to a journal file, or an id in the journal folder.
  private func loadJournal() throws -> (String, JournalReadResult) {
    if journal.hasSuffix(".\(JournalStore.fileExtension)") || journal.contains("/") {
      let url = URL(fileURLWithPath: journal)
      return (url.deletingPathExtension().lastPathComponent, try JournalReader.read(url))
    }
    let store = try JournalCommand.store()
    let id = try store.resolve(journal)
    return (id, try store.read(id: id))
  }

  /// The seam with the rules module: walk `script` through `RepereRules.CaseSession` over the
  /// bundle at `data` (`RepereBundle.DataBundle`) and report where it ends.
  private func replay(_ script: ReplayScript, data: URL) throws -> ReplayOutcome {
    throw ValidationError("replay attend le module de règles (RepereRules.CaseSession), pas encore intégré")
  }
}
