import Foundation
import RepereJournal
import RepereUI

/// Carries out the interface's effects: journal writes (the journal file is created with the
/// first event, so opening and quitting without a word leaves no empty case behind), exports,
/// and closing or suspending the journal at exit. The full screen and the plain mode share it.
public final class CaseEffects {
  private let setup: CaseSetup
  private var journal: CaseJournal?
  private var closeAs: CaseOutcome?
  private var level: String?
  /// The walk's path when the case closes, for the end event.
  private var path: [String]?
  private var quitting = false
  /// Events whose write failed (a full disk), oldest first, each with its time: written before
  /// any newer one, so the journal never skips an answer (issue 18, point 4).
  private var unsaved = UnsavedEvents()
  /// What went wrong at exit (unsaved records, a failed close), for the message and exit status.
  public private(set) var exitProblem: String?

  /// - Parameter journal: the journal of a resumed case (a new case creates its own).
  public init(setup: CaseSetup, journal: CaseJournal? = nil) {
    self.setup = setup
    self.journal = journal
  }

  public var journalPath: String? { journal?.url.path }

  public func perform(_ effect: Effect, _ state: AppState) -> [Msg] {
    switch effect {
    case .journal(let events):
      unsaved.add(events, at: state.now)
      guard !unsaved.isEmpty else { return [] }
      do {
        try writeUnsaved()
        // A note in the journal replaces the draft kept for it.
        if let journal, events.contains(where: { if case .note = $0 { true } else { false } }) {
          NoteDraft.remove(for: journal.url)
        }
        return [.journalSaved(count: events.count)]
      } catch {
        // A retry that fails again (events empty) changes nothing on screen.
        return events.isEmpty ? [] : [.journalFailed(String(describing: error))]
      }
    case .export(let fallback, let name):
      return export(fallback: fallback, name: name, state: state)
    case .saveDraft(let text):
      do {
        // A note being typed opens the case's journal, so it survives a killed process.
        if text.isEmpty, journal == nil { return [] }
        try NoteDraft.write(text, for: try openJournal().url)
        return []
      } catch {
        return [.journalFailed(String(describing: error))]
      }
    case .resume(let caseID):
      return resume(caseID, state: state)
    case .quit(let outcome):
      quitting = true
      closeAs = outcome
      level = state.walk.level?.id
      path = state.walker.stepPath
      return []
    }
  }

  /// Writes the unsaved events in order, each removed only once it is on disk.
  private func writeUnsaved() throws {
    let journal = try openJournal()
    // Stamped by the journal's own clock, like its opening and end: one clock for every event.
    try unsaved.write { event, _ in _ = try journal.append(event) }
  }

  /// Closes (a finished case) or suspends (an unfinished one, offered for resuming) the journal,
  /// after a last attempt at writing what is unsaved. A case with unsaved records is never
  /// closed as complete; what failed is kept in `exitProblem`.
  public func finish() {
    if !unsaved.isEmpty {
      do {
        try writeUnsaved()
      } catch {
        exitProblem =
          "repere : \(unsaved.count) saisie(s) NON ENREGISTRÉE(S) dans le journal (\(error)) ; le dossier n'est pas clos"
      }
    }
    guard let journal else { return }
    if let closeAs, unsaved.isEmpty {
      do {
        _ = try journal.close(outcome: closeAs, level: level, path: path)
      } catch {
        exitProblem = "repere : la clôture du dossier n'a pas pu être enregistrée (\(error))"
        journal.suspend()
      }
    } else {
      journal.suspend()
    }
  }

  /// Reopens an unfinished case in place of the new one. The new case has no answer (the offer
  /// stands only then); if it already has a journal (a place given at start), that journal is
  /// closed as abandoned rather than left behind as another unfinished case.
  private func resume(_ caseID: String, state: AppState) -> [Msg] {
    do {
      let resumed = try setup.resume(id: caseID, now: state.now, language: state.language)
      if let current = journal { _ = try? current.close(outcome: .abandoned, level: nil) }
      journal = resumed.journal
      return [.resumed(resumed.walk)]
    } catch {
      return [.resumeFailed(String(describing: error))]
    }
  }

  private func openJournal() throws -> CaseJournal {
    if let journal { return journal }
    guard let store = setup.store else { throw JournalError.encoding("aucun dossier de journaux (HOME non défini)") }
    let created = try store.create(setup.caseStart())
    journal = created
    return created
  }

  /// The journal's Markdown export when there is a journal, else the interface's text summary;
  /// written next to the journals (same protected folder), 0600.
  private func export(fallback: String, name: String, state: AppState) -> [Msg] {
    do {
      // A summary without the answers the journal could not take would be wrong.
      if !unsaved.isEmpty { try writeUnsaved() }
      var text = fallback
      var fileName = name
      if let journal, let store = setup.store {
        let record = try store.recordedCase(id: journal.id)
        text = MarkdownExporter.render(
          record, exportedAt: JournalTimestamp(date: state.now, timeZone: setup.context.timeZone))
        fileName = "\(journal.id).md"
      }
      let folder = (setup.store?.folder ?? setup.context.workingDirectory)
        .appendingPathComponent("exports", isDirectory: true)
      try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      // Written, synced and 0600 before anything says so: on a full disk this throws and
      // neither « Synthèse exportée » nor an export event is produced. A second export of the
      // case gets its own name (`<id>-2.md`): the first, perhaps already sent, is never replaced.
      let path = try SafeFile.writeNew(Data(text.utf8), in: folder.path, name: fileName)
      var messages: [Msg] = [.exported(path: path)]
      if let journal {
        _ = try journal.append(.export(ExportEvent(format: "markdown")))
        messages.append(.journalSaved(count: 0))
      }
      return messages
    } catch {
      return [.exportFailed(String(describing: error))]
    }
  }
}
