import Foundation
import RepereBase
import RepereRules
import Testing

@testable import RepereBundle

/// `repere walk` says which contact queries found no structure instead of dropping them.
@Suite struct UnlistedContactsReportTests {
  @Test func theReportSaysWhichQueryFoundNothing() throws {
    let (bundle, _) = GoodBundle.load()
    let state = Walker.walk(
      library: bundle.library, protocolID: "national/orientation",
      answers: [
        "securite": .bool(false), "lieu": .place(PlaceValue(communeCode: nil, departement: "93", label: "93")),
        "age": .number(16), "signes": .set(["argent"]),
      ])
    let contacts = [DispositionContacts(code: "ip-crip", matches: [], unlisted: ["CRIP"])]
    let text = WalkReport.human(state, library: bundle.library, contacts: contacts)
    #expect(
      text.contains("      ⚠ Aucune structure « CRIP » répertoriée pour le 93 (à compléter dans l'annuaire local)"))
    let json = WalkReport.json(state, library: bundle.library, contacts: contacts)
    #expect(json.contains("\"unlisted_contacts\""))
    #expect(
      WalkReport.unlistedLine("Parquet", place: nil)
        == "« Parquet » : lieu non précisé : indiquez-le (réponse à l'étape du lieu)")
  }

  /// The shipped data has no local record for the Eure (27): the prosecutor's query finds nothing.
  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func theEureHasNoLocalProsecutorRecord() throws {
    let (bundle, _) = DataBundle.load(from: ShippedBundleTests.root)
    let state = Walker.walk(
      library: bundle.library, protocolID: "national/orientation",
      answers: [
        "securite": .bool(false), "disparu": .bool(false), "appelant": .choice("professionnel"),
        "lieu": .place(PlaceValue(communeCode: "27229", departement: "27", label: "Évreux (27)")),
        "age": .number(15), "signes": .set(["echange-sexuel", "fugues"]), "suivi": .choice("aucun"),
        "en-ligne": .bool(false), "sante": .bool(false),
      ])
    let contacts = bundle.contacts(for: state, now: BrokenCorpus.today)
    let prosecutor = try #require(contacts.first { $0.code == "signalement-procureur" })
    #expect(prosecutor.unlisted.contains { $0.hasPrefix("Parquet") })
    #expect(prosecutor.matches.contains { $0.structureID == "national/119" })
    let text = WalkReport.human(state, library: bundle.library, contacts: contacts)
    #expect(text.contains("⚠ Aucune structure « Parquet"))
  }
}
