import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct DirectoryCheckTests {
  static let yaml = """
    format: repere/directory@1
    structures:
      - id: 93/a
        nom: Accueil A
        types: [crpi]
        thematiques: [prostitution-mineurs, inconnue]
        telephones: [{ numero: "01 23 45 67" }, { numero: "+33 1 99 00 00 01" }, { numero: "116 000" }]
        adresse: { code_postal: "93000", commune: Saint-Denis, code_insee: "93066" }
        horaires: "Mo-Fr 09:00-17:00; Sa 10h-12h"
        date_maj: 2025-06-01
      - id: 93/a
        nom: Accueil A bis
        types: [crip]
        adresse: { code_postal: "93200", commune: Bobigny }
        zone: ["99"]
        date_maj: 2026-10-01
      - id: 93/c
        nom: accueil a
        types: [crip]
        adresse: { code_insee: "93066", commune: Saint-Denis }
        telephones: [{ numero: "01.99.00.00.01" }]
    """

  static func findings() -> [Finding] {
    let (file, loadFindings) = Fixtures.directoryFile(yaml)
    #expect(loadFindings.isEmpty, "\(loadFindings)")
    let directory = Directory(
      structures: file?.structures ?? [], reference: Fixtures.data.reference, vocabulary: Fixtures.data.vocabulary)
    return directory.check(today: Fixtures.date("2026-11-29T12:00:00+01:00"))
  }

  @Test func everyFindingPointsAtTheOffendingValue() {
    let lines = Self.findings().map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.code)" }
    #expect(
      lines == [
        "5:13 error unknown-type",
        "6:41 error unknown-theme",
        "7:29 error invalid-phone",
        "8:30 error postal-code-mismatch",
        "9:38 error invalid-hours",
        "10:15 warning stale-record",
        "11:9 error duplicate-id",
        "14:30 error postal-code-mismatch",
        "15:13 error unknown-zone",
        "18:10 warning likely-duplicate",
        "21:29 warning likely-duplicate",
      ])
  }

  @Test func messagesAndHints() throws {
    let findings = Self.findings()
    let type = try #require(findings.first { $0.code == "unknown-type" })
    #expect(type.hint == "vouliez-vous dire « crip » ?")
    let hours = try #require(findings.first { $0.code == "invalid-hours" })
    #expect(hours.message == "horaires d'ouverture : une heure attendue, écrite HH:MM")
    let duplicate = try #require(findings.first { $0.code == "duplicate-id" })
    #expect(duplicate.related == [SourceLocation(file: "annuaire.yaml", line: 3, column: 9)])
    let postal = try #require(findings.first { $0.code == "postal-code-mismatch" })
    #expect(postal.message.contains("93200, 93210"))
    #expect(findings.filter { $0.severity == .warning }.count == 3)
  }

  @Test(arguments: [
    ("17", true), ("119", true), ("3018", true), ("116 000", true), ("01 99 00 00 01", true),
    ("01.99.00.00.01", true), ("+33 1 99 00 00 01", true), ("0800 235 236", true), ("12", false),
    ("1234567", false), ("+33 01 99 00 00 01", false), ("1199000001", false), ("01 99 00 00 0x", false),
  ])
  func phoneNumbers(number: String, valid: Bool) {
    #expect(PhoneNumber.isValid(number) == valid, "\(number)")
  }

  @Test func fixtureBundleIsClean() {
    let findings = Fixtures.directory.check(today: Fixtures.date("2026-11-29T12:00:00+01:00"))
    #expect(findings.isEmpty, "\(findings)")
  }
}
