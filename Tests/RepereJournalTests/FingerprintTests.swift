import Foundation
import RepereBase
import Testing

@testable import RepereJournal

@Suite struct FingerprintTests {
  @Test func sha256MatchesTheStandardsVectors() {
    #expect(SHA256.hex(of: Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    var hasher = SHA256()
    for _ in 0..<1000 { hasher.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
    #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func theBundleFingerprintChangesWithContentNotWithDates() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = folder.url.appendingPathComponent("data", isDirectory: true)
    try FileManager.default.createDirectory(
      at: data.appendingPathComponent("reference"), withIntermediateDirectories: true)
    try Data("format: repere/protocol@1\n".utf8).write(to: data.appendingPathComponent("p.yaml"))
    try Data("code,nom\n".utf8).write(to: data.appendingPathComponent("reference/departements.csv"))
    try Data("ignored".utf8).write(to: data.appendingPathComponent(".DS_Store"))
    let first = try BundleFingerprint.of(folder: data)
    #expect(first.hasPrefix("sha256:") && first.count == 71)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 0)], ofItemAtPath: data.appendingPathComponent("p.yaml").path)
    #expect(try BundleFingerprint.of(folder: data) == first)
    try Data("format: repere/protocol@1\n# v2\n".utf8).write(to: data.appendingPathComponent("p.yaml"))
    #expect(try BundleFingerprint.of(folder: data) != first)
  }

  /// The digests kept between starts never hide a change: an edit that keeps the size and the
  /// modification date, an added file and a removed one all change the fingerprint, and a damaged
  /// digest file is ignored.
  @Test func keptDigestsGiveTheSameFingerprintAndNeverHideAChange() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = folder.url.appendingPathComponent("data", isDirectory: true)
    let cache = folder.url.appendingPathComponent("cache", isDirectory: true)
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let protocolFile = data.appendingPathComponent("p.yaml")
    try Data("format: repere/protocol@1\nid: a\n".utf8).write(to: protocolFile)
    try Data("format: repere/directory@1\n".utf8).write(to: data.appendingPathComponent("d.yaml"))
    let fresh = try BundleFingerprint.of(folder: data)
    #expect(try BundleFingerprint.of(folder: data, digests: cache) == fresh)
    // Remembered: one entry per file.
    #expect(FileDigests.load(from: cache, root: data).entries.count == 2)
    #expect(try BundleFingerprint.of(folder: data, digests: cache) == fresh)

    // Same size, modification date set back: the change time still tells.
    let date = try FileManager.default.attributesOfItem(atPath: protocolFile.path)[.modificationDate]
    try Data("format: repere/protocol@1\nid: b\n".utf8).write(to: protocolFile)
    try FileManager.default.setAttributes([.modificationDate: date as Any], ofItemAtPath: protocolFile.path)
    let edited = try BundleFingerprint.of(folder: data, digests: cache)
    #expect(edited != fresh)
    let editedFresh = try BundleFingerprint.of(folder: data)
    #expect(edited == editedFresh)

    let added = data.appendingPathComponent("notes.txt")
    try Data("x".utf8).write(to: added)
    let withAdded = try BundleFingerprint.of(folder: data, digests: cache)
    let addedFresh = try BundleFingerprint.of(folder: data)
    #expect(withAdded != edited && withAdded == addedFresh)
    try FileManager.default.removeItem(at: added)
    #expect(try BundleFingerprint.of(folder: data, digests: cache) == edited)

    // A damaged digest file (one digit changed) is not trusted.
    let file = FileDigests.file(in: cache, root: data)
    var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
    var fields = lines[1].components(separatedBy: " ")
    fields[5] = (fields[5].hasPrefix("0") ? "1" : "0") + fields[5].dropFirst()
    lines[1] = fields.joined(separator: " ")
    try Data(lines.joined(separator: "\n").utf8).write(to: file)
    #expect(FileDigests.load(from: cache, root: data).entries.isEmpty)
    #expect(try BundleFingerprint.of(folder: data, digests: cache) == edited)
  }

  /// A journal opened before the per-file definition recorded the legacy hash: `replay` on the
  /// same data says « identiques », and on other data gives the current fingerprint.
  @Test func aLegacyFingerprintStillMatchesTheSameData() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = folder.url.appendingPathComponent("data", isDirectory: true)
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try Data("format: repere/protocol@1\n".utf8).write(to: data.appendingPathComponent("p.yaml"))
    let legacy = try BundleFingerprint.legacy(DataFolder.scan(data))
    let current = try BundleFingerprint.of(folder: data)
    #expect(legacy != current)
    #expect(try BundleFingerprint.comparable(to: legacy, folder: data) == legacy)
    #expect(try BundleFingerprint.comparable(to: "sha256:other", folder: data) == current)
    #expect(try BundleFingerprint.comparable(to: nil, folder: data) == current)
  }
}
