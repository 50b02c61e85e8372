import Foundation
import RepereBase
import Testing

@testable import RepereJournal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct JournalStoreTests {
  @Test func createWritesTheOpeningFirstAndAppendsInSequence() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let clock = TestClock(Fixtures.caseStart)
    let store = Fixtures.store(in: folder.journals, clock: clock)
    let journal = try store.create(Fixtures.start)
    #expect(journal.id == "lea15hotel22")
    #expect(journal.lastSequence == 1)
    clock.advance(minutes: 1)
    let entry = try journal.append(.note(NoteEvent(text: "premier appel")))
    #expect(entry.sequence == 2)
    #expect(entry.time.description == "2026-11-29T23:11:00+01:00")

    let reading = try store.read(id: journal.id)
    #expect(reading.findings.isEmpty)
    #expect(reading.entries.map(\.sequence) == [1, 2])
    guard case .opening(let opening) = reading.entries[0].event else {
      Issue.record("the first event must be the opening")
      return
    }
    #expect(opening.caseID == "lea15hotel22")
    #expect(opening.protocolInForce == Fixtures.nationalProtocol)
    #expect(opening.protocols.map(\.id) == ["national/orientation", "95/orientation"])
    #expect(opening.bundleHash.hasPrefix("sha256:"))
    #expect(opening.programVersion == "0.1.0")
    let text = try String(contentsOf: journal.url, encoding: .utf8)
    #expect(text.hasPrefix(#"{"v":1,"seq":1,"t":"2026-11-29T23:10:00+01:00","type":"open","#))
  }

  @Test func anUnfinishedCaseIsOfferedAndResumesExactlyWhereItStood() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let clock = TestClock(Fixtures.caseStart)
    let store = Fixtures.store(in: folder.journals, clock: clock, ids: ["finished0001", "lea15hotel22"])
    let finished = try store.create(Fixtures.start)
    try finished.close(level: nil)

    let journal = try store.create(Fixtures.start)
    for (minutes, event) in Fixtures.leaEvents.prefix(8) {
      try journal.append(event, at: Fixtures.caseStart.addingTimeInterval(minutes * 60))
    }
    journal.suspendSettled()  // as when the terminal closes

    let offered = try store.unfinishedCases()
    #expect(offered.map(\.id) == ["lea15hotel22"])
    #expect(offered.first?.inUse == false)

    let resumed = try store.resume(id: "lea15")
    let record = resumed.record
    #expect(record.protocolInForce == Fixtures.nationalProtocol)
    #expect(record.place?.place == Fixtures.saintDenis)
    #expect(record.answers.map(\.step) == ["securite", "lieu", "age", "signes", "adulte"])
    #expect(
      record.answers.map(\.value.specText) == ["false", "93200", "14", "fugues,hotel,argent-inexplique", "unknown"])
    #expect(record.answers[2].changed)
    #expect(record.notes.map(\.event.text) == ["L'appelante est l'éducatrice du foyer.\nElle rappellera demain matin."])
    #expect(record.lastSequence == 9)
    #expect(resumed.journal.lastSequence == 9)

    let next = try resumed.journal.append(.note(NoteEvent(text: "reprise")))
    #expect(next.sequence == 10)
    try resumed.journal.close(level: "information-preoccupante")
    #expect(try store.unfinishedCases().isEmpty)
    #expect(throws: JournalError.alreadyClosed(id: "lea15hotel22")) { try store.resume(id: "lea15hotel22") }
    #expect(throws: JournalError.alreadyClosed(id: "lea15hotel22")) {
      try resumed.journal.append(.note(NoteEvent(text: "trop tard")))
    }
  }

  @Test func resumingRepairsATornTailSoTheNextEventStartsOnACleanLine() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    try journal.append(.note(NoteEvent(text: "gardée")))
    journal.suspendSettled()
    let handle = try FileHandle(forWritingTo: journal.url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"v":1,"seq":3,"t":"2026-11-29T23:1"#.utf8))
    try handle.close()

    let offered = try store.unfinishedCases()
    #expect(offered.first?.record.findings.map(\.code) == [JournalReader.tornLineCode])

    let resumed = try store.resume(id: journal.id)
    #expect(resumed.record.findings.map(\.code) == [JournalReader.tornLineCode])
    try resumed.journal.append(.note(NoteEvent(text: "après réparation")))
    resumed.journal.suspendSettled()

    let reading = try store.read(id: journal.id)
    #expect(reading.findings.isEmpty)
    #expect(reading.entries.map(\.sequence) == [1, 2, 3])
    guard case .note(let note) = reading.entries[2].event else {
      Issue.record("expected the new note")
      return
    }
    #expect(note.text == "après réparation")
  }

  @Test func resumingRestoresALostFinalNewline() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    try journal.append(.note(NoteEvent(text: "dernière")))
    journal.suspendSettled()
    let data = try Data(contentsOf: journal.url)
    try data.dropLast().write(to: journal.url)

    let resumed = try store.resume(id: journal.id)
    #expect(resumed.record.lastSequence == 2)
    try resumed.journal.append(.note(NoteEvent(text: "suivante")))
    resumed.journal.suspendSettled()
    let reading = try store.read(id: journal.id)
    #expect(reading.findings.isEmpty)
    #expect(reading.entries.map(\.sequence) == [1, 2, 3])
  }

  @Test func aCaseOpenInOneWindowCannotBeResumedInAnother() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    // flock locks belong to the open file description: a second open in this process conflicts too.
    #expect(throws: JournalError.inUse(id: journal.id)) { try store.resume(id: journal.id) }
    #expect(try store.unfinishedCases().first?.inUse == true)
    journal.suspendSettled()
    let resumed = try store.resume(id: journal.id)
    #expect(resumed.journal.lastSequence == 1)
  }

  @Test func idsAreResolvedByUniquePrefixAndValidated() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(
      in: folder.journals, clock: TestClock(Fixtures.caseStart), ids: ["abcd23456789", "abce23456789"])
    try store.create(Fixtures.start).close(level: nil)
    try store.create(Fixtures.start).close(level: nil)
    #expect(try store.resolve("abcd") == "abcd23456789")
    #expect(throws: JournalError.ambiguous(prefix: "abc", candidates: ["abcd23456789", "abce23456789"])) {
      try store.resolve("abc")
    }
    #expect(throws: JournalError.notFound(id: "zz")) { try store.resolve("zz") }
    #expect(throws: JournalError.invalidID("../x")) { try store.resolve("../x") }
  }

  @Test func purgeRemovesOnlyCasesPastTheRetentionAndCanOverwriteFirst() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let clock = TestClock(Fixtures.caseStart)
    let store = Fixtures.store(
      in: folder.journals, clock: clock, ids: ["old000000001", "recent000001", "open00000001"])
    try store.create(Fixtures.start).close(level: nil)
    clock.advance(days: 20)
    try store.create(Fixtures.start).close(level: nil)
    let open = try store.create(Fixtures.start)
    _ = open
    clock.advance(days: 15)

    // Exports beside the journals (as the UI writes them) go with their case.
    try FileManager.default.createDirectory(at: store.exportsFolder, withIntermediateDirectories: true)
    try Data("synthèse".utf8).write(to: store.exportsFolder.appendingPathComponent("old000000001.md"))
    try Data("synthèse".utf8).write(to: store.exportsFolder.appendingPathComponent("recent000001.md"))
    for name in ["old000000001.md", "recent000001.md"] {  // file dates on the test's clock, not the machine's
      try FileManager.default.setAttributes(
        [.modificationDate: clock.now], ofItemAtPath: store.exportsFolder.appendingPathComponent(name).path)
    }

    // A note draft left beside each case (a session ended while typing) goes with its case only.
    try NoteDraft.write("brouillon ancien", for: store.url(for: "old000000001"))
    try NoteDraft.write("brouillon récent", for: store.url(for: "recent000001"))

    // 35 days after the first case, 15 after the others.
    let report = try store.purge(olderThanDays: JournalRetention.defaultDays, overwrite: true)
    #expect(!FileManager.default.fileExists(atPath: NoteDraft.url(for: store.url(for: "old000000001")).path))
    #expect(NoteDraft.read(for: store.url(for: "recent000001")) == "brouillon récent")
    #expect(report.removed == ["old000000001"])
    #expect(report.removedExports == ["old000000001.md"])
    #expect(FileManager.default.fileExists(atPath: store.exportsFolder.appendingPathComponent("recent000001.md").path))
    #expect(report.kept.sorted() == ["open00000001", "recent000001"])
    #expect(!FileManager.default.fileExists(atPath: store.url(for: "old000000001").path))

    clock.advance(days: 30)
    let later = try store.purge(olderThanDays: 30)
    #expect(later.removed == ["recent000001"])
    #expect(later.skippedInUse == ["open00000001"])
    open.suspendSettled()
    #expect(try store.purge(olderThanDays: 0).removed == ["open00000001"])
    #expect(try store.list().isEmpty)
  }

  @Test func retentionComesFromTheEnvironmentOrDefaultsToThirtyDays() throws {
    #expect(try JournalRetention.from(environment: [:]).days == 30)
    #expect(try JournalRetention.from(environment: ["REPERE_JOURNAL_RETENTION_DAYS": " 7 "]).days == 7)
    #expect(throws: JournalRetention.RetentionError(text: "un mois")) {
      try JournalRetention.from(environment: ["REPERE_JOURNAL_RETENTION_DAYS": "un mois"])
    }
  }

  @Test func theDefaultFolderFollowsXDG() {
    #expect(
      JournalStore.defaultFolder(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/repere")
    #expect(
      JournalStore.defaultFolder(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])?.path
        == "/h/.local/state/repere")
    #expect(JournalStore.defaultFolder(environment: [:]) == nil)
  }

  @Test func theOpeningCanBeStampedWithTheCallersNow() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let uiNow = Fixtures.caseStart.addingTimeInterval(-90)
    let journal = try store.create(Fixtures.start, at: uiNow)
    journal.suspendSettled()
    #expect(try store.read(id: journal.id).entries.first?.time.description == "2026-11-29T23:08:30+01:00")
  }

  @Test func appendingToASuspendedJournalThrows() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    journal.suspendSettled()
    #expect(throws: JournalError.suspended(id: journal.id)) { try journal.append(.note(NoteEvent(text: "x"))) }
    #expect(journal.lastSequence == 1)
  }
}
