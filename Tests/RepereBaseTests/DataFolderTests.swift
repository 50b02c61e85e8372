import Foundation
import Testing

@testable import RepereBase

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

  /// Issue 18, point 10: a symlinked data file was named by its target.
  @Test func aSymbolicLinkIsNamedByItsOwnPath() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("repere-folder-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data/annuaire", isDirectory: true)
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let inside = root.appendingPathComponent("data/sources/cible.yaml")
    try FileManager.default.createDirectory(at: inside.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "format: repere/directory@1\n".write(to: inside, atomically: true, encoding: .utf8)
    let outside = root.appendingPathComponent("ailleurs.yaml")
    try "format: repere/directory@1\n".write(to: outside, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("lien.yaml"), withDestinationURL: inside)
    try FileManager.default.createSymbolicLink(
      at: data.appendingPathComponent("dehors.yaml"), withDestinationURL: outside)
    let folder = DataFolder.scan(root.appendingPathComponent("data"))
    #expect(
      folder.files.map(\.path) == ["annuaire/dehors.yaml", "annuaire/lien.yaml", "sources/cible.yaml"])
    #expect(folder.files.allSatisfy { $0.kind == .directory })
    // The content hash covers regular files only: a link is listed as a data file, not as content.
    #expect(folder.contents.map(\.path) == ["sources/cible.yaml"])
  }

  /// The `format:` and `source:` values of a head, trimmed as people write them.
  @Test func headValuesAreTrimmedOfSpacesQuotesAndComments() {
    for (text, expected) in [
      ("format: repere/directory@1\n", "repere/directory@1"),
      ("format:   \"repere/directory@1\"  # x\n", "repere/directory@1"),
      ("format:\t'repere/vocabulary@1'\r\n", "repere/vocabulary@1"),
      ("format: \u{A0}repere/directory@1\u{A0}\n", "repere/directory@1"),
      ("format:\n", ""), ("source: fictif\n", nil),
    ] as [(String, String?)] {
      #expect(DataFolder.headValue("format", in: Data(text.utf8)) == expected, "\(text)")
    }
  }

  @Test func aMissingFolderSaysSo() {
    let folder = DataFolder.scan(URL(fileURLWithPath: "/nonexistent/repere-data"))
    #expect(!folder.exists)
    #expect(folder.files.isEmpty)
  }
}
