import Foundation
import RepereBase
import RepereBundle
import RepereJournal
import RepereLookup
import RepereRules
import RepereUI

/// Everything a case needs, loaded at start: the protocols (first, fast: the first question
/// needs nothing else), then the rest of the bundle, the directory and the reference data (in
/// the background for the full screen), and where journals go.
struct CaseSetup {
  struct SetupError: Error, CustomStringConvertible {
    var description: String
  }

  let data: URL
  /// The data folder, discovered once for the whole start: protocols, services and fingerprint.
  let folder: DataFolder
  let library: ProtocolLibrary
  let protocolID: String
  let store: JournalStore?
  /// Filled by `loadServices` (synchronously in plain mode).
  var services = AppServices()
  /// « /srv/repere (option --data) »: the folder and why it was chosen, for the help screen.
  var dataFolderLabel: String? {
    didSet { services.dataFolder = dataFolderLabel }
  }
  /// The data folder's content hash, computed in the background from the start (hashing the
  /// reference data takes a while; the journal needs it only with its first event).
  let fingerprint: Lazy<String>

  /// Reads only the protocol files of `data` (found by their declared `format`) and picks the
  /// protocol to start; a protocol error stops the start with file:line:column.
  static func load(
    data: URL, protocolID requested: String?, journalFolder: String?, environment: [String: String],
    clock: StartClock
  ) throws -> CaseSetup {
    let folder = DataFolder.scan(data)
    guard folder.exists else {
      throw SetupError(description: "repere : dossier de données introuvable : \(data.path) (option --data)")
    }
    var definitions: [ProtocolDefinition] = []
    var errors: [Finding] = []
    for file in folder.files(of: .protocolFile) {
      // Through the data-file reader: a FIFO named like a protocol must not block the start.
      guard case .success(let data) = DataFileReader.read(file.url), let text = String(data: data, encoding: .utf8)
      else {
        errors.append(
          Finding(
            code: "unreadable-file", location: SourceLocation(file: file.path, line: 1, column: 1),
            message: "fichier illisible ou pas en UTF-8"))
        continue
      }
      let (definition, findings) = ProtocolLoader.load(text: text, file: file.path)
      errors += findings.filter { $0.severity == .error }
      if let definition { definitions.append(definition) }
    }
    // The same rule as `repere check`: a protocol it rejects (a walk loop, a duplicated step id)
    // is not run (issue 18, point 8). Dates are left out: validity is a warning, not a refusal.
    if errors.isEmpty {
      let library = ProtocolLibrary(files: definitions)
      errors += ProtocolChecker.check(files: definitions, library: library, today: nil).filter {
        $0.severity == .error
      }
    }
    clock.mark("protocols")
    guard errors.isEmpty else {
      let lines = errors.prefix(20).map(\.description).joined(separator: "\n")
      throw SetupError(
        description: "repere : les protocoles contiennent des erreurs (voir « repere check ») :\n\(lines)")
    }
    let library = ProtocolLibrary(files: definitions)
    let roots = library.ids.filter { library.protocolDefinition($0)?.extends == nil }
    let chosen: String
    if let requested {
      guard library.protocolDefinition(requested) != nil else {
        throw SetupError(
          description:
            "repere : protocole « \(requested) » introuvable (disponibles : \(library.ids.joined(separator: ", ")))")
      }
      chosen = requested
    } else if let national = roots.first(where: { library.protocolDefinition($0)?.scope == .national }) ?? roots.first {
      chosen = national
    } else {
      throw SetupError(description: "repere : aucun protocole dans \(data.path)")
    }
    let journals =
      journalFolder.map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? JournalStore.defaultFolder(environment: environment)
    let store = journals.map { JournalStore(folder: $0, clock: { Date() }, timeZone: .current) }
    // Each file's digest is kept in the user's cache folder: only files changed since the last
    // start are hashed again (a national directory is 90 MB).
    let digests = LookupCache.directory(environment: environment)
    let fingerprint = Lazy.inBackground { (try? BundleFingerprint.of(folder, digests: digests)) ?? "inconnu" }
    return CaseSetup(
      data: data, folder: folder, library: library, protocolID: chosen, store: store, fingerprint: fingerprint)
  }

  /// The rest of the bundle (its loading findings become a warning on screen), then the
  /// directory, places and contacts from the lookup module.
  func loadServices() -> AppServices {
    Self.loadServices(folder: folder, library: library, label: dataFolderLabel)
  }

  static func loadServices(folder: DataFolder, library: ProtocolLibrary, label: String? = nil) -> AppServices {
    let data = folder.root
    // The same cache file as `repere find` (same folder, same program): a warm start reads the
    // directory and its index from it instead of parsing every directory file.
    let cache = LookupCache.Location(
      folder: SharedIndex.cacheDirectory(for: data), program: Bundle.main.executableURL)
    let (bundle, findings) = DataBundle.load(folder, protocols: library, lookupCache: cache)
    // The same answer as the journal's `demonstrationData` (caseStart), from the files' heads.
    var services = AppServices(bundle: bundle, holdsFiction: folder.holdsFiction)
    services.dataFolder = label
    services.dataErrors = relevantErrors(findings, folder: folder)
    if let note = bundle.cacheNote { services.notices.append(note) }
    if bundle.reference == nil {
      services.dataErrors.append("\(data.path)/reference : données de référence illisibles")
    }
    return services
  }

