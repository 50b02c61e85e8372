import ArgumentParser
import Foundation
import RepereBase
import RepereJournal

/// `repere stats`: figures without identities over one's own journals, or merged exports.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: HelpText.t(
      "Chiffres sans identités : nombre de dossiers par niveau, orientation, département ou semaine.",
      "Figures without identities: number of cases by level, referral, département or week."),
    discussion: HelpText.t(
      """
      Compte vos propres dossiers (journaux) : aucun texte libre, aucune note, aucun identifiant \
      de dossier. Les effectifs inférieurs à \(CaseStatistics.threshold) sont affichés \
      « < \(CaseStatistics.threshold) ». --export écrit les comptes exacts (fichier 0600) pour qu'un·e \
      coordinateur·rice les additionne avec --merge.
      """,
      """
      Counts your own cases (journals): no free text, no note, no case id. \
      Counts below \(CaseStatistics.threshold) are shown as \
      « < \(CaseStatistics.threshold) ». --export writes the exact counts (file 0600) so that a \
      coordinator can add them up with --merge.
      """))

  @Option(
    help: .t(
      "Premier jour compté (AAAA-MM-JJ), d'après le début du dossier.",
      "First day counted (YYYY-MM-DD), by the start of the case."))
  var since: String?

  @Option(
    help: .t(
      "Ventilation : level (niveau), disposition (orientation), departement ou week (semaine ISO).",
      "Breakdown: level, disposition (referral), departement or week (ISO week)."))
  var by: CaseStatistics.Dimension = .level

  @OptionGroup var jsonOutput: JSONOutput
  var json: Bool { jsonOutput.json }

  @Flag(
    help: .t(
      "Sortie CSV (séparateur « ; »).",
      "CSV output (separator « ; »)."))
  var csv = false

  @Option(
    help: .t(
      "Écrit les comptes exacts dans ce fichier (pour --merge).", "Writes the exact counts to this file (for --merge).",
      valueName: ("fichier", "file")))
  var export: String?

  @Option(
    parsing: .upToNextOption,
    help: .t(
      "Additionne des exports de plusieurs opérateur·rices au lieu de lire vos journaux.",
      "Adds up the exports of several operators instead of reading your journals.",
      valueName: ("fichiers", "files")),
    completion: .file(extensions: ["json"]))
  var merge: [String] = []

  func validate() throws {
    if json && csv { throw ValidationError("--json et --csv s'excluent") }
    if let since, CalendarDay(iso: since) == nil {
      throw ValidationError("--since « \(since) » invalide : écrire AAAA-MM-JJ")
    }
    if export != nil && !merge.isEmpty { throw ValidationError("--export et --merge s'excluent") }
  }

  func run() throws {
    try JournalCommand.reporting {
      let statistics: CaseStatistics
      if merge.isEmpty {
        let store = try JournalCommand.store()
        let facts = try store.list().filter { $0.eventCount > 0 }.map { CaseStatistics.CaseFacts($0.record) }
        statistics = CaseStatistics.count(facts, since: since.flatMap(CalendarDay.init(iso:)))
      } else {
        statistics = CaseStatistics.merged(
          try merge.map { file in
            guard let data = FileManager.default.contents(atPath: file) else {
              throw JournalError.system(operation: "lecture", path: file, errno: ENOENT)
            }
            return try CaseStatistics.decodeExport(data, file: file)
          })
      }
      if let export {
        // Counts are not identities, but exact small counts of one operator stay with them.
        guard
          FileManager.default.createFile(
            atPath: export, contents: Data(statistics.exportJSON().utf8), attributes: [.posixPermissions: 0o600])
        else {
          throw JournalError.system(operation: "écriture", path: export, errno: EACCES)
        }
        JournalCommand.printError("comptes exacts écrits dans \(export) (\(statistics.cases) dossiers)")
        return
      }
      if json {
        print(statistics.json(by: by), terminator: "")
      } else if csv {
        print(statistics.csv(by: by), terminator: "")
      } else {
        print(statistics.text(by: by), terminator: "")
      }
    }
  }
}

extension CaseStatistics.Dimension: ExpressibleByArgument {}
