import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct SearchTests {
  let directory = Fixtures.directory
  /// Monday 30 November 2026, 10:00 in Paris.
  let monday = Fixtures.date("2026-11-30T10:00:00+01:00")

  private func ids(_ query: String, filters: SearchFilters = SearchFilters(), place: String? = nil, now: Date? = nil)
    -> [String]
  {
    let placeValue = place.flatMap { Fixtures.places.candidates(for: $0).first }
    return directory.search(query, filters: filters, place: placeValue, now: now ?? monday, limit: 50).map(
      \.structure.id)
  }

  @Test func accentCaseAndLigatureInsensitive() {
    #expect(ids("oeuvre ete") == ["95/oeuvre-ete"])
    #expect(ids("ŒUVRE D'ÉTÉ") == ["95/oeuvre-ete"])
    #expect(ids("allo enfance") == ["national/119"])
  }

  @Test func prefixAndTwoLetterFirstKeystrokes() {
    #expect(ids("cr").prefix(3).allSatisfy { $0.hasSuffix("crip") })
    #expect(ids("maison ado") == ["93/mda"])
    #expect(!ids("pr").isEmpty)
  }

  /// Typing reuses the previous keystroke's intersection of all words but the last: keystrokes
  /// typed in order, erased, or jumping to another query rank as a fresh index ranks them.
  @Test func keystrokesRankAsAFreshIndexDoes() {
    let structures = Array(directory.structures)
    func fresh() -> Directory {
      Directory(structures: structures, reference: directory.reference, vocabulary: directory.vocabulary)
    }
    let typing = fresh()
    var sequence: [String] = []
    for query in ["maison des adolescents", "aide sociale a l enfance", "allo enfance 119", "oeuvre d ete", "cr"] {
      let characters = Array(query)
      for length in 1...characters.count { sequence.append(String(characters[0..<length])) }
      for length in stride(from: characters.count - 1, through: 1, by: -1) {
        sequence.append(String(characters[0..<length]))
      }
    }
    let place = Fixtures.places.candidates(for: "Saint-Denis 93").first
    for query in sequence {
      let typed = typing.search(query, place: place, now: monday, limit: 50)
      let expected = fresh().search(query, place: place, now: monday, limit: 50)
      #expect(typed.map(\.structure.id) == expected.map(\.structure.id), "\(query)")
      #expect(typed.map(\.matchKind) == expected.map(\.matchKind), "\(query)")
      #expect(typed.map(\.reason) == expected.map(\.reason), "\(query)")
    }
  }

  @Test func oneTypoOnLongWordsOnly() {
    let hits = directory.search("prostitusion", now: monday)
    #expect(hits.map(\.structure.id).contains("95/oeuvre-ete"))
    #expect(hits.allSatisfy { $0.matchKind == .fuzzy })
    #expect(ids("crpi").isEmpty)  // four letters: no typo allowed
  }

  /// Issue 18, point 5: a 10,000-character paste in the search field took over 120 s. A query
  /// keeps its first 12 distinct words and typo tolerance stops at 40-letter words (its cost is
  /// the word's length squared). Sizes that would time the suite out if quadratic; no timing.
  @Test func aHugeQueryIsBoundedAndStillFindsItsFirstWords() {
    let paste = "allo enfance " + String(repeating: "enfance ", count: 1_250)
    #expect(paste.count > 10_000)
    #expect(ids(paste) == ["national/119"])
    #expect(SearchIndex.queryWords(String(repeating: "a b c d e f g h i j k l m n o ", count: 700)).count == 12)
    let word = String(repeating: "prostitusion", count: 90_000)  // one 1 MB word
    #expect(ids(word).isEmpty)
    #expect(ids("allo " + String(repeating: "x", count: 41)).isEmpty)
  }

  @Test func exactBeatsPrefixBeatsFuzzy() {
    // At 23:00 both are open or unknown: the match in the name beats the one in the description.
    let hits = directory.search("nuit", now: Fixtures.date("2026-11-30T23:00:00+01:00"))
    #expect(hits.map(\.structure.id) == ["77/asso-nuit", "95/oeuvre-ete"])
    #expect(directory.search("adolescent", now: monday).first?.matchKind == .prefix)
    let kinds = directory.search("crip", now: monday).map(\.matchKind)
    #expect(kinds.allSatisfy { $0 == .exact })
  }

  @Test func localThenNeighbourThenNational() {
    let hits = directory.search("prostitution", place: Fixtures.places.place(insee: "93066"), now: monday)
    #expect(hits.map(\.structure.id) == ["93/mda", "95/oeuvre-ete", "77/asso-nuit", "national/119"])
    #expect(hits.map(\.tier) == [.commune, .voisin, .voisin, .national])
    #expect(hits[1].reason == "département voisin (95)")
    #expect(hits[0].distanceKm == 0)
  }

  @Test func openNowFirstWithinATier() {
    // At 23:30 on Monday the night shelter (77) is open, the association of the 95 unknown.
    let late = Fixtures.date("2026-11-30T23:30:00+01:00")
    let hits = directory.search("prostitution", place: Fixtures.places.place(departement: "93"), now: late)
    #expect(hits.map(\.structure.id) == ["93/mda", "77/asso-nuit", "95/oeuvre-ete", "national/119"])
    #expect(hits.map(\.openNow) == [false, true, nil, true])
  }

  @Test func filters() {
    #expect(ids("", filters: SearchFilters(types: ["crip"])) == ["93/crip", "13/crip", "95/crip"])
    #expect(ids("", filters: SearchFilters(types: ["crip"], access: .professionnels)) == ["93/crip"])
    #expect(ids("", filters: SearchFilters(themes: ["violences-numeriques"])) == ["national/3018"])
    #expect(ids("", filters: SearchFilters(age: 22)).contains("95/oeuvre-ete") == false)
    #expect(ids("", filters: SearchFilters(age: 21)).contains("95/oeuvre-ete"))
    #expect(ids("", filters: SearchFilters(publics: ["professionnels"])) == ["national/119"])
    let sunday = Fixtures.date("2026-11-29T10:00:00+01:00")
    #expect(ids("", filters: SearchFilters(openNow: true), now: sunday) == ["national/119", "national/3018"])
    // Within 15 km of Saint-Denis: the local ones and national lines, not Pontoise (≈ 25 km) nor Marseille.
    let near = ids("", filters: SearchFilters(radiusKm: 15), place: "93200")
    #expect(near.contains("93/crip") && near.contains("national/119"))
    #expect(!near.contains("95/crip") && !near.contains("13/crip"))
    // Inactive structures are left out unless asked for.
    #expect(!ids("ancien").contains("93/ferme"))
    #expect(ids("ancien", filters: SearchFilters(includeInactive: true)) == ["93/ferme"])
  }

  @Test func searchesCommunesTypesAndThemesToo() {
    #expect(ids("bobigny") == ["93/crip"])
    #expect(ids("informations preoccupantes").contains("93/crip"))
    #expect(ids("violences numeriques") == ["national/3018"])
  }
}
