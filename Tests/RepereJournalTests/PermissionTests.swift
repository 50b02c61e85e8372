import Foundation
import Testing

@testable import RepereJournal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct PermissionTests {
  @Test func theFolderIs0700AndEveryJournal0600WhateverTheUmask() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let previous = umask(0o000)
    defer { umask(previous) }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    journal.suspendSettled()
    #expect(permissions(of: folder.journals) == 0o700)
    #expect(permissions(of: folder.journals.deletingLastPathComponent()) == 0o700, "XDG parents created 0700")
    #expect(permissions(of: journal.url) == 0o600)
  }

  @Test func aTooOpenFolderIsTightenedAndSaidSo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.journals, withIntermediateDirectories: true)
    chmod(folder.journals.path, 0o755)
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let notices = try store.prepareFolder()
    #expect(notices.count == 1)
    #expect(notices.first?.contains("0755 à 0700") == true)
    #expect(permissions(of: folder.journals) == 0o700)
    #expect(try store.prepareFolder().isEmpty)
  }

  @Test func aTooOpenJournalFileIsTightenedOnResume() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    journal.suspendSettled()
    chmod(journal.url.path, 0o644)
    let resumed = try store.resume(id: journal.id)
    #expect(resumed.notices.first?.contains("0644 à 0600") == true)
    #expect(permissions(of: journal.url) == 0o600)
  }

  /// Issue 18, point 10: a 0644 journal stayed 0644 under `journal list/show/export`.
  @Test func aTooOpenJournalFileIsTightenedWhenListedOrRead() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    journal.suspendSettled()
    chmod(journal.url.path, 0o644)
    let notice = try #require(store.tightenPermissions(id: journal.id))
    #expect(notice.contains("0644 à 0600"))
    #expect(notice.contains(journal.url.path))
    #expect(permissions(of: journal.url) == 0o600)
    #expect(store.tightenPermissions(id: journal.id) == nil, "said once, not at every listing")
    // A link in place of the journal is never followed, so its target keeps its rights.
    let target = folder.url.appendingPathComponent("elsewhere.jsonl")
    #expect(FileManager.default.createFile(atPath: target.path, contents: Data()))
    chmod(target.path, 0o644)
    try FileManager.default.createSymbolicLink(
      at: folder.journals.appendingPathComponent("20260101-0000-aaaa.jsonl"), withDestinationURL: target)
    #expect(store.tightenPermissions(id: "20260101-0000-aaaa") == nil)
    #expect(permissions(of: target) == 0o644)
  }

  @Test func aSymbolicLinkOrAFileInPlaceOfTheFolderIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let elsewhere = folder.url.appendingPathComponent("shared", isDirectory: true)
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.journals.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: folder.journals, withDestinationURL: elsewhere)
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    #expect {
      try store.create(Fixtures.start)
    } throws: { error in
      guard case JournalError.unsafeFolder(_, let reason) = error else { return false }
      return reason.contains("lien symbolique")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)

    try FileManager.default.removeItem(at: folder.journals)
    try Data("x".utf8).write(to: folder.journals)
    #expect {
      try store.prepareFolder()
    } throws: { error in
      guard case JournalError.unsafeFolder(_, let reason) = error else { return false }
      return reason.contains("pas un dossier")
    }
  }

  @Test(.enabled(if: geteuid() == 0, "needs root to give the folder to another user"))
  func anotherUsersFolderIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createDirectory(at: folder.journals, withIntermediateDirectories: true)
    #expect(chown(folder.journals.path, 65_534, 65_534) == 0)
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    #expect {
      try store.prepareFolder()
    } throws: { error in
      guard case JournalError.unsafeFolder(_, let reason) = error else { return false }
      return reason.contains("autre utilisateur")
    }
  }
}
