import ArgumentParser
import Foundation
import RepereApp
import RepereBase
import RepereBundle
import RepereJournal
import RepereLookup
import RepereRules

/// `repere replay JOURNAL`: re-runs a recorded case against a (possibly newer) bundle and shows
/// how the path, the dispositions and the level differ.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: HelpText.t(
      "Rejoue un dossier enregistré sur une autre version des données et montre les différences.",
      "Replays a recorded case against another version of the data and shows the differences."),
    discussion: HelpText.t(
      """
      Les réponses du journal (avec leurs modifications, dans l'ordre) et les relèvements de \
      niveau sont repassés dans les règles du dossier de données donné. Sortie 0 quand le \
      parcours, les orientations et le niveau sont identiques, 1 quand ils diffèrent.
      """,
      """
      The journal's answers (with their changes, in order) and level raises are run again \
      through the rules of the given data folder. Exit status 0 when the path, the \
      referrals and the level are identical, 1 when they differ.
      """))

  @Argument(
    help: .t(
      "Identifiant du dossier (ou son début), ou chemin d'un fichier .jsonl.",
      "Case id (or its beginning), or path of a .jsonl file."), completion: ValueCompletion.cases)
  var journal: String

  @OptionGroup var dataOptions: DataOptions

  func run() throws {
    let identical = try JournalCommand.reporting { () throws -> Bool in
      let (id, reading) = try loadJournal()
      for finding in reading.findings { JournalCommand.printError(TerminalText.sanitized(finding.description)) }
      let record = RecordedCase(caseID: id, reading: reading)
      let script = ReplayScript(record, entries: reading.entries)
      let bundle = CommandSupport.load(dataOptions)
      // A journal opened before the per-file definition recorded the legacy hash: compared with it.
      let bundleHash = try BundleFingerprint.comparable(
        to: record.opening?.bundleHash, folder: dataOptions.dataURL,
        digests: LookupCache.directory(environment: RuntimeContext.current.environment))
      let outcome = try JournalReplay.run(script, in: bundle)
      print("Dossier \(id) rejoué sur \(TerminalText.sanitized(dataOptions.dataURL.path))")
      let lines = ReplayComparison.lines(recorded: record, replayed: outcome, bundleHash: bundleHash)
      for line in lines { print(line) }
      return JournalReplay.isSame(record, outcome)
    }
    if !identical { throw ExitCode(1) }
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
}
