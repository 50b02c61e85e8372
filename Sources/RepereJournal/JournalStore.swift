import Foundation
import RepereBase

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder of case journals: one `<id>.jsonl` file per case, folder 0700, files 0600.
///
/// The folder, the clock and the time zone are injected; the CLI computes the folder with
/// `JournalStore.defaultFolder(environment:)` (`$XDG_STATE_HOME/repere`, else
/// `~/.local/state/repere`).
public struct JournalStore: Sendable {
  public static let fileExtension = "jsonl"

  public let folder: URL
  private let clock: @Sendable () -> Date
  private let timeZone: TimeZone
  private let makeCaseID: @Sendable () -> String

  /// - Parameters:
  ///   - folder: where journals live; created (0700) on first use, tightened if too open.
  ///   - clock: the time stamped on each event.
  ///   - timeZone: the offset written with each time (the professional's local time).
  ///   - makeCaseID: new case ids (random by default; fixed in tests).
  public init(
    folder: URL, clock: @escaping @Sendable () -> Date, timeZone: TimeZone,
    makeCaseID: @escaping @Sendable () -> String = { CaseID.random() }
  ) {
    self.folder = folder
    self.clock = clock
    self.timeZone = timeZone
    self.makeCaseID = makeCaseID
  }

  /// `$XDG_STATE_HOME/repere` when set to an absolute path (XDG spec), else
  /// `$HOME/.local/state/repere`; nil when neither is known.
  public static func defaultFolder(environment: [String: String]) -> URL? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent("repere", isDirectory: true)
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return URL(fileURLWithPath: home, isDirectory: true)
      .appendingPathComponent(".local/state/repere", isDirectory: true)
  }

  /// Creates the folder (0700) or checks it: tightens one that is too open, refuses a symbolic
  /// link or another user's folder. Returns what was tightened (in French), for the user.
  @discardableResult
  public func prepareFolder() throws -> [String] {
    try SecureFolder.prepare(folder)
  }

  /// The file of case `id`.
  public func url(for id: String) -> URL {
    folder.appendingPathComponent("\(id).\(Self.fileExtension)", isDirectory: false)
  }

  // MARK: Writing

  /// Starts a new case: creates its file (0600, locked) and writes the opening event, fsync'd,
  /// stamped `date` (the caller's `now`, so the opening and the first answers share one clock)
  /// or the store's clock.
  public func create(_ start: CaseStart, at date: Date? = nil) throws -> CaseJournal {
    try prepareFolder()
    var attempts = 0
    while true {
      attempts += 1
      let id = makeCaseID()
      guard CaseID.isValid(id) else { throw JournalError.invalidID(id) }
      let path = url(for: id).path
      let descriptor: Int32
      do {
        descriptor = try POSIX.open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, mode: SecureFolder.fileMode)
      } catch JournalError.system(_, _, let code) where code == EEXIST && attempts < 8 {
        continue  // an id already used: draw again
      }
      do {
        // O_CREAT's mode went through the umask; set exactly 0600.
        try POSIX.check(fchmod(descriptor, SecureFolder.fileMode), "chmod", path)
        guard try POSIX.tryLock(descriptor, path: path) else { throw JournalError.inUse(id: id) }
      } catch {
        POSIX.close(descriptor)
        unlink(path)
        throw error
      }
      let journal = CaseJournal(
        id: id, url: url(for: id), descriptor: descriptor, nextSequence: 1, length: 0, clock: clock,
        timeZone: timeZone)
      do {
        try journal.append(.opening(CaseOpening(caseID: id, start: start)), at: date ?? clock())
        // The new directory entry must survive a crash too.
        try POSIX.syncFolder(folder.path)
      } catch {
        journal.suspend()
        unlink(path)
        throw error
      }
      return journal
    }
  }

  /// Reopens an unfinished case to append to it, after repairing a torn last line (cut back to
  /// the last complete event) or a lost final newline. Throws `inUse` when another window holds
  /// it and `alreadyClosed` when it has ended.
  public func resume(id: String) throws -> ResumedCase {
    try prepareFolder()
    let id = try resolve(id)
    let file = url(for: id)
    // O_NOFOLLOW: a journal that is a symbolic link is refused, never cut or appended through.
    let descriptor = try SafeFile.openEntry(file.path, O_RDWR | O_APPEND)
    var notices: [String] = []
    do {
      guard POSIX.isRegularFile(try POSIX.status(descriptor, path: file.path)) else {
        throw JournalError.notRegularFile(path: file.path)
      }
      guard try POSIX.tryLock(descriptor, path: file.path) else { throw JournalError.inUse(id: id) }
      if let notice = try SecureFolder.tightenFile(descriptor: descriptor, path: file.path) { notices.append(notice) }
      let reading = JournalReader.parse(try readAll(descriptor, path: file.path), file: file.lastPathComponent)
      let record = RecordedCase(caseID: id, reading: reading)
      guard !record.isFinished else { throw JournalError.alreadyClosed(id: id) }
      var length = reading.fileLength
      if reading.hasTornTail {
        try POSIX.check(ftruncate(descriptor, off_t(reading.cleanLength)), "troncature", file.path)
        try POSIX.sync(descriptor, path: file.path)
        length = reading.cleanLength
      } else if reading.missingFinalNewline {
        try POSIX.writeAll(descriptor, Data([UInt8(ascii: "\n")]), path: file.path)
        try POSIX.sync(descriptor, path: file.path)
        length += 1
      }
      let journal = CaseJournal(
        id: id, url: file, descriptor: descriptor, nextSequence: record.lastSequence + 1, length: length,
        clock: clock, timeZone: timeZone)
      return ResumedCase(journal: journal, record: record, notices: notices)
    } catch {
      POSIX.close(descriptor)
      throw error
    }
  }

  // MARK: Reading

  /// Tightens case `id`'s journal to 0600 if a copy or a restore left it wider (0644: another
  /// user could read it) and returns the notice to print, so `journal list`, `show` and `export`
  /// do not pass over it without a word (issue 18, point 10). Never follows a link; an entry
  /// that cannot be opened is left to the reading that follows, which reports it.
  public func tightenPermissions(id: String) -> String? {
    guard let descriptor = try? SafeFile.openEntry(url(for: id).path, O_RDONLY) else { return nil }
    defer { POSIX.close(descriptor) }
    guard let info = try? POSIX.status(descriptor, path: url(for: id).path), POSIX.isRegularFile(info) else {
      return nil
    }
    do {
      return try SecureFolder.tightenFile(descriptor: descriptor, path: url(for: id).path)
    } catch let error as JournalError {
      return "droits trop ouverts, non resserrés : \(error.description)"
    } catch {
      return nil
    }
  }

  /// Reads a journal without locking or repairing it.
  public func read(id: String) throws -> JournalReadResult {
    try JournalReader.read(url(for: resolve(id)))
  }

  /// The case a journal describes.
  public func recordedCase(id: String) throws -> RecordedCase {
    let id = try resolve(id)
    return RecordedCase(caseID: id, reading: try JournalReader.read(url(for: id)))
  }

  /// Every journal in the folder, oldest first. A missing folder lists nothing.
  public func list() throws -> [JournalSummary] {
    try survey().journals
  }

  /// Every readable journal, oldest first, and why each other `<id>.jsonl` entry was skipped
  /// (a folder, a symbolic link, another user's file…): one bad entry never stops listing,
  /// retention or the resume offer for the others.
  public func survey() throws -> (journals: [JournalSummary], skipped: [String]) {
    var journals: [JournalSummary] = []
    var skipped: [String] = []
    for id in try ids() {
      do {
        journals.append(try summary(of: id))
      } catch let error as JournalError {
        skipped.append("entrée ignorée : \(error.description)")
      }
    }
    return (journals.sorted { ($0.sortDate, $0.id) < ($1.sortDate, $1.id) }, skipped)
  }

  /// Cases without an `end` event and with at least their opening: what the next start offers
  /// to resume, most recent first. Cases open in another window are included, marked `inUse`.
  public func unfinishedCases() throws -> [JournalSummary] {
    try list().filter { !$0.isFinished && $0.eventCount > 0 }.reversed()
  }

  /// Resolves a full id or a unique prefix of one.
  public func resolve(_ idOrPrefix: String) throws -> String {
    guard CaseID.isValid(idOrPrefix) else { throw JournalError.invalidID(idOrPrefix) }
    let known = try ids()
    if known.contains(idOrPrefix) { return idOrPrefix }
    let matches = known.filter { $0.hasPrefix(idOrPrefix) }
    switch matches.count {
    case 0: throw JournalError.notFound(id: idOrPrefix)
    case 1: return matches[0]
    default: throw JournalError.ambiguous(prefix: idOrPrefix, candidates: matches)
    }
  }

  // MARK: Purging

  /// Removes journals whose last event (or, for an empty or unreadable file, last modification)
  /// is more than `days` days before now. Cases open in another window are kept. With
  /// `overwrite`, each file is overwritten with zeros and synced before it is unlinked.
  public func purge(olderThanDays days: Int, overwrite: Bool = false) throws -> PurgeReport {
    // The same checks as the other commands: a symbolic link or another user's folder is refused.
    if POSIX.linkStatus(folder.path) != nil { try prepareFolder() }
    let now = clock()
    let limit = now.addingTimeInterval(-Double(days) * 86_400)
    let survey = try survey()
    var report = PurgeReport(removed: [], kept: [], skippedInUse: [], removedExports: [], unreadable: survey.skipped)
    for summary in survey.journals {
      guard summary.sortDate < limit else {
        report.kept.append(summary.id)
        continue
      }
      if summary.inUse {
        report.skippedInUse.append(summary.id)
        continue
      }
      try remove(summary.url, overwrite: overwrite)
      // The note being typed when the case was left goes with it (a regular file only).
      let draft = NoteDraft.url(for: summary.url)
      if POSIX.linkStatus(draft.path).map(POSIX.isRegularFile) == true { try remove(draft, overwrite: overwrite) }
      for export in try exports(of: summary.id) {
        try remove(export, overwrite: overwrite)
        report.removedExports.append(export.lastPathComponent)
      }
      report.removed.append(summary.id)
    }
    // Exports whose case is gone or that were written without a journal: by their own age.
    for export in try exports(of: nil) {
      let modified = try? FileManager.default.attributesOfItem(atPath: export.path)[.modificationDate] as? Date
      guard let modified, modified < limit else { continue }
      try remove(export, overwrite: overwrite)
      report.removedExports.append(export.lastPathComponent)
    }
    if !report.removed.isEmpty { try POSIX.syncFolder(folder.path) }
    return report
  }

  /// Where exported summaries are kept beside the journals (`exports/<id>.md`, `.json`): purged
  /// with their case.
  public var exportsFolder: URL { folder.appendingPathComponent("exports", isDirectory: true) }

  // MARK: Private

  /// Regular files of `exportsFolder` named after case `id` (any extension), or all of them.
  private func exports(of id: String?) throws -> [URL] {
    // `exports` pointing elsewhere (a symbolic link) is not ours to purge.
    guard let info = POSIX.linkStatus(exportsFolder.path), POSIX.isDirectory(info),
      let names = try? FileManager.default.contentsOfDirectory(atPath: exportsFolder.path)
    else { return [] }
    return names.filter { name in id.map { (name as NSString).deletingPathExtension == $0 } ?? true }.sorted()
      .map { exportsFolder.appendingPathComponent($0, isDirectory: false) }
      .filter { POSIX.linkStatus($0.path).map(POSIX.isRegularFile) ?? false }
  }

  private func ids() throws -> [String] {
    guard POSIX.linkStatus(folder.path) != nil else { return [] }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw JournalError.system(operation: "lecture du dossier", path: folder.path, errno: errnoOf(error))
    }
    let suffix = ".\(Self.fileExtension)"
    return names.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.filter(CaseID.isValid)
      .sorted()
  }

  private func summary(of id: String) throws -> JournalSummary {
    let file = url(for: id)
    let reading = try JournalReader.read(file)
    let record = RecordedCase(caseID: id, reading: reading)
    let modified = (try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date) ?? nil
    return JournalSummary(
      id: id, url: file, record: record, eventCount: reading.entries.count, modifiedAt: modified ?? .distantPast,
      inUse: isLockedElsewhere(file))
  }

  /// True when another process holds the journal's lock (a window with the case open).
  private func isLockedElsewhere(_ file: URL) -> Bool {
    guard let descriptor = try? SafeFile.openEntry(file.path, O_RDONLY) else { return false }
    defer { POSIX.close(descriptor) }
    if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
      flock(descriptor, LOCK_UN)
      return false
    }
    return errno == EWOULDBLOCK
  }

  private func readAll(_ descriptor: Int32, path: String) throws -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    var offset: off_t = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
      if count < 0 {
        if errno == EINTR { continue }
        throw JournalError.system(operation: "lecture", path: path, errno: errno)
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
      offset += off_t(count)
    }
  }

  private func remove(_ file: URL, overwrite: Bool) throws {
    // Only a regular file is removed, and zero-filled without following a link to its target.
    guard let entry = POSIX.linkStatus(file.path), POSIX.isRegularFile(entry) else {
      throw JournalError.notRegularFile(path: file.path)
    }
    if overwrite {
      let descriptor = try SafeFile.openEntry(file.path, O_WRONLY)
      defer { POSIX.close(descriptor) }
      let info = try POSIX.status(descriptor, path: file.path)
      guard POSIX.isRegularFile(info) else { throw JournalError.notRegularFile(path: file.path) }
      let size = Int(info.st_size)
      let zeros = Data(count: 64 * 1024)
      var written = 0
      while written < size {
        let chunk = min(zeros.count, size - written)
        try POSIX.writeAll(descriptor, zeros.prefix(chunk), path: file.path)
        written += chunk
      }
      try POSIX.sync(descriptor, path: file.path)
    }
    try POSIX.check(unlink(file.path), "suppression", file.path)
  }
}

