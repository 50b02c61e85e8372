import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereLookup

/// Issue 16: editing one file of a split directory splices the search index (the changed file's
/// postings and columns into the older index's) instead of rebuilding it. After every kind of
/// change, the spliced directory must answer exactly as a load from source does.
@Suite struct LookupCacheSpliceTests {
  let now = Fixtures.date("2026-11-30T10:00:00+01:00")

  static let words = ["Maison", "Centre", "Point", "Accueil", "Écoute", "Jeunes", "Famille", "Solidarité", "Œuvre"]
  static let places = [
    ("93066", "93200", "Saint-Denis"), ("95500", "95000", "Pontoise"), ("75056", "75011", "Paris"),
    ("69123", "69003", "Lyon"), ("13055", "13001", "Marseille"),
  ]
  static let types = ["crip", "association", "maison-des-adolescents", "police", "ligne-nationale"]
  static let themes = ["prostitution-mineurs", "enfance-en-danger", "violences-numeriques"]
  static let hours = ["Mo-Fr 09:00-17:00", "24/7", "Mo-Sa 10:00-12:00; PH off", "Tu,Th 14:00-18:00"]

  /// One directory file of `count` generated structures (ids `prefix-n`).
  static func file(_ prefix: String, count: Int, seed: UInt64, extraType: String? = nil) -> String {
    var random = SeededGenerator(seed: seed)
    var text = "format: repere/directory@1\nstructures:\n"
    for number in 0..<count {
      let name = (0..<3).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
      let place = places[Int(random.next() % UInt64(places.count))]
      var kinds = [types[Int(random.next() % UInt64(types.count))]]
      if let extraType, number % 3 == 0 { kinds.append(extraType) }
      text += """
          - id: \(prefix)-\(number)
            nom: \(name) \(prefix) \(number)
            types: [\(kinds.joined(separator: ", "))]
            description: Accompagnement numéro \(random.next() % 50) des familles
            thematiques: [\(themes[Int(random.next() % UInt64(themes.count))])]
            publics: [mineurs]
            zone: ["\(place.0.prefix(2))"]
            adresse: { code_postal: "\(place.1)", commune: \(place.2), code_insee: "\(place.0)" }
            telephones: [{ numero: "01 99 00 \(10 + number % 80) \(10 + Int(random.next() % 80))" }]
            horaires: "\(hours[Int(random.next() % UInt64(hours.count))])"

        """
    }
    return text
  }

  private func withSplitDirectory(_ body: (URL, URL) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("repere-splice-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Fixtures.bundle.appendingPathComponent("vocabulaire.yaml"),
      to: data.appendingPathComponent("vocabulaire.yaml"))
    try FileManager.default.createSymbolicLink(
      at: data.appendingPathComponent("reference"),
      withDestinationURL: Fixtures.bundle.appendingPathComponent("reference").resolvingSymlinksInPath())
    for (position, prefix) in ["a", "b", "c", "d", "e", "f"].enumerated() {
      try Self.file(prefix, count: 25, seed: UInt64(position)).write(
        to: data.appendingPathComponent("annuaire-\(prefix).yaml"), atomically: true, encoding: .utf8)
    }
    try body(data, root.appendingPathComponent("cache"))
  }

