import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct LookupCacheTests {
  let now = Fixtures.date("2026-11-30T10:00:00+01:00")

  /// A copy of the fixture bundle and an empty cache folder, removed afterwards.
  private func withScratch(_ body: (URL, URL) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("repere-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    for name in ["annuaire.yaml", "vocabulaire.yaml", "ressources.yaml"] {
      try FileManager.default.copyItem(
        at: Fixtures.bundle.appendingPathComponent(name), to: data.appendingPathComponent(name))
    }
    try FileManager.default.createSymbolicLink(
      at: data.appendingPathComponent("reference"),
      withDestinationURL: Fixtures.bundle.appendingPathComponent("reference").resolvingSymlinksInPath())
    try body(data, root.appendingPathComponent("cache"))
  }

  @Test func secondLoadReadsTheCacheAndAnswersTheSame() throws {
    try withScratch { data, cache in
      let cold = try LookupCache.load(folder: data, cacheDirectory: cache)
      let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
      #expect(files.count == 1 && files[0].hasPrefix("lookup-"))
      let warm = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(Array(warm.directory.structures) == Array(cold.directory.structures))
      #expect(warm.findings == cold.findings)
      for query in ["crip", "prostitusion", "oeuvre", ""] {
        let place = warm.places.place(insee: "93066")
        #expect(
          warm.directory.search(query, place: place, now: now) == cold.directory.search(query, place: place, now: now))
      }
      #expect(warm.directory.structure(id: "95/crip")?.nom == "CRIP du Val-d'Oise")
      let query = ContactQuery(kinds: ["association"])
      #expect(
        ContactResolver(directory: warm.directory).resolve(
          query, place: warm.places.place(departement: "93"), age: nil, now: now)
          == ContactResolver(directory: cold.directory).resolve(
            query, place: cold.places.place(departement: "93"), age: nil, now: now))
    }
  }

  @Test func editingASourceFileRebuildsTheCache() throws {
    try withScratch { data, cache in
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let file = data.appendingPathComponent("annuaire.yaml")
      let text = try String(contentsOf: file, encoding: .utf8)
      try text.replacingOccurrences(of: "CRIP du Val-d'Oise", with: "CRIP du Val-d’Oise (95)").write(
        to: file, atomically: true, encoding: .utf8)
      let reloaded = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(reloaded.directory.structure(id: "95/crip")?.nom == "CRIP du Val-d’Oise (95)")
      #expect(reloaded.directory.search("val oise", now: now).first?.structure.id == "95/crip")
    }
  }

  @Test func aDamagedCacheIsIgnored() throws {
    try withScratch { data, cache in
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first)
      let url = cache.appendingPathComponent(name)
      let bytes = try Data(contentsOf: url)
      try bytes.prefix(bytes.count / 2).write(to: url)
      let loaded = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(loaded.directory.structures.count == 9)
    }
  }
}
