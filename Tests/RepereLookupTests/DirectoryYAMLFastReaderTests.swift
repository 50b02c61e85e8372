import Foundation
import RepereBase
import Testing

@testable import RepereLookup

/// The fast directory reader must read exactly what the Yams path reads — structures, field
/// positions and findings — or give up so that Yams reads the file.
@Suite struct DirectoryYAMLFastReaderTests {
  private func fast(_ yaml: String, file: String = "annuaire.yaml") -> (DirectoryFile, [Finding])? {
    var diagnostics = Diagnostics()
    guard let loaded = DirectoryYAMLFastReader.read(yaml, path: file, diagnostics: &diagnostics) else { return nil }
    return (loaded, diagnostics.findings)
  }

  /// Whether the fast reader gave up (so that Yams reads the text).
  private func gaveUp(_ yaml: String) -> Bool { fast(yaml) == nil }

  private func expectSame(_ yaml: String, file: String = "annuaire.yaml") {
    let (slow, slowFindings) = Fixtures.directoryFile(yaml, file: file)
    guard let (quick, quickFindings) = fast(yaml, file: file) else {
      Issue.record("the fast reader gave up on:\n\(yaml.prefix(400))")
      return
    }
    #expect(quick.structures == slow?.structures)
    #expect(quick.source == slow?.source)
    #expect(quick.updated == slow?.updated)
    #expect(quickFindings == slowFindings)
  }

  @Test func readsEveryShippedDirectoryFileAsYamsDoes() throws {
    let root = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let files = [
      "Protocols/annuaire/exemple-60.yaml", "Protocols/annuaire/exemple-95.yaml", "Protocols/annuaire/national.yaml",
      "Tests/RepereLookupTests/Fixtures/bundle/annuaire.yaml",
    ]
    for path in files {
      let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
      // Where the fast reader accepts a shipped file, it must read it as Yams does.
      if fast(text, file: path) != nil { expectSame(text, file: path) }
    }
  }

  @Test func readsWhatTheWriterWritesAsYamsDoes() {
    var structures = Fixtures.directory.structures.map { $0 }
    var odd = Structure(id: "75/odd", nom: "Nom avec \"guillemets\", \\ et é — ü 🙂", types: ["crip"])
    odd.description = "Ligne 1\nLigne 2\tet tab ; « guillemets » : deux-points"
    odd.telephones = [Phone(numero: "119"), Phone(numero: "01 99 00 00 00", libelle: "l'accueil, 24h/24")]
    odd.latitude = -21.1
    odd.longitude = 55.5
    odd.ageMin = 0
    odd.ageMax = 21
    odd.adresse = Address(voie: "1 rue d'ici", codePostal: "75001", commune: "Paris")
    structures.append(odd)
    let yaml = DirectoryYAMLWriter.yaml(
      source: "annuaire", updated: CalendarDay(iso: "2026-11-29"), structures: structures)
    expectSame(yaml)
  }

