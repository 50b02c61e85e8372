import Foundation
import RepereBase
import RepereLookup
import Testing

@testable import RepereBundle

/// The interactive app loads the bundle with the lookup cache `repere find` uses (issue 16):
/// same directory, same findings as a load from source, and the same cache file.
@Suite struct SharedLookupCacheTests {
  let now = Instant.parse("2026-11-30T10:00:00+01:00", dayAllowed: false) ?? Date(timeIntervalSince1970: 0)

  private func withCacheFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repere-shared-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
  }

  private func sorted(_ findings: [Finding]) -> [String] { findings.map(\.description).sorted() }

  @Test func theBundleReadsTheDirectoryThroughTheCacheAsFromSource() throws {
    try withCacheFolder { cache in
      let folder = DataFolder.scan(ShippedBundleTests.root)
      let (plain, plainFindings) = DataBundle.load(folder)
      let location = LookupCache.Location(folder: cache, program: nil)
      let (cold, coldFindings) = DataBundle.load(folder, lookupCache: location)
      // The head and the folder of its segments.
      let written = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
      #expect(written.count == 2 && written.allSatisfy { $0.hasPrefix("lookup-") })
      let (warm, warmFindings) = DataBundle.load(folder, lookupCache: location)
      #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted() == written)
      for (bundle, findings) in [(cold, coldFindings), (warm, warmFindings)] {
        #expect(bundle.cacheNote == nil)
        #expect(bundle.files == plain.files)
        #expect(sorted(findings) == sorted(plainFindings))
        #expect(bundle.references?.structureIDs == plain.references?.structureIDs)
        #expect(bundle.directory?.structures.count == plain.directory?.structures.count)
        for query in ["crip", "maison ado", "119"] {
          #expect(bundle.directory?.search(query, now: now) == plain.directory?.search(query, now: now))
        }
        // Taken from the lookup load instead of being parsed a second time: the same values.
        #expect(bundle.vocabulary?.types == plain.vocabulary?.types)
        #expect(bundle.vocabulary?.thematiques == plain.vocabulary?.thematiques)
        #expect(bundle.resources.resources == plain.resources.resources)
        #expect(bundle.places?.candidates(for: "Cergy") == plain.places?.candidates(for: "Cergy"))
        #expect(bundle.places?.suggestions(for: "Sarcele") == plain.places?.suggestions(for: "Sarcele"))
      }
      // `repere find` reads the file the bundle wrote: no note, nothing rebuilt.
      let found = try LookupCache.load(folder, cacheDirectory: cache)
      #expect(found.cacheNote == nil)
      #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted() == written)
    }
  }

  /// A case's start lists the scenarios and correspondence tables but does not parse them (they
  /// never change a case); everything else is the same as a full load.
  @Test func aCaseStartListsUnusedKindsWithoutParsingThem() throws {
    try withCacheFolder { cache in
      let folder = DataFolder.scan(ShippedBundleTests.root)
      let (full, _) = DataBundle.load(folder)
      let (start, findings) = DataBundle.load(
        folder, lookupCache: LookupCache.Location(folder: cache, program: nil), unused: [.scenario, .correspondence])
      #expect(!full.scenarios.isEmpty && !full.correspondences.isEmpty)
      #expect(start.scenarios.isEmpty && start.correspondences.isEmpty)
      #expect(start.files == full.files, "every file is still listed, with its kind")
      #expect(start.library.ids == full.library.ids)
      #expect(findings.isEmpty)
    }
  }

  @Test func aDamagedOrUnwritableCacheIsSaidAndTheDirectoryStillLoads() throws {
    try withCacheFolder { cache in
      let folder = DataFolder.scan(ShippedBundleTests.root)
      let location = LookupCache.Location(folder: cache, program: nil)
      _ = DataBundle.load(folder, lookupCache: location)
      let head = try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".bin") }
      let file = cache.appendingPathComponent(try #require(head))
      let handle = try FileHandle(forWritingTo: file)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data("damage".utf8))
      try handle.close()
      let (damaged, _) = DataBundle.load(folder, lookupCache: location)
      #expect(damaged.cacheNote?.contains("endommagé") == true)
      #expect(damaged.directory?.structure(id: "national/119") != nil)
      let (repaired, _) = DataBundle.load(folder, lookupCache: location)
      #expect(repaired.cacheNote == nil)

      // A cache "folder" that is a file cannot be written: said, and the directory still loads.
      let blocked = cache.appendingPathComponent("not-a-folder")
      try Data("x".utf8).write(to: blocked)
      let (unwritable, _) = DataBundle.load(folder, lookupCache: LookupCache.Location(folder: blocked, program: nil))
      #expect(unwritable.cacheNote?.contains("non enregistré") == true)
      #expect(unwritable.directory?.structure(id: "national/119") != nil)
    }
  }
}