/// A journal reopened for appending, with the case rebuilt from its events.
public struct ResumedCase: Sendable {
  /// Append here; the next sequence number follows the last one read.
  public var journal: CaseJournal
  /// The case as it stood: what the UI rebuilds its session from. Its `findings` say what was
  /// repaired (a torn last line, a lost newline).
  public var record: RecordedCase
  /// Permissions tightened on the way (French, for the user).
  public var notices: [String]
}

/// One line of `repere journal list` and of the resume offer.
public struct JournalSummary: Hashable, Sendable {
  public var id: String
  public var url: URL
  /// The case rebuilt from the file.
  public var record: RecordedCase
  public var eventCount: Int
  public var modifiedAt: Date
  /// True when another Repère window has the case open.
  public var inUse: Bool

  public var isFinished: Bool { record.isFinished }
  public var startedAt: JournalTimestamp? { record.startedAt }
  public var lastEventAt: JournalTimestamp? { record.lastEventAt }

  /// The age reference for listing and purging: the last event's time, else the file's.
  public var sortDate: Date { record.lastEventAt?.date ?? modifiedAt }
}

/// What `purge` did.
public struct PurgeReport: Hashable, Sendable {
  /// Case ids whose journal was removed.
  public var removed: [String]
  public var kept: [String]
  /// Old enough, but open in another window.
  public var skippedInUse: [String]
  /// File names removed from `exports/` (with their case, or past the retention themselves).
  public var removedExports: [String] = []
  /// Entries left alone because they could not be read as journals, with the reason.
  public var unreadable: [String] = []
}
