import Foundation
import RepereLookup
import Testing

/// `repere prepare`'s index folder next to the data: emptied of older indexes, readable by all.
@Suite struct SharedIndexTests {
  @Test func theIndexFolderIsEmptiedThenPublishedReadableByAll() throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("repere-index-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: data) }
    let userCache = data.appendingPathComponent("cache-personnel")
    #expect(SharedIndex.cacheDirectory(for: data, userCache: userCache) == userCache)
    let index = SharedIndex.folder(for: data)
    try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
    try Data("ancien".utf8).write(to: index.appendingPathComponent("ancien.bin"))
    try SharedIndex.clear(index)
    #expect(try FileManager.default.contentsOfDirectory(atPath: index.path).isEmpty)
    let mode = try FileManager.default.attributesOfItem(atPath: index.path)[.posixPermissions] as? Int
    #expect(mode == 0o755)
    try Data("nouveau".utf8).write(to: index.appendingPathComponent("nouveau.bin"))
    // The cache's segments, in a folder beside its head, written private (0700 / 0600).
    let segments = index.appendingPathComponent("nouveau.segments")
    try FileManager.default.createDirectory(at: segments, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: segments.path)
    try Data("morceau".utf8).write(to: segments.appendingPathComponent("1f-7"))
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o600], ofItemAtPath: segments.appendingPathComponent("1f-7").path)
    #expect(SharedIndex.publish(index).sorted() == ["nouveau.bin", "nouveau.segments"])
    func permissions(_ url: URL) throws -> Int? {
      try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
    }
    #expect(try permissions(index.appendingPathComponent("nouveau.bin")) == 0o644)
    #expect(try permissions(segments) == 0o755)
    #expect(try permissions(segments.appendingPathComponent("1f-7")) == 0o644)
    #expect(SharedIndex.cacheDirectory(for: data, userCache: userCache) == index)
  }
}
