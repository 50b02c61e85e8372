import Foundation
import RepereBase
import Testing

@testable import RepereLookup

/// The search keeps its best 50 in a bounded heap and drops a candidate whose best possible key
/// cannot enter a full heap before working out its place and hours. The fixture directory has
/// fewer than 50 structures, so that pruning never runs there: this suite searches a few
/// thousand structures and checks that the top 50 are exactly the first 50 of the unbounded
/// ranking (which never fills its heap, so never prunes).
@Suite struct SearchTopKTests {
  static let words = [
    "maison", "des", "adolescents", "association", "aide", "enfance", "accueil", "jeunes", "protection",
    "écoute", "famille", "santé", "prévention", "mission", "locale", "crip", "maraude", "hébergement",
  ]

  /// 4,000 structures: the fixture's real and example records copied with generated names, so
  /// that communes, départements, zones and opening hours vary as in the fixtures.
  static let directory: Directory = {
    let base = Array(Fixtures.resolverDirectory.structures)
    var generator = SeededGenerator(seed: 16)
    var structures: [Structure] = []
    for number in 0..<4_000 {
      var structure = base[Int(generator.next() % UInt64(base.count))]
      let name = (0..<3).map { _ in words[Int(generator.next() % UInt64(words.count))] }
      structure.id = "\(structure.id)-\(number)"
      structure.nom = name.joined(separator: " ").capitalized + " \(number)"
      structures.append(structure)
    }
    let reference = Fixtures.data.reference
    return Directory(structures: structures, reference: reference, vocabulary: Fixtures.data.vocabulary)
  }()

  static let queries = ["m", "ma", "mai", "maison", "maison ado", "cr", "enf", "aide enfance", "protectoin", "é", ""]

  /// Monday 10:00 with no place, Monday 23:00 from Saint-Denis, Saturday 14:00 from Cergy.
  static let moments: [(String, String?)] = [
    ("2026-11-30T10:00:00+01:00", nil),
    ("2026-11-30T23:00:00+01:00", "93200"),
    ("2026-12-05T14:00:00+01:00", "95000"),
  ]

  @Test(arguments: moments)
  func theTopFiftyAreTheFirstFiftyOfTheWholeRanking(now: String, place: String?) {
    let instant = Fixtures.date(now)
    let placeValue = place.flatMap { Fixtures.places.candidates(for: $0).first }
    #expect(place == nil || placeValue != nil)
    var queriesOverFifty = 0
    for query in Self.queries {
      let whole = Self.directory.search(query, place: placeValue, now: instant, limit: 10_000)
      let top = Self.directory.search(query, place: placeValue, now: instant, limit: 50)
      if whole.count > 50 { queriesOverFifty += 1 }
      #expect(top.map(\.structure.id) == whole.prefix(50).map(\.structure.id), "« \(query) » at \(now)")
      #expect(top.map(\.matchKind) == whole.prefix(50).map(\.matchKind), "« \(query) »")
      #expect(top.map(\.tier) == whole.prefix(50).map(\.tier), "« \(query) »")
      #expect(top.map(\.openNow) == whole.prefix(50).map(\.openNow), "« \(query) »")
    }
    // The pruning only runs once 50 are kept: most queries must go past that.
    #expect(queriesOverFifty >= 8)
  }
}
