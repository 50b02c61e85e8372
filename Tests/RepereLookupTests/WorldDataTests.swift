import Foundation
import RepereBase
import Testing

@testable import RepereLookup

/// The directory accepts what real sources write: data·inclusion ids, overseas numbers and
/// places, arrondissements with their city's name, communes merged into a commune nouvelle.
@Suite struct WorldDataTests {
  static func check(_ records: String) -> [Finding] {
    let yaml = "format: repere/directory@1\nstructures:\n" + records
    let (file, loadFindings) = Fixtures.directoryFile(yaml)
    #expect(loadFindings.isEmpty, "\(loadFindings)")
    let directory = Directory(
      structures: file?.structures ?? [], reference: Fixtures.data.reference, vocabulary: Fixtures.data.vocabulary)
    return directory.check(today: Fixtures.date("2026-11-29T12:00:00+01:00"))
  }

  static func summary(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.location.line) \($0.severity) \($0.code)" }
  }

  @Test func dataInclusionIdsAreValid() {
    let (file, findings) = Fixtures.directoryFile(
      """
      format: repere/directory@1
      structures:
        - { id: "dora--AidantsConnect:2024-47BXY", nom: Aidants Connect, types: [crip] }
        - { id: "soliguide--Ab_12", nom: B, types: [crip] }
        - { id: "bad id", nom: C, types: [crip] }
      """)
    #expect(file?.structures.map(\.id) == ["dora--AidantsConnect:2024-47BXY", "soliguide--Ab_12", "bad id"])
    #expect(findings.map(\.code) == ["invalid-id"])
    #expect(findings.first?.location.line == 5)
  }

  @Test(arguments: [
    // data·inclusion's normalised forms and their ten-digit national forms.
    ("+262262000000", true), ("02 62 00 00 00", true), ("+262 269 61 10 00", true), ("+590590000000", true),
    ("05 90 00 00 00", true), ("+594 594 00 00 00", true), ("+596596000000", true), ("+508 41 00 00", true),
    ("+681 72 00 00", true), ("+687 27 00 00", true), ("+689 40 00 00 00", true),
    // National lines are short numbers everywhere, overseas included.
    ("119", true), ("116000", true), ("3919", true), ("0 800 235 236", true),
    ("+262 0262 00 00 00", false), ("+26226200000", false), ("+508 41 00 00 0", false), ("+689 40 00 00", false),
    ("+44 20 7946 0000", false),
  ])
  func overseasPhones(number: String, valid: Bool) {
    #expect(PhoneNumber.isValid(number) == valid, "\(number)")
  }

  @Test func overseasE164AndNationalFormsAreTheSameNumber() {
    #expect(PhoneNumber.normalized("+262 262 00 00 00") == PhoneNumber.normalized("02 62 00 00 00"))
    #expect(PhoneNumber.normalized("+590590000000") == "0590000000")
    #expect(PhoneNumber.normalized("+508 41 00 00") == "+508410000")
  }

  @Test(arguments: [
    ("97100", "971", "America/Guadeloupe"), ("97200", "972", "America/Martinique"), ("97300", "973", "America/Cayenne"),
    ("97400", "974", "Indian/Reunion"), ("97500", "975", "America/Miquelon"), ("97600", "976", "Indian/Mayotte"),
    ("97701", "977", "America/St_Barthelemy"), ("97150", "978", "America/Marigot"),
  ])
  func overseasPostalCodesResolveWithTheirTimeZone(postal: String, departement: String, zone: String) {
    guard case .place(let place) = Fixtures.places.resolveAnswer(postal) else {
      Issue.record("\(postal) does not resolve to one place")
      return
    }
    #expect(place.departement == departement)
    #expect(Departement.timeZone(forCode: departement).identifier == zone)
  }

  @Test func saintBarthelemysPostalCodeIsAlsoAnInseeCodeOfGuadeloupe() {
    // 97133 is Saint-Barthélemy's postal code and Vieux-Fort's INSEE code: both are offered.
    let candidates = Fixtures.places.candidates(for: "97133")
    #expect(Set(candidates.map(\.departement)) == ["971", "977"])
  }

  @Test func arrondissementsAreWrittenWithTheirCitysName() {
    // Real town halls: Paris 11e and 20e, Lyon 1er, Marseille 2e.
    let findings = Self.check(
      """
        - id: paris/mairie-11
          nom: Mairie du 11e arrondissement
          types: [crip]
          adresse: { voie: 12 place Léon-Blum, code_postal: "75011", commune: Paris }
        - id: paris/mairie-20
          nom: Mairie du 20e arrondissement
          types: [crip]
          adresse: { voie: 6 place Gambetta, code_postal: "75020", commune: PARIS, code_insee: "75120" }
        - id: lyon/hotel-de-ville
          nom: Hôtel de ville de Lyon
          types: [crip]
          adresse: { voie: 1 place de la Comédie, code_postal: "69001", commune: Lyon }
        - id: marseille/hotel-de-ville
          nom: Hôtel de ville de Marseille
          types: [crip]
          adresse: { voie: Quai du Port, code_postal: "13002", commune: Marseille }
        - id: paris/mairie-11-court
          nom: Mairie du 11e (nom court)
          types: [crip]
          adresse: { voie: 12 place Léon-Blum, code_postal: "75011", commune: Paris 11e }
        - id: paris/wrong
          nom: Mauvaise ville
          types: [crip]
          adresse: { code_postal: "75011", commune: Lyon }
      """)
    #expect(Self.summary(findings) == ["26 error postal-code-mismatch"])
  }

  @Test func arrondissementAddressesResolveToTheArrondissement() {
    guard case .place(let place) = Fixtures.places.resolveAnswer("75011") else {
      Issue.record("75011 does not resolve")
      return
    }
    #expect(place.communeCode == "75111")
    #expect(place.label == "Paris 11e Arrondissement (75)")
  }

  @Test func mergedCommunesAreWarningsNamingTheCurrentCommune() throws {
    let findings = Self.check(
      """
        - id: lozere/florac
          nom: Mairie de Florac
          types: [crip]
          adresse: { code_postal: "48400", commune: Florac }
        - id: ain/bellegarde
          nom: Mairie de Bellegarde
          types: [crip]
          adresse: { code_postal: "01200", commune: Bellegarde-sur-Valserine }
      """)
    #expect(Self.summary(findings) == ["6 warning merged-commune", "10 warning merged-commune"])
    #expect(findings.first?.message.contains("Florac Trois Rivières (48061)") == true)
    #expect(findings.last?.message.contains("Valserhône (01033)") == true)
  }

  @Test func zonesMayBeCommunesDepartementsOrFrance() throws {
    let findings = Self.check(
      """
        - id: parquet/nimes
          nom: Parquet
          types: [crip]
          zone: ["30189", "30007", "48", "france", "2A", "974", "75111"]
        - id: epci
          nom: Communauté
          types: [crip]
          zone: ["200054781", "75011", "France"]
      """)
    #expect(Self.summary(findings) == ["10 error unknown-zone", "10 error unknown-zone", "10 error unknown-zone"])
    #expect(findings[0].message.contains("EPCI"))
    #expect(findings[1].hint == "le code INSEE de Paris 11e Arrondissement est « 75111 »")
    #expect(findings[2].hint == "écrivez « france » en minuscules")
  }
}
