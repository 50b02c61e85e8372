import Foundation
import RepereBase
import Testing

/// The one discovery of a data folder: typed kinds, hidden files skipped, `reference/` apart.
@Suite struct DataFolderTests {
  @Test func filesAreTypedOnceByTheirFormatOrTheirPlace() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("repere-folder-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let files = [
      "protocoles/national.yaml": "format: repere/protocol@1\nid: x\n",
      "annuaire.yml": "# directory\nformat: \"repere/directory@1\"  # comment\r\n",
      "autre.yaml": "format: repere/unknown@9\n",
      "annuaire.csv": "id;nom\n",
      "reference/communes.csv": "code\n",
      ".cache/hidden.yaml": "format: repere/protocol@1\n",
      "notes.md": "hashed, not data\n",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let folder = DataFolder.scan(root)
    #expect(folder.exists)
    #expect(
      folder.files.map(\.path) == [
        "annuaire.csv", "annuaire.yml", "autre.yaml", "protocoles/national.yaml", "reference/communes.csv",
      ])
    #expect(folder.files.map(\.kind) == [.directoryCSV, .directory, nil, .protocolFile, .reference])
    #expect(folder.files(of: .protocolFile).map(\.path) == ["protocoles/national.yaml"])
    #expect(folder.contents.map(\.path).contains("notes.md"))
    #expect(!folder.contents.map(\.path).contains { $0.hasPrefix(".cache") })
  }

  @Test func aMissingFolderSaysSo() {
    let folder = DataFolder.scan(URL(fileURLWithPath: "/nonexistent/repere-data"))
    #expect(!folder.exists)
    #expect(folder.files.isEmpty)
  }
}
