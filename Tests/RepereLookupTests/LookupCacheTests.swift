import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereLookup

/// The 133 damages of `checkEveryKindOfDamageIsNoticedAndRebuilt`, apart: about two minutes in a
/// debug build, so the README's fast loop skips them (the full `swift test` and CI run them).
@Suite(.tags(.slow)) struct LookupCacheDamageTests {
  @Test func everyKindOfDamageIsNoticedAndRebuilt() throws {
    try LookupCacheTests().checkEveryKindOfDamageIsNoticedAndRebuilt()
  }
}

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

  /// The cache's head file.
  private func head(_ cache: URL) throws -> URL {
    let name = try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".bin") }
    return cache.appendingPathComponent(try #require(name))
  }

  /// The cache's segment files, by name.
  private func segments(_ cache: URL) throws -> [URL] {
    let folder = LookupCache.segmentFolder(of: try head(cache))
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
      folder.appendingPathComponent($0)
    }
  }

  @Test func secondLoadReadsTheCacheAndAnswersTheSame() throws {
    try withScratch { data, cache in
      let cold = try LookupCache.load(folder: data, cacheDirectory: cache)
      let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
      #expect(files.count == 2 && files[0].hasSuffix(".bin") && files[1].hasSuffix(".segments"))
      #expect(try segments(cache).count == 1, "one segment per directory file")
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

  @Test func editingOneFileOfASplitDirectoryParsesOnlyThatFile() throws {
    try withScratch { data, cache in
      let second = data.appendingPathComponent("annuaire-75.yaml")
      let third = data.appendingPathComponent("annuaire-76.yaml")
      let header = "format: repere/directory@1\nstructures:\n"
      try (header + "  - id: 75/extra\n    nom: Extra\n    types: [crip]\n").write(
        to: second, atomically: true, encoding: .utf8)
      // A file with a finding, left unchanged: its finding must come back from the cache.
      try (header + "  - id: 76/a\n    nom: A\n    types: [crip]\n    age_min: douze\n").write(
        to: third, atomically: true, encoding: .utf8)
      let cold = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(cold.parsedFiles == ["annuaire-75.yaml", "annuaire-76.yaml", "annuaire.yaml"])
      let coldSegments = try segments(cache)
      #expect(coldSegments.count == 3)
      #expect(cold.findings.contains { $0.location.file == "annuaire-76.yaml" })
      #expect(try LookupCache.load(folder: data, cacheDirectory: cache).parsedFiles.isEmpty)

      try (header + "  - id: 75/extra\n    nom: Autre nom\n    types: [crip]\n").write(
        to: second, atomically: true, encoding: .utf8)
      let edited = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(edited.parsedFiles == ["annuaire-75.yaml"])
      #expect(edited.cacheNote == nil)
      #expect(edited.directory.structure(id: "75/extra")?.nom == "Autre nom")
      // Only the edited file's segment is written; the others are the same files, untouched.
      let editedSegments = try segments(cache)
      #expect(editedSegments.count == 3)
      #expect(Set(editedSegments).subtracting(coldSegments).count == 1)
      let fromSource = try LookupData.load(folder: data)
      #expect(Array(edited.directory.structures) == Array(fromSource.directory.structures))
      #expect(edited.findings == fromSource.findings)
      #expect(edited.directory.search("autre", now: now) == fromSource.directory.search("autre", now: now))

      // A removed file: nothing to parse, its structures gone.
      try FileManager.default.removeItem(at: second)
      let removed = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(removed.parsedFiles.isEmpty)
      #expect(removed.directory.structure(id: "75/extra") == nil)
      #expect(try segments(cache).count == 2, "the removed file's segment is removed")
      #expect(Array(removed.directory.structures) == Array(try LookupData.load(folder: data).directory.structures))
    }
  }

  @Test func anotherBuildOfTheProgramParsesEverythingAgain() throws {
    try withScratch { data, cache in
      let program = cache.deletingLastPathComponent().appendingPathComponent("repere")
      try Data("build 1".utf8).write(to: program)
      let first = try LookupCache.load(folder: data, cacheDirectory: cache, program: program)
      #expect(first.parsedFiles == ["annuaire.yaml"])
      #expect(try LookupCache.load(folder: data, cacheDirectory: cache, program: program).parsedFiles.isEmpty)
      // A new binary may read files differently: nothing of the older cache is reused.
      try Data("build 2, longer".utf8).write(to: program)
      let rebuilt = try LookupCache.load(folder: data, cacheDirectory: cache, program: program)
      #expect(rebuilt.parsedFiles == ["annuaire.yaml"])
      #expect(rebuilt.cacheNote == nil)
      #expect(try LookupCache.load(folder: data, cacheDirectory: cache, program: program).parsedFiles.isEmpty)
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
      let url = try head(cache)
      let bytes = try Data(contentsOf: url)
      try bytes.prefix(bytes.count / 2).write(to: url)
      let loaded = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(loaded.directory.structures.count == 9)
      #expect(loaded.cacheNote?.contains("reconstruit") == true)
      let again = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(again.cacheNote == nil)  // rebuilt once, then read
    }
  }

  /// What a search shows, compared whole (structures, order, reasons).
  private func answers(_ data: LookupData) -> [[SearchHit]] {
    ["crip", "prostitusion", "oeuvre", "ad", ""].map { query in
      data.directory.search(query, place: data.places.place(insee: "93066"), now: now)
    }
  }

  /// Issue 18: a damaged cache once crashed `find` (SIGILL) or changed its results. Every kind of
  /// damage — truncation, flipped bytes and bits anywhere, zeroed or random ranges, garbage
  /// appended, an empty file — must give the answers of a load from source, and say why. Run by
  /// `LookupCacheDamageTests` (two loads for each of 133 damages: slow in a debug build).
  func checkEveryKindOfDamageIsNoticedAndRebuilt() throws {
    try withScratch { data, cache in
      let truth = try LookupCache.load(folder: data, cacheDirectory: nil)
      let expected = answers(truth)
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let url = try head(cache)
      let good = try Data(contentsOf: url)
      var generator = SeededGenerator(seed: 18)
      // Damage inside the key (its length, then its text) reads as a cache written for other
      // files: rebuilt without a word. Anywhere else it must be said.
      let keyEnd = 8 + Int(good.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
      var damages: [(String, Data)] = [
        ("empty", Data()), ("appended", good + Data([1, 2, 3])), ("one byte", good.prefix(1)),
      ]
      for step in 1...10 { damages.append(("truncated at \(step)/11", good.prefix(good.count * step / 11))) }
      for _ in 0..<100 {
        var bytes = good
        let position = Int(generator.next() % UInt64(bytes.count))
        bytes[position] ^= UInt8(1 << (generator.next() % 8))
        damages.append((position < keyEnd ? "inside the key" : "bit flipped at \(position)", bytes))
      }
      for _ in 0..<20 {
        var bytes = good
        let start = Int(generator.next() % UInt64(bytes.count))
        let end = min(bytes.count, start + 1 + Int(generator.next() % 64))
        let random = generator.next() % 2 == 0
        for position in start..<end { bytes[position] = random ? UInt8(truncatingIfNeeded: generator.next()) : 0 }
        damages.append((start < keyEnd ? "inside the key" : "\(random ? "random" : "zeroed") \(start)..<\(end)", bytes))
      }
      for (what, bytes) in damages {
        try bytes.write(to: url)
        let loaded = try LookupCache.load(folder: data, cacheDirectory: cache)
        #expect(answers(loaded) == expected, "\(what)")
        #expect(Array(loaded.directory.structures) == Array(truth.directory.structures), "\(what)")
        #expect(loaded.findings == truth.findings, "\(what)")
        // Damage in a packed record is found when the record is read (above): the record came
        // from source, and the next start rebuilds the cache and says why. Anywhere else, this
        // start does both.
        let next = try LookupCache.load(folder: data, cacheDirectory: cache)
        #expect(answers(next) == expected, "\(what)")
        #expect(Array(next.directory.structures) == Array(truth.directory.structures), "\(what)")
        let notes = [loaded.cacheNote, next.cacheNote].compactMap { $0 }
        if what != "inside the key", bytes != good { #expect(notes.count == 1, "\(what): said once") }
        let rewritten = try Data(contentsOf: url)
        #expect(rewritten == good, "\(what): the cache is written again")
      }
    }
  }

  /// A damaged record is not decoded: it is read again from its file, and the cache file is
  /// marked so that the next start rebuilds it and says why.
  @Test func aDamagedRecordIsReadFromSourceAndTheNextStartRebuilds() throws {
    try withScratch { data, cache in
      let truth = try LookupCache.load(folder: data, cacheDirectory: nil)
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let url = try head(cache)
      let good = try Data(contentsOf: url)
      let segment = try #require(try segments(cache).first)
      let goodSegment = try Data(contentsOf: segment)
      var bytes = goodSegment
      // Near the end of the segment: its last record is the last structure.
      bytes[bytes.count - 4] ^= 0x20
      try bytes.write(to: segment)
      let loaded = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(loaded.cacheNote == nil)
      #expect(try Data(contentsOf: url) == good, "nothing read yet, nothing noticed")
      #expect(Array(loaded.directory.structures) == Array(truth.directory.structures))
      #expect(try Data(contentsOf: url) == LookupCache.damagedMarker)
      let next = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(next.cacheNote?.contains("endommagé") == true)
      #expect(next.parsedFiles == ["annuaire.yaml"])
      #expect(try Data(contentsOf: url) == good)
      #expect(try Data(contentsOf: segment) == goodSegment, "the segment is written again")
    }
  }

  /// A segment the head names that is missing, shorter, longer or empty: this start says so and
  /// reads the directory from source; the next one reads the rewritten cache.
  @Test func aMissingOrTruncatedSegmentIsSaidAndRebuilt() throws {
    try withScratch { data, cache in
      let truth = try LookupCache.load(folder: data, cacheDirectory: nil)
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let segment = try #require(try segments(cache).first)
      let good = try Data(contentsOf: segment)
      let damages: [(String, Data?)] = [
        ("missing", nil), ("empty", Data()), ("truncated", good.prefix(good.count / 2)), ("longer", good + Data([0])),
      ]
      for (what, bytes) in damages {
        if let bytes { try bytes.write(to: segment) } else { try FileManager.default.removeItem(at: segment) }
        let loaded = try LookupCache.load(folder: data, cacheDirectory: cache)
        #expect(loaded.cacheNote?.contains("incomplet") == true, "\(what)")
        #expect(Array(loaded.directory.structures) == Array(truth.directory.structures), "\(what)")
        #expect(answers(loaded) == answers(truth), "\(what)")
        let next = try LookupCache.load(folder: data, cacheDirectory: cache)
        #expect(next.cacheNote == nil, "\(what)")
        #expect(next.parsedFiles.isEmpty, "\(what)")
        #expect(try Data(contentsOf: segment) == good, "\(what): written again")
      }
    }
  }

  @Test func aCacheFolderThatCannotBeCreatedOnlyMakesItSlower() throws {
    try withScratch { data, cache in
      try Data("not a folder".utf8).write(to: cache)
      let loaded = try LookupCache.load(folder: data, cacheDirectory: cache.appendingPathComponent("repere"))
      #expect(loaded.directory.structures.count == 9)
      #expect(loaded.directory.search("crip", now: now).isEmpty == false)
      #expect(loaded.cacheNote?.contains("non enregistré") == true)
    }
  }

  @Test func aFullDiskLeavesNothingBehindAndSaysSo() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    try withScratch { _, cache in
      try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
      let target = cache.appendingPathComponent("lookup.bin")
      // The temporary file is a link to /dev/full: every write fails with ENOSPC.
      let temporary = cache.appendingPathComponent("lookup.bin.tmp")
      try FileManager.default.createSymbolicLink(atPath: temporary.path, withDestinationPath: "/dev/full")
      let failure = CacheFile.replace(target, with: Data(count: 1 << 16), temporary: temporary)
      #expect(failure == "disque plein")
      #expect(!FileManager.default.fileExists(atPath: target.path))
      #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: temporary.path)) == nil)
      #expect(CacheFile.replace(target, with: Data([1, 2, 3])) == nil)
      #expect(try Data(contentsOf: target) == Data([1, 2, 3]))
    }
  }
}
