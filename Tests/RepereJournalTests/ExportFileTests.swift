import Foundation
import RepereBase
import Testing

@testable import RepereJournal

/// Issue 12, point 9: a second export of a case never replaces the first (it may already have
/// been sent), and the later exports are still purged with their case.
@Suite struct ExportFileTests {
  @Test func aSecondExportGetsItsOwnName() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let first = try SafeFile.writeNew(Data("première".utf8), in: folder.url.path, name: "k7q2m9x4bt3d.md")
    let second = try SafeFile.writeNew(Data("seconde".utf8), in: folder.url.path, name: "k7q2m9x4bt3d.md")
    let third = try SafeFile.writeNew(Data("troisième".utf8), in: folder.url.path, name: "k7q2m9x4bt3d.md")
    #expect((first as NSString).lastPathComponent == "k7q2m9x4bt3d.md")
    #expect((second as NSString).lastPathComponent == "k7q2m9x4bt3d-2.md")
    #expect((third as NSString).lastPathComponent == "k7q2m9x4bt3d-3.md")
    #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: first)), as: UTF8.self) == "première")
    #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: second)), as: UTF8.self) == "seconde")
    let mode = try FileManager.default.attributesOfItem(atPath: second)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func laterExportsBelongToTheirCase() {
    #expect(JournalStore.isExport("k7q2m9x4bt3d.md", of: "k7q2m9x4bt3d"))
    #expect(JournalStore.isExport("k7q2m9x4bt3d-2.md", of: "k7q2m9x4bt3d"))
    #expect(JournalStore.isExport("k7q2m9x4bt3d-12.json", of: "k7q2m9x4bt3d"))
    #expect(!JournalStore.isExport("k7q2m9x4bt3d-notes.md", of: "k7q2m9x4bt3d"))
    #expect(!JournalStore.isExport("k7q2m9x4bt3dz.md", of: "k7q2m9x4bt3d"))
  }
}
