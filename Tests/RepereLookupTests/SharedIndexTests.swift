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
    #expect(SharedIndex.publish(index) == ["nouveau.bin"])
    let fileMode =
      try FileManager.default.attributesOfItem(atPath: index.appendingPathComponent("nouveau.bin").path)[
        .posixPermissions] as? Int
    #expect(fileMode == 0o644)
    #expect(SharedIndex.cacheDirectory(for: data, userCache: userCache) == index)
  }
}