  /// Errors in the files the interface uses (protocols, directory, vocabulary, CSV sources);
  /// scenarios and resources do not change a case.
  static func relevantErrors(_ findings: [Finding], folder: DataFolder) -> [String] {
    let unused: Set<DataFileKind> = [.scenario, .resources]
    return findings.filter { finding in
      guard finding.severity == .error else { return false }
      guard let kind = folder.kind(ofPath: finding.location.file) else { return true }
      return !unused.contains(kind)
    }.map(\.description)
  }

  /// A new case on the chosen protocol.
  func makeWalker(now: Date, language: Language) -> RulesCaseWalker {
    RulesCaseWalker(
      session: CaseSession(library: library, protocolID: protocolID), today: CalendarDay(now),
      displayLanguage: language)
  }

  /// Reopens the suspended case `id` (journal locked and repaired) and rebuilds its walk on
  /// this bundle's protocols.
  func resume(id: String, now: Date, language: Language) throws -> ResumedSession {
    guard let store else { throw SetupError(description: "aucun dossier de journaux (option --journal)") }
    var resumed = try store.resume(id: id)
    // A note that was being typed when the last session was killed goes to the journal now.
    if let draft = NoteDraft.read(for: resumed.journal.url) {
      let text = draft.trimmingCharacters(in: .whitespacesAndNewlines)
      let entry = try resumed.journal.append(.note(NoteEvent(text: text, step: nil)), at: now)
      NoteDraft.remove(for: resumed.journal.url)
      resumed.record.notes.append(
        .init(sequence: entry.sequence, time: entry.time, event: NoteEvent(text: text, step: nil)))
    }
    let walker = RulesCaseWalker(
      resuming: resumed.record, library: library, fallbackProtocolID: protocolID, today: CalendarDay(now),
      displayLanguage: language)
    return ResumedSession(case: resumed, walker: walker)
  }

  /// What the journal's opening event records.
  func caseStart() -> CaseStart {
    let definition = library.protocolDefinition(protocolID)
    let references = library.ids.map { id in
      ProtocolReference(id: id, version: library.protocolDefinition(id)?.version ?? "")
    }
    return CaseStart(
      protocolInForce: ProtocolReference(id: protocolID, version: definition?.version ?? "", title: definition?.title),
      bundleProtocols: references, bundleHash: fingerprint.value,
      programVersion: ReleaseInfo.version, levels: definition?.levels ?? [],
      demonstrationData: folder.holdsFiction)
  }
}

/// Loads the data services on a background thread; the interface polls `take()` each turn.
final class BackgroundServices: @unchecked Sendable {
  private let lock = NSLock()
  private var loaded: AppServices?
  private var delivered = false

  /// - Parameter store: when given, its unfinished cases are offered for resuming.
  init(setup: CaseSetup, clock: StartClock, store: JournalStore? = nil) {
    let (folder, library, label) = (setup.folder, setup.library, setup.dataFolderLabel)
    let thread = Thread { [self] in
      var services = CaseSetup.loadServices(folder: folder, library: library, label: label)
      clock.mark("directory and reference data (background)")
      if let store, let unfinished = try? store.unfinishedCases() {
        services.unfinishedCases = unfinished.map(UnfinishedCase.init(summary:))
      }
      lock.withLock { loaded = services }
    }
    thread.start()
  }

  /// The services, once, when they are ready.
  func take() -> AppServices? {
    lock.withLock {
      guard !delivered, let loaded else { return nil }
      delivered = true
      return loaded
    }
  }
}

/// With REPERE_TIMING=1, prints how long each start phase took (stderr), to measure start time.
struct StartClock: Sendable {
  let enabled: Bool
  let start: Date

  init(environment: [String: String], start: Date = Date()) {
    enabled = environment["REPERE_TIMING"] == "1"
    self.start = start
  }

  func mark(_ phase: String) {
    guard enabled else { return }
    let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
    StandardError.write("repere: \(phase) \(milliseconds) ms\n")
  }
}

/// A suspended case reopened (`--resume`, or picked in the interface's resume list): its
/// journal and its rebuilt walk.
struct ResumedSession {
  let `case`: ResumedCase
  let walker: RulesCaseWalker

  var journal: CaseJournal { `case`.journal }

  /// What the interface adopts in place of the new case: the walk, the notes, the opening time.
  var walk: ResumedWalk {
    let record = `case`.record
    return ResumedWalk(
      caseID: record.caseID, walker: walker,
      notes: record.notes.map { CaseNote(text: $0.event.text, at: $0.time.date) }, openedAt: record.startedAt?.date,
      answerCount: record.answers.count, followUps: record.followUps.map(\.event))
  }

  /// Puts the case's walk, notes and opening time into `state`, and says it was resumed.
  func apply(to state: inout AppState) {
    state = UIProgram.update(state, .resumed(walk)).0
  }
}
