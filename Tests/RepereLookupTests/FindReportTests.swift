import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct FindReportTests {
  let directory = Fixtures.directory
  let monday = Fixtures.date("2026-11-30T10:00:00+01:00")

  @Test func textReportReadsLikeTheTerminalShowsIt() {
    let hits = directory.search("crip", place: Fixtures.places.place(insee: "93066"), now: monday, limit: 2)
    let text = FindReport.structures(hits, directory: directory, now: monday, json: false)
    #expect(
      text == """
        1. CRIP de la Seine-Saint-Denis [EXEMPLE] [pros]
           dans le département (93) · 6.1 km · ouvert · ferme à 12:00
           01 99 00 00 01
        2. CRIP du Val-d'Oise [EXEMPLE]
           département voisin (95) · 23.7 km · ouvert · ferme à 17:00
           01 99 00 00 02

        """)
    #expect(FindReport.structures([], directory: directory, now: monday, json: false) == "Aucune structure trouvée.\n")
  }

  @Test func jsonReportUsesSnakeCaseKeys() throws {
    let hits = directory.search("119", now: monday, limit: 1)
    let json = FindReport.structures(hits, directory: directory, now: monday, json: true)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(document["format"] as? String == "repere/find@1")
    let decoded = try #require(document["structures"] as? [[String: Any]])
    #expect(decoded.first?["id"] as? String == "national/119")
    #expect(decoded.first?["tier"] as? String == "national")
    #expect(decoded.first?["open"] as? Bool == true)
    #expect(decoded.first?["site_web"] == nil)
  }

  /// Issue 12, item 10, in `repere find` too: a structure closed now with an on-call line
  /// (« permanence ») is said reachable, not only closed.
  @Test func aClosedStructureWithAnOnCallLineIsSaidReachable() throws {
    var structure = Structure(id: "95/parquet", nom: "Parquet", types: ["parquet"])
    structure.horaires = try OpeningHours.parse("Mo-Fr 09:00-18:00").get()
    structure.telephones = [Phone(numero: "01 99 00 95 02", libelle: "numéro du parquet — permanence")]
    let hit = SearchHit(
      structure: structure, score: 1, matchKind: .exact, tier: .departement, openNow: false, reason: "r")
    let night = Fixtures.date("2026-11-30T23:00:00+01:00")
    let text = FindReport.structures([hit], directory: directory, now: night, json: false)
    #expect(text.contains("fermé · ouvre demain à 09:00 · permanence joignable"), "\(text)")
    structure.telephones = [Phone(numero: "01 99 00 95 02")]
    let plain = SearchHit(
      structure: structure, score: 1, matchKind: .exact, tier: .departement, openNow: false, reason: "r")
    #expect(!FindReport.structures([plain], directory: directory, now: night, json: false).contains("permanence"))
  }

  @Test func hostileTextIsSanitized() {
    var structure = Structure(id: "x/y", nom: "Nom\u{1B}[2J piégé", types: ["association"])
    structure.telephones = [Phone(numero: "119\u{07}")]
    let hit = SearchHit(structure: structure, score: 1, matchKind: .exact, tier: .national, openNow: nil, reason: "r")
    let text = FindReport.structures([hit], directory: directory, now: monday, json: false)
    #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
  }
}