  /// Everything a search or a contact shows, for a list of queries with and without a place.
  private func expectSameAnswers(_ loaded: LookupData, _ source: LookupData, _ label: String) {
    #expect(Array(loaded.directory.structures) == Array(source.directory.structures), "\(label): structures")
    #expect(loaded.findings == source.findings, "\(label): findings")
    #expect(loaded.directory.duplicatedIDs == source.directory.duplicatedIDs, "\(label): duplicated ids")
    for id in source.directory.structureIDs.sorted() {
      #expect(loaded.directory.structure(id: id) == source.directory.structure(id: id), "\(label): \(id)")
    }
    let queries = [
      "", "ma", "maison", "maisonn", "ecoute jeunes", "oeuvre", "saint denis", "lyon", "crip", "acompagnement",
      "mineurs", "nouveau", "famille 3", "zz",
    ]
    let place = source.places.place(insee: "93066")
    for query in queries {
      #expect(
        loaded.directory.search(query, now: now) == source.directory.search(query, now: now), "\(label): « \(query) »")
      #expect(
        loaded.directory.search(query, place: place, now: now)
          == source.directory.search(query, place: place, now: now), "\(label): « \(query) » near 93066")
    }
    let filters = SearchFilters(types: ["association"], themes: ["prostitution-mineurs"])
    #expect(
      loaded.directory.search("", filters: filters, now: now)
        == source.directory.search("", filters: filters, now: now), "\(label): filters")
  }

  @Test func everyKindOfChangeIsSplicedAndAnswersAsASourceLoad() throws {
    try withSplitDirectory { data, cache in
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let fileC = data.appendingPathComponent("annuaire-c.yaml")

      // Names, types, places change; structures added (one with an id of another file: a duplicate).
      try
        (Self.file("c", count: 40, seed: 99, extraType: "police")
        + "  - id: a-3\n    nom: Doublon\n    types: [crip]\n").write(to: fileC, atomically: true, encoding: .utf8)
      let edited = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(edited.parsedFiles == ["annuaire-c.yaml"])
      #expect(edited.indexWasSpliced)
      expectSameAnswers(edited, try LookupData.load(folder: data), "edited")
      // The spliced cache is read back whole at the next start.
      let again = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(again.parsedFiles.isEmpty)
      expectSameAnswers(again, try LookupData.load(folder: data), "read back")

      // Fewer structures, a new word, a finding.
      try
        (Self.file("c", count: 5, seed: 7) + "  - id: c-nouveau\n    nom: Nouveau lieu\n    types: [crip]\n"
        + "    age_min: douze\n").write(to: fileC, atomically: true, encoding: .utf8)
      let shrunk = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(shrunk.indexWasSpliced)
      expectSameAnswers(shrunk, try LookupData.load(folder: data), "shrunk")

      // A file added (sorted between two others), then one removed, then a file emptied.
      try Self.file("bb", count: 12, seed: 5).write(
        to: data.appendingPathComponent("annuaire-bb.yaml"), atomically: true, encoding: .utf8)
      let added = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(added.parsedFiles == ["annuaire-bb.yaml"])
      #expect(added.indexWasSpliced)
      expectSameAnswers(added, try LookupData.load(folder: data), "added")

      try FileManager.default.removeItem(at: data.appendingPathComponent("annuaire-e.yaml"))
      let removed = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(removed.parsedFiles.isEmpty)
      #expect(removed.indexWasSpliced)
      expectSameAnswers(removed, try LookupData.load(folder: data), "removed")

      try "format: repere/directory@1\nstructures: []\n".write(to: fileC, atomically: true, encoding: .utf8)
      let emptied = try LookupCache.load(folder: data, cacheDirectory: cache)
      expectSameAnswers(emptied, try LookupData.load(folder: data), "emptied")
    }
  }

  /// The segment files of the cache in `cache`.
  private func segments(_ cache: URL) throws -> Set<String> {
    let head = try #require(
      try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".bin") })
    let folder = LookupCache.segmentFolder(of: cache.appendingPathComponent(head))
    return Set(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0).path })
  }

  /// A splice keeps the unchanged files' segments with their block checksums: a damaged record
  /// in one of them is still found when read (served from source, said at the next start), never
  /// written into the new cache as if it were good.
  @Test func aDamagedSegmentKeptByASpliceIsNeverLaundered() throws {
    try withSplitDirectory { data, cache in
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let before = try segments(cache)
      let fileC = data.appendingPathComponent("annuaire-c.yaml")
      try Self.file("c", count: 30, seed: 41).write(to: fileC, atomically: true, encoding: .utf8)
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let kept = try segments(cache).intersection(before).sorted()
      #expect(kept.count == 5, "only the edited file's segment is new")
      let damaged = URL(fileURLWithPath: try #require(kept.first))
      var bytes = try Data(contentsOf: damaged)
      for position in stride(from: 0, to: bytes.count, by: 97) { bytes[position] ^= 0x41 }
      try bytes.write(to: damaged)

      try Self.file("c", count: 33, seed: 42).write(to: fileC, atomically: true, encoding: .utf8)
      let source = try LookupData.load(folder: data)
      var notes: [String] = []
      for label in ["edited", "next", "third"] {
        let loaded = try LookupCache.load(folder: data, cacheDirectory: cache)
        notes += [loaded.cacheNote].compactMap { $0 }
        expectSameAnswers(loaded, source, label)
      }
      #expect(notes.count <= 1, "said at most once: \(notes)")
      #expect(try Data(contentsOf: damaged) != bytes, "the damaged segment is replaced")
    }
  }

  /// A vocabulary change alters every structure's indexed labels: nothing is spliced, the index
  /// is built again (the structures of unchanged files are still not parsed).
  @Test func aChangedVocabularyRebuildsTheIndex() throws {
    try withSplitDirectory { data, cache in
      _ = try LookupCache.load(folder: data, cacheDirectory: cache)
      let vocabulary = data.appendingPathComponent("vocabulaire.yaml")
      let text = try String(contentsOf: vocabulary, encoding: .utf8)
      try text.replacingOccurrences(of: "Association spécialisée", with: "Association agréée").write(
        to: vocabulary, atomically: true, encoding: .utf8)
      let reloaded = try LookupCache.load(folder: data, cacheDirectory: cache)
      #expect(!reloaded.indexWasSpliced)
      #expect(reloaded.parsedFiles.isEmpty)
      expectSameAnswers(reloaded, try LookupData.load(folder: data), "vocabulary")
      #expect(!reloaded.directory.search("agreee", now: now).isEmpty)
    }
  }
}
