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
public struct CaseSetup {
  /// A start refused (no data folder, protocol errors, an unknown protocol): the message, in
  /// French, for stderr.
  public struct SetupError: Error, CustomStringConvertible {
    public var description: String
  }

  public let data: URL
  /// The data folder, discovered once for the whole start: protocols, services and fingerprint.
  public let folder: DataFolder
  public let library: ProtocolLibrary
  public let protocolID: String
  public let store: JournalStore?
  /// The clock, zone, folders and program the process gave.
  public let context: CaseContext
  /// Filled by `loadServices` (synchronously in plain mode).
  public var services = AppServices()
  /// « /srv/repere (option --data) »: the folder and why it was chosen, for the help screen.
  public var dataFolderLabel: String? {
    didSet { services.dataFolder = dataFolderLabel }
  }
  /// The data folder's content hash, computed in the background from the start (hashing the
  /// reference data takes a while; the journal needs it only with its first event).
  public let fingerprint: Lazy<String>

  /// Reads only the protocol files of `data` (found by their declared `format`) and picks the
  /// protocol to start; a protocol error stops the start with file:line:column.
  /// - Parameter journals: the journal folder (the option, the configuration or the default);
  ///   nil when none is known, and nothing is journaled.
  public static func load(
    data: URL, protocolID requested: String?, journals: URL?, context: CaseContext
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
    context.onPhase("protocols")
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
    let store = journals.map { JournalStore(folder: $0, clock: context.clock, timeZone: context.timeZone) }
    // Each file's digest is kept between starts: only files changed since the last start are
    // hashed again (a national directory is 90 MB).
    let digests = context.fileDigests
    let fingerprint = Lazy.inBackground { (try? BundleFingerprint.of(folder, digests: digests)) ?? "inconnu" }
    return CaseSetup(
      data: data, folder: folder, library: library, protocolID: chosen, store: store, context: context,
      fingerprint: fingerprint)
  }

  /// The rest of the bundle (its loading findings become a warning on screen), then the
  /// directory, places and contacts from the lookup module.
  public func loadServices() -> AppServices {
    Self.loadServices(folder: folder, library: library, cache: context.lookupCache, label: dataFolderLabel)
  }

  /// - Parameter cache: the same cache file as `repere find` (same folder, same program): a warm
  ///   start reads the directory and its index from it instead of parsing every directory file.
  static func loadServices(
    folder: DataFolder, library: ProtocolLibrary, cache: LookupCache.Location, label: String? = nil
  ) -> AppServices {
    let data = folder.root
    // Scenarios and correspondence tables do not change a case (training and `repere import`
    // load them themselves): they are listed, not parsed.
    let (bundle, findings) = DataBundle.load(
      folder, protocols: library, lookupCache: cache, unused: [.scenario, .correspondence])
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
  public func makeWalker(now: Date, language: Language) -> RulesCaseWalker {
    RulesCaseWalker(
      session: CaseSession(library: library, protocolID: protocolID), today: CalendarDay(now),
      displayLanguage: language)
  }

  /// Reopens the suspended case `id` (journal locked and repaired) and rebuilds its walk on
  /// this bundle's protocols.
  public func resume(id: String, now: Date, language: Language) throws -> ResumedSession {
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
  public func caseStart() -> CaseStart {
    let definition = library.protocolDefinition(protocolID)
    let references = library.ids.map { id in
      ProtocolReference(id: id, version: library.protocolDefinition(id)?.version ?? "")
    }
    return CaseStart(
      protocolInForce: ProtocolReference(id: protocolID, version: definition?.version ?? "", title: definition?.title),
      bundleProtocols: references, bundleHash: fingerprint.value,
      programVersion: context.programVersion, levels: definition?.levels ?? [],
      demonstrationData: folder.holdsFiction)
  }
}
