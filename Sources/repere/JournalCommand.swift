import ArgumentParser
import Foundation
import RepereBase
import RepereJournal

/// `repere journal`: the case journals kept under `$XDG_STATE_HOME/repere` — list them, show
/// one, export its summary, purge old ones.
struct JournalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal",
    abstract: HelpText.t(
      "Journaux des dossiers : lister, afficher, exporter la synthèse, purger.",
      "Case journals: list, show, export the summary, purge."),
    discussion: HelpText.t(
      """
      Un journal par dossier, dans $XDG_STATE_HOME/repere (par défaut ~/.local/state/repere), \
      lisible par vous seul. Aucune identité n'y est enregistrée. Les dossiers sont conservés \
      \(JournalRetention.defaultDays) jours par défaut (variable \(JournalRetention.environmentVariable)).
      """,
      """
      One journal per case, in $XDG_STATE_HOME/repere (default ~/.local/state/repere), \
      readable by you only. No identity is recorded in it. Cases are kept \
      \(JournalRetention.defaultDays) days by default (variable \(JournalRetention.environmentVariable)).
      """),
    subcommands: [List.self, Show.self, Export.self, Purge.self]
  )

  /// The store at the folder the environment designates, with the real clock (the edge).
  static func store() throws -> JournalStore {
    // The configuration's `journal:` folder, as for `repere start`; otherwise the default.
    guard
      let folder = RuntimeContext.current.settings.journal?.value
        ?? JournalStore.defaultFolder(environment: ProcessInfo.processInfo.environment)
    else {
      throw RuntimeFailure("ni XDG_STATE_HOME ni HOME ne sont définis : dossier des journaux introuvable")
    }
    return JournalStore(folder: folder, clock: { Date() }, timeZone: .current)
  }

  /// Runs `body`, turning journal errors into the one-line failure with exit status 1.
  static func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as JournalError {
      throw RuntimeFailure(error.description, status: 1)
    } catch let error as JournalRetention.RetentionError {
      throw RuntimeFailure(error.description, status: 1)
    }
  }

  /// A notice on stderr, prefixed like every message of the program.
  static func printError(_ message: String) {
    StandardError.write("repere : \(message)\n")
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: HelpText.t(
        "Liste les dossiers, du plus ancien au plus récent.",
        "Lists the cases, oldest first."))

    @Flag(
      name: .long,
      help: .t(
        "Sortie JSON (identifiant, état, dates, protocole, lieu, niveau ; ni réponses ni notes).",
        "JSON output (id, state, dates, protocol, place, level; neither answers nor notes)."))
    var json = false

    func run() throws {
      try JournalCommand.reporting {
        let store = try JournalCommand.store()
        // Checks (and tightens) an existing folder; listing never creates one.
        if FileManager.default.fileExists(atPath: store.folder.path) {
          for notice in try store.prepareFolder() { JournalCommand.printError(notice) }
        }
        let survey = try store.survey()
        for reason in survey.skipped { JournalCommand.printError(reason) }
        for journal in survey.journals {
          if let notice = store.tightenPermissions(id: journal.id) { JournalCommand.printError(notice) }
        }
        if json {
          print(JournalTextReport.listJSON(survey.journals))
          return
        }
        for line in JournalTextReport.list(survey.journals) { print(line) }
        let retention = try JournalRetention.from(environment: ProcessInfo.processInfo.environment)
        print("")
        print("Dossier des journaux : \(store.folder.path)")
        print(
          "Conservation : \(retention.days) jours (\(retention.source)) ; « repere journal purge » supprime les plus anciens."
        )
      }
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: HelpText.t(
        "Affiche tous les événements d'un dossier.",
        "Shows every event of a case."))

    @Argument(
      help: .t(
        "Identifiant du dossier (ou son début, s'il est unique).",
        "Case id (or its beginning, if unique)."), completion: ValueCompletion.cases)
    var id: String

    func run() throws {
      try JournalCommand.reporting {
        let store = try JournalCommand.store()
        let id = try store.resolve(id)
        if let notice = store.tightenPermissions(id: id) { JournalCommand.printError(notice) }
        for line in JournalTextReport.timeline(id: id, reading: try store.read(id: id)) { print(line) }
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: HelpText.t(
        "Exporte la synthèse d'orientation d'un dossier (Markdown, en français, ou JSON).",
        "Exports a case's referral summary (Markdown, in French, or JSON)."))

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case markdown, json
    }

    @Argument(
      help: .t(
        "Identifiant du dossier (ou son début, s'il est unique).",
        "Case id (or its beginning, if unique)."), completion: ValueCompletion.cases)
    var id: String

    @Option(
      help: .t(
        "Format : markdown (à coller dans une IP ou un dossier) ou json.",
        "Format: markdown (to paste into an IP, information préoccupante, or a case file) or json."))
    var format: Format = .markdown

    @Option(
      name: .shortAndLong,
      help: .t(
        "Fichier à écrire (créé en 0600) ; sans cette option, la sortie standard.",
        "File to write (created 0600); without this option, standard output."))
    var output: String?

    @Flag(
      help: .t(
        "Remplace le fichier de -o s'il existe (jamais un lien, un tube ou un périphérique).",
        "Replaces the -o file if it exists (never a link, a pipe or a device)."))
    var force = false

    func run() throws {
      try JournalCommand.reporting {
        let store = try JournalCommand.store()
        let id = try store.resolve(id)
        if let notice = store.tightenPermissions(id: id) { JournalCommand.printError(notice) }
        let record = try store.recordedCase(id: id)
        let now = JournalTimestamp(date: Date(), timeZone: .current)
        let text: String
        switch format {
        case .markdown: text = MarkdownExporter.render(record, exportedAt: now)
        case .json:
          do {
            text = try JSONExporter.render(record, exportedAt: now)
          } catch {
            throw JournalError.encoding(String(describing: error))
          }
        }
        guard let output else {
          print(text, terminator: "")
          return
        }
        let url = URL(fileURLWithPath: output)
        // The summary is as sensitive as the journal: 0600 from creation, never through a link,
        // never over a FIFO or device, over an existing file only with --force; said once written.
        try SafeFile.write(Data(text.utf8), to: url.path, force: force)
        JournalCommand.printError("synthèse écrite dans \(url.path)")
      }
    }
  }

  struct Purge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "purge",
      abstract: HelpText.t(
        "Supprime les dossiers dont la dernière saisie date de plus de N jours.",
        "Deletes the cases whose last entry is more than N days old."),
      discussion: HelpText.t(
        """
        Sans --older-than : \(JournalRetention.environmentVariable) si elle est définie, sinon \
        \(JournalRetention.defaultDays) jours. Les dossiers ouverts dans une autre fenêtre sont gardés.
        """,
        """
        Without --older-than: \(JournalRetention.environmentVariable) if it is set, otherwise \
        \(JournalRetention.defaultDays) days. Cases open in another window are kept.
        """))

    @Option(
      name: .customLong("older-than"),
      help: .t(
        "Âge en jours au-delà duquel un dossier est supprimé.",
        "Age in days beyond which a case is deleted."))
    var olderThan: Int?

    @Flag(
      help: .t(
        "Écrase chaque fichier avec des zéros avant de le supprimer.",
        "Overwrites each file with zeros before deleting it."))
    var overwrite = false

    func validate() throws {
      if let olderThan, olderThan < 0 { throw ValidationError("--older-than attend un nombre de jours ≥ 0") }
    }

    func run() throws {
      try JournalCommand.reporting {
        let store = try JournalCommand.store()
        let retention =
          try olderThan.map { JournalRetention(days: $0, source: "--older-than") }
          ?? JournalRetention.from(environment: ProcessInfo.processInfo.environment)
        let report = try store.purge(olderThanDays: retention.days, overwrite: overwrite)
        for reason in report.unreadable { JournalCommand.printError(reason) }
        let plural = report.removed.count > 1 ? "s" : ""
        print(
          "\(report.removed.count) dossier\(plural) supprimé\(plural) (plus de \(retention.days) jours, "
            + "\(retention.source))\(overwrite && !report.removed.isEmpty ? ", écrasé\(plural) avant suppression" : "")"
        )
        for id in report.removed { print("  \(id)") }
        if !report.removedExports.isEmpty {
          print("Synthèses exportées supprimées : \(report.removedExports.joined(separator: ", "))")
        }
        if !report.skippedInUse.isEmpty {
          print("Gardés car ouverts dans une autre fenêtre : \(report.skippedInUse.joined(separator: ", "))")
        }
        print(
          "\(report.kept.count) dossier\(report.kept.count > 1 ? "s" : "") conservé\(report.kept.count > 1 ? "s" : "")")
      }
    }
  }
}
