import Foundation
import RepereBase
import RepereLookup
import Testing

@testable import RepereUI

/// Issue 12, point 10, on the shipped bundle: everyday words find structures (vocabulary
/// synonyms), the parquet's « permanence » line is said when it is closed, record cards show
/// hours in French.
@Suite struct ShippedDirectoryWordsTests {
  private var directory: any DirectoryBrowsing {
    get throws { try #require(ShippedWorld.services.directory) }
  }

  @Test(arguments: ["maison des ados", "ados", "MDA", "mda", "maison des adolescents"])
  func everydayWordsFindTheMaisonsDesAdolescents(text: String) throws {
    let results = try directory.search(text, near: nil, now: TestWorld.now, limit: 20)
    #expect(results.contains { $0.id == "national/maisons-des-adolescents" }, "\(text): \(results.map(\.id))")
  }

  @Test func theParquetsOnCallLineIsSaidWhenItIsClosed() throws {
    // Sunday 23:10: the example parquet of the 95 is closed, its line says « permanence ».
    let record = try #require(try directory.detail("95/parquet-mineurs-exemple", now: TestWorld.now))
    #expect(record.openNow == false)
    #expect(record.onCallPhone?.number == "01 99 00 95 02")
    #expect(record.hours == "lun.–ven. 9 h–18 h ; fermé les jours fériés")

    var state = UIProgram.update(
      ShippedWorld.state(size: GridSize(columns: 120, rows: 40)), .key(.character("/"))
    ).0
    for character in "parquet mineurs" { state = UIProgram.update(state, .key(.character(character))).0 }
    state = UIProgram.update(state, .key(.enter)).0
    let card = UIProgram.render(state).textLines.joined(separator: "\n")
    #expect(card.contains("lun.–ven. 9 h–18 h ; fermé les jours fériés"), "\(card)")
    #expect(!card.contains("Mo-Fr"))
    #expect(card.contains("fermé maintenant · permanence joignable"))
  }

  /// The orientation of every shipped scenario that proposes the 95's parquet while it is closed
  /// says its on-call line is reachable, with that number, never « fermé maintenant » alone.
  @Test func theOrientationSaysTheParquetsPermanence() throws {
    var seen = 0
    for id in ShippedWorld.scenarioIDs {
      let state = try ShippedWorld.walked(id, size: GridSize(columns: 120, rows: 40))
      let closed = state.contacts.values.joined().contains {
        $0.structureID == "95/parquet-mineurs-exemple" && $0.openNow == false
      }
      guard closed else { continue }
      seen += 1
      let lines = OrientationScreen(state: state).layout.lines.map { $0.spans.map(\.text).joined() }
      let index = try #require(lines.firstIndex { $0.contains("Parquet, section des mineurs") }, "\(id)")
      #expect(lines[index + 1].contains("01 99 00 95 02 · fermé maintenant · permanence joignable"), "\(id)")
    }
    #expect(seen > 0, "no shipped scenario proposes the 95's parquet while it is closed")
  }

  @Test func frenchHoursReadLikeASentence() throws {
    func french(_ text: String) throws -> String { try OpeningHours.parse(text).get().frenchText }
    #expect(try french("24/7") == "24 h/24, 7 j/7")
    #expect(
      try french("Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:30-12:00")
        == "lun.–ven. 9 h–12 h, 14 h–17 h 30 ; sam. 9 h 30–12 h")
    #expect(try french("Mo-Su 20:00-02:00") == "lun.–dim. 20 h–2 h")
    #expect(try french("Mo,We 10:00-16:00; PH off") == "lun., mer. 10 h–16 h ; fermé les jours fériés")
    #expect(try french("Tu 14:00-18:00 \"sur rendez-vous\"") == "mar. 14 h–18 h (« sur rendez-vous »)")
  }

  @Test func onCallLinesAreReadFromTheirLabel() {
    #expect(Phone(numero: "01", libelle: "numéro fictif (exemple) — permanence").isOnCall)
    #expect(Phone(numero: "01", libelle: "Astreinte de nuit").isOnCall)
    #expect(Phone(numero: "119", libelle: "24 h/24, 7 j/7, gratuit").isOnCall)
    #expect(Phone(numero: "119", libelle: "24h/24").isOnCall)
    #expect(!Phone(numero: "01", libelle: "accueil du public").isOnCall)
    #expect(!Phone(numero: "01").isOnCall)
  }
}