  /// A long list is cut into parts read in parallel: whatever the cuts, the structures, their
  /// positions and the findings are those of one pass (and of Yams), and a part that gives up
  /// gives the whole file up.
  @Test func aListReadInPartsGivesWhatOnePassGives() throws {
    var structures: [Structure] = []
    for number in 0..<40 {
      var structure = Structure(id: "93/s\(number)", nom: "Structure n° \(number) — é", types: ["crip"])
      structure.description = number % 3 == 0 ? "Texte « \(number) » : deux-points" : nil
      structure.telephones = number % 4 == 0 ? [Phone(numero: "119", libelle: "24h/24")] : []
      structure.zone = number % 5 == 0 ? ["93", "95"] : []
      structures.append(structure)
    }
    var yaml = DirectoryYAMLWriter.yaml(source: "annuaire", updated: nil, structures: structures)
    // Findings in several parts: a bad id and a bad age, each reported at its own line.
    yaml = yaml.replacingOccurrences(of: "id: 93/s7\n", with: "id: \"93 s7\"\n")
    yaml = yaml.replacingOccurrences(of: "id: 93/s31\n", with: "id: 93/s31\n    age_min: douze\n")
    for trailer in ["", "updated: 2026-11-29\n"] {
      let text = yaml + trailer
      var onePassFindings = Diagnostics()
      let onePass = try #require(
        DirectoryYAMLFastReader.read(text, path: "a.yaml", partBytes: .max, diagnostics: &onePassFindings))
      #expect(onePass.structures.count == 40)
      #expect(onePassFindings.findings.count == 2)
      for partBytes in [1, 150, 700, 3_000] {
        var partFindings = Diagnostics()
        let parts = DirectoryYAMLFastReader.read(text, path: "a.yaml", partBytes: partBytes, diagnostics: &partFindings)
        #expect(parts?.structures == onePass.structures, "parts of \(partBytes) bytes")
        #expect(parts?.updated == onePass.updated)
        #expect(partFindings.findings == onePassFindings.findings, "parts of \(partBytes) bytes")
      }
    }
    expectSame(yaml)
    // A tab late in the list: one pass gives up, and so does every cut.
    let tabbed = yaml.replacingOccurrences(of: "Structure n° 35", with: "Structure\tn° 35")
    var ignored = Diagnostics()
    #expect(DirectoryYAMLFastReader.read(tabbed, path: "a.yaml", partBytes: .max, diagnostics: &ignored) == nil)
    for partBytes in [1, 150, 700] {
      #expect(DirectoryYAMLFastReader.read(tabbed, path: "a.yaml", partBytes: partBytes, diagnostics: &ignored) == nil)
    }
    #expect(ignored.findings.isEmpty)
  }

  @Test func readsHandWrittenShapesAsYamsDoes() {
    let cases = [
      // comments, blank lines, null values, plain and quoted numbers, single quotes
      """
      # en-tête
      format: repere/directory@1
      source: Exemple fictif
      updated: ~
      structures:

        - id: 93/a   # commentaire
          nom: 'L''Escale — Saint-Denis'
          types: [crip, "association"]
          age_min: 12
          age_max: "18"
          zone: 93
          courriel: ~
          telephones:
            - "119"
            - 01 99 00 00 01
          horaires: null
        - id: 93/b
          nom: B
          types:
            - crip
            - mda
          adresse: { voie: "2 rue X", commune: Saint-Denis, complement: ~ }
          latitude: 48.9
      """,
      // sequence items at the key's own indent; structures at column 1
      """
      format: repere/directory@1
      structures:
      - id: x/y
        nom: "Élément"
        types:
        - crip
        telephones:
        - { numero: "01 99 00 00 02" }
      """,
      // value-level mistakes are found the same way (bad id, age, date, missing keys)
      """
      format: repere/directory@1
      structures:
        - id: "Bad Id"
          nom: X
          types: [crip]
          age_min: douze
          date_maj: 2026-13-45
        - nom: sans id
          types: [crip]
        - id: 75/no-name
      """,
    ]
    for yaml in cases { expectSame(yaml) }
  }

  @Test func givesUpOnWhatItDoesNotFullyUnderstand() {
    let header = "format: repere/directory@1\nstructures:\n"
    let cases = [
      "  - id: a\n    nom: plain text\n      continued on the next line\n    types: [crip]\n",
      "  - id: a\n    nom: &anchor X\n    types: [crip]\n",
      "  - id: a\n    nom: |\n      block\n    types: [crip]\n",
      "  - id: a\n    nom: X\n    nom: Y\n    types: [crip]\n",
      "  - id: a\n    name: X\n    types: [crip]\n",
      "  - id: a\n    nom: \"unclosed\n    types: [crip]\n",
      "  - id: a\n    nom: X\n    types: [crip,\n      mda]\n",
      "  - id: a\n    nom: X\n    adresse:\n      voie: block mapping\n",
      "  - id: a\n    nom: X\r\n    types: [crip]\n",
      "  - id: a\n    nom: X\n\ttypes: [crip]\n",
      "  - id: a\n    nom: X\n    adresse: { rue: X }\n",
      "  - id: a\n    nom: a: b\n",
      "  - [a]\n",
      "  - id: a\n   nom: X\n",
      // terminal control and bidi characters, raw or escaped: Yams's path warns about them
      "  - id: a\n    nom: X\u{1B}[2J\n    types: [crip]\n",
      "  - id: a\n    nom: \"X\\e[2J\"\n    types: [crip]\n",
      "  - id: a\n    nom: \"X\\x1b[2J\"\n    types: [crip]\n",
      "  - id: a\n    nom: \"X\\0\"\n    types: [crip]\n",
      "  - id: a\n    nom: X\u{202E}Y\n    types: [crip]\n",
      "  - id: a\n    nom: X\u{85}Y\n    types: [crip]\n",
    ]
    for body in cases {
      #expect(gaveUp(header + body), "\(body)")
    }
    #expect(gaveUp("structures:\n  - id: a\n"))  // no format
    #expect(gaveUp("format: repere/directory@1\nstructures: []\n"))
    #expect(gaveUp("format: repere/directory@1\nstructures:\n  - id: a\nsource: late\n"))
  }

  @Test func theLoaderFallsBackToYamsAndReportsItsFindings() {
    var diagnostics = Diagnostics()
    let yaml = "format: repere/directory@1\nstructures:\n  - id: a\n    name: X\n    types: [crip]\n"
    let loaded = DirectoryFile.load(data: Data(yaml.utf8), path: "annuaire.yaml", diagnostics: &diagnostics)
    let (_, slowFindings) = Fixtures.directoryFile(yaml)
    #expect(loaded?.structures.count == 1)
    #expect(diagnostics.findings == slowFindings)
    #expect(diagnostics.findings.contains { $0.code == "unknown-key" })
  }

  @Test func aControlCharacterIsWarnedAboutWhicheverPathReadsTheFile() {
    var diagnostics = Diagnostics()
    let yaml = "format: repere/directory@1\nstructures:\n  - id: a\n    nom: \"X\\x1b[2J\"\n    types: [crip]\n"
    let loaded = DirectoryFile.load(data: Data(yaml.utf8), path: "annuaire.yaml", diagnostics: &diagnostics)
    #expect(loaded?.structures.count == 1)
    #expect(diagnostics.findings.contains { $0.code == "control-character" })
  }
}
