import Foundation
import Testing

@testable import RepereJournal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 18, points 3 and 7: export and purge never reach outside the journal folder, and one
/// entry that is not a readable journal never stops the others being listed or purged.
@Suite struct HostileFileTests {
  private func write(_ text: String, _ url: URL) throws {
    try Data(text.utf8).write(to: url)
  }

  private func contents(_ url: URL) -> String? {
    try? String(contentsOf: url, encoding: .utf8)
  }

  // MARK: export -o

  @Test func anExportIs0600FromCreationAndAnExistingFileNeedsForce() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let previous = umask(0o000)
    defer { umask(previous) }
    let target = folder.url.appendingPathComponent("synthese.md")
    try SafeFile.write(Data("un".utf8), to: target.path, force: false)
    #expect(permissions(of: target) == 0o600)
    #expect(throws: JournalError.exists(path: target.path)) {
      try SafeFile.write(Data("deux".utf8), to: target.path, force: false)
    }
    #expect(contents(target) == "un")
    chmod(target.path, 0o644)
    try SafeFile.write(Data("deux".utf8), to: target.path, force: true)
    #expect(contents(target) == "deux")
    #expect(permissions(of: target) == 0o600, "a replaced file is a new 0600 file, not the old 0644 one")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["synthese.md"])
  }

  @Test func anExportNeverGoesThroughALinkOrIntoAFIFOOrDevice() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let victim = folder.url.appendingPathComponent("victime.txt")
    try write("à garder", victim)
    let link = folder.url.appendingPathComponent("lien.md")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
    let fifo = folder.url.appendingPathComponent("tube.md")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    for path in [link.path, fifo.path, "/dev/null", folder.url.path] {
      #expect(throws: JournalError.notRegularFile(path: path)) {
        try SafeFile.write(Data("x".utf8), to: path, force: true)
      }
    }
    #expect(contents(victim) == "à garder")
  }

  // MARK: purge and resume

  /// An old case in `folder`, suspended.
  private func oldCase(in journals: URL, id: String) throws -> URL {
    let store = Fixtures.store(in: journals, clock: TestClock(Fixtures.caseStart), ids: [id])
    let journal = try store.create(Fixtures.start)
    journal.suspendSettled()
    return journal.url
  }

  private func storeLater(_ journals: URL) -> JournalStore {
    let clock = TestClock(Fixtures.caseStart)
    clock.advance(days: 400)
    return Fixtures.store(in: journals, clock: clock)
  }

  @Test func purgeNeverZeroFillsALinkTargetNorEmptiesAFolderExportsPointsTo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try oldCase(in: folder.journals, id: "lea15hotel22")
    let victim = folder.url.appendingPathComponent("victime.jsonl")
    try write("à garder\n", victim)
    try FileManager.default.createSymbolicLink(
      at: folder.journals.appendingPathComponent("aaa111.jsonl"), withDestinationURL: victim)
    let outside = folder.url.appendingPathComponent("ailleurs", isDirectory: true)
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    let outsideFile = outside.appendingPathComponent("lea15hotel22.md")
    try write("à garder", outsideFile)
    try FileManager.default.setAttributes([.modificationDate: Fixtures.caseStart], ofItemAtPath: outsideFile.path)
    try FileManager.default.createSymbolicLink(
      at: folder.journals.appendingPathComponent("exports"), withDestinationURL: outside)

    let report = try storeLater(folder.journals).purge(olderThanDays: 30, overwrite: true)
    #expect(report.removed == ["lea15hotel22"])
    #expect(report.removedExports.isEmpty)
    #expect(report.unreadable.count == 1)
    #expect(report.unreadable.first?.contains("aaa111.jsonl n'est pas un fichier ordinaire") == true)
    #expect(contents(victim) == "à garder\n")
    #expect(contents(outsideFile) == "à garder")
  }

  @Test func purgeRefusesASymlinkedJournalFolderAsListDoes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let real = folder.url.appendingPathComponent("reel", isDirectory: true)
    _ = try oldCase(in: real, id: "lea15hotel22")
    try FileManager.default.createDirectory(
      at: folder.journals.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: folder.journals, withDestinationURL: real)
    #expect(throws: JournalError.self) { try storeLater(folder.journals).purge(olderThanDays: 30) }
    #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("lea15hotel22.jsonl").path))
  }

  @Test func resumeRefusesASymlinkedJournalAndLeavesItsTargetAlone() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let original = try oldCase(in: folder.journals, id: "lea15hotel22")
    let moved = folder.url.appendingPathComponent("ailleurs.jsonl")
    try FileManager.default.moveItem(at: original, to: moved)
    let before = try Data(contentsOf: moved) + Data("{\"torn".utf8)
    try before.write(to: moved)
    try FileManager.default.createSymbolicLink(at: original, withDestinationURL: moved)
    #expect(throws: JournalError.notRegularFile(path: original.path)) {
      _ = try storeLater(folder.journals).resume(id: "lea15hotel22")
    }
    #expect(try Data(contentsOf: moved) == before, "not cut, not appended")
  }

  // MARK: unreadable entries (point 7)

  @Test func oneUnreadableEntryIsSkippedWithItsRealReason() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try oldCase(in: folder.journals, id: "lea15hotel22")
    try FileManager.default.createDirectory(
      at: folder.journals.appendingPathComponent("dossier1.jsonl"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: folder.journals.appendingPathComponent("pendant2.jsonl"),
      withDestinationURL: folder.url.appendingPathComponent("absent"))
    let store = storeLater(folder.journals)
    let survey = try store.survey()
    #expect(survey.journals.map(\.id) == ["lea15hotel22"])
    #expect(survey.skipped.count == 2)
    #expect(survey.skipped[0].contains("dossier1.jsonl : \(String(cString: strerror(EISDIR)))"))
    #expect(survey.skipped[1].contains("pendant2.jsonl n'est pas un fichier ordinaire"))
    #expect(try store.unfinishedCases().map(\.id) == ["lea15hotel22"], "the resume offer still stands")
    let report = try store.purge(olderThanDays: 30)
    #expect(report.removed == ["lea15hotel22"])
    #expect(report.unreadable.count == 2)
  }
}
