import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct DirectoryLoadingTests {
  @Test func fixtureBundleLoadsWithoutFindings() {
    #expect(Fixtures.data.findings.isEmpty, "\(Fixtures.data.findings)")
    #expect(Fixtures.directory.structures.count == 9)
    #expect(Fixtures.data.vocabulary.types["crip"]?.fr == "Cellule de recueil des informations préoccupantes")
    let crip = Fixtures.directory.structure(id: "93/crip")
    #expect(crip?.isExample == true)
    #expect(crip?.acces == .professionnels)
    #expect(crip?.adresse?.codeInsee == "93008")
    #expect(crip?.horaires != nil)
    #expect(crip?.location == SourceLocation(file: "annuaire.yaml", line: 25, column: 5))
  }

  @Test func unknownKeysSayDidYouMeanWithTheirPosition() {
    let (_, findings) = Fixtures.directoryFile(
      """
      format: repere/directory@1
      structures:
        - id: a/b
          nom: X
          types: [crip]
          telephone: ["119"]
          adresse: { code_postale: "93000" }
      """)
    let unknown = findings.filter { $0.code == "unknown-key" }
    #expect(unknown.count == 2)
    #expect(unknown.first?.location == SourceLocation(file: "annuaire.yaml", line: 6, column: 5))
    #expect(unknown.first?.hint == "vouliez-vous dire « telephones » ?")
    #expect(unknown.last?.location == SourceLocation(file: "annuaire.yaml", line: 7, column: 16))
    #expect(unknown.last?.hint == "vouliez-vous dire « code_postal » ?")
  }

  @Test func missingRequiredKeysAndBadValues() {
    let (file, findings) = Fixtures.directoryFile(
      """
      format: repere/directory@1
      structures:
        - id: "bad id!"
          types: crip
          acces: privé
          statut: ouvert
          age_min: douze
          date_maj: 01/02/2026
      """)
    let codes = Set(findings.map(\.code))
    #expect(codes == ["missing-key", "invalid-id", "invalid-value", "invalid-age", "invalid-date"])
    #expect(findings.first { $0.code == "missing-key" }?.message.contains("`nom`") == true)
    #expect(findings.first { $0.code == "invalid-date" }?.location.line == 8)
    #expect(file?.structures.first?.types == ["crip"])  // a single id without brackets is accepted
  }

  @Test func csvWithSemicolonsBOMQuotesAndLists() throws {
    let csv = #"""
      \#u{FEFF}id;nom;types;thematiques;adresse.code_postal;commune;telephone;horaires
      93/a;"Accueil ""Le Phare""";association|crip;prostitution-mineurs;93200;Saint-Denis;01 99 00 00 10 (accueil)|119;Mo-Fr 09:00-17:00
      93/b;"Deux
      lignes";association;;93000;Bobigny;;

      """#
    var diagnostics = Diagnostics()
    let file = DirectoryFile.loadCSV(Data(csv.utf8), path: "annuaire.csv", diagnostics: &diagnostics)
    #expect(diagnostics.findings.isEmpty, "\(diagnostics.findings)")
    #expect(file.structures.count == 2)
    let first = try #require(file.structures.first)
    #expect(first.nom == "Accueil \"Le Phare\"")
    #expect(first.types == ["association", "crip"])
    #expect(first.telephones == [Phone(numero: "01 99 00 00 10", libelle: "accueil"), Phone(numero: "119")])
    #expect(first.adresse?.codePostal == "93200")
    #expect(first.location(of: "horaires") == SourceLocation(file: "annuaire.csv", line: 2, column: 114))
    #expect(first.location(of: "types", index: 1) == SourceLocation(file: "annuaire.csv", line: 2, column: 41))
    #expect(file.structures.last?.nom == "Deux\nlignes")
  }

  @Test func csvInWindows1252WithCommas() throws {
    // "Œuvre d'été" and a typographic apostrophe as a French spreadsheet saves them.
    var bytes = Array("id,nom,types\n95/x,".utf8)
    bytes += [0x8C, 0x75, 0x76, 0x72, 0x65, 0x20, 0x64, 0x92, 0xE9, 0x74, 0xE9]
    bytes += Array(",association\n".utf8)
    var diagnostics = Diagnostics()
    let file = DirectoryFile.loadCSV(Data(bytes), path: "export.csv", diagnostics: &diagnostics)
    #expect(diagnostics.findings.isEmpty)
    #expect(file.structures.first?.nom == "Œuvre d’été")
  }

  @Test func csvErrorsNameFileLineAndColumn() {
    let csv = "id;nom;typse;horaire\n93/a;A;crip;x\n93/b;\"never closed;crip\n"
    var diagnostics = Diagnostics()
    _ = DirectoryFile.loadCSV(Data(csv.utf8), path: "bad.csv", diagnostics: &diagnostics)
    let findings = diagnostics.sorted
    #expect(
      findings.map(\.description).contains(
        "bad.csv:3:6: error: cette cellule entre guillemets n'est jamais fermée (une cellule qui commence par \" doit finir par \") [csv-syntax]"
      ))
    var headerDiagnostics = Diagnostics()
    _ = DirectoryFile.loadCSV(
      Data("id;nom;typse;horaire\n93/a;A;crip;x\n".utf8), path: "bad.csv", diagnostics: &headerDiagnostics)
    let unknown = headerDiagnostics.findings.filter { $0.code == "unknown-column" }
    #expect(unknown.map(\.location.column) == [8, 14])
    #expect(unknown.map(\.hint) == ["vouliez-vous dire « types » ?", "vouliez-vous dire « horaires » ?"])
    #expect(headerDiagnostics.findings.contains { $0.code == "missing-column" })
  }

  @Test func importWritesYAMLThatLoadsBackTheSame() throws {
    let csv = #"""
      id;nom;types;description;zone;voie;code_postal;commune;code_insee;telephones;horaires;acces;date_maj;age_min
      93/a;L'accueil: "nuit";association;Texte avec # et : et — tiret;93;1 rue X;93200;Saint-Denis;93066;01 99 00 00 10 (accueil);"Mo-Fr 09:00-17:00 ""sur rendez-vous""";professionnels;2026-10-01;12
      """#
    var diagnostics = Diagnostics()
    let file = DirectoryFile.loadCSV(Data(csv.utf8), path: "in.csv", diagnostics: &diagnostics)
    #expect(diagnostics.findings.isEmpty, "\(diagnostics.findings)")
    let yaml = DirectoryYAMLWriter.yaml(source: "Import — exemple fictif", updated: nil, structures: file.structures)
    let (reloaded, findings) = Fixtures.directoryFile(yaml, file: "out.yaml")
    #expect(findings.isEmpty, "\(findings)\n\(yaml)")
    let original = try #require(file.structures.first)
    let copy = try #require(reloaded?.structures.first)
    #expect(copy.nom == original.nom)
    #expect(copy.description == original.description)
    #expect(copy.adresse == original.adresse)
    #expect(copy.telephones == original.telephones)
    #expect(copy.horairesText == "Mo-Fr 09:00-17:00 \"sur rendez-vous\"")
    #expect(copy.acces == .professionnels)
    #expect(copy.ageMin == 12)
    #expect(copy.isExample)
  }

  @Test func vocabularyAndResourcesLoad() {
    let resources = Fixtures.data.resources.resources
    #expect(resources.count == 4)
    #expect(resources.first { $0.id == "journee-95" }?.kind == .evenement)
    var diagnostics = Diagnostics()
    let node = YAMLFile.parse(
      "format: repere/vocabulary@1\ntypes:\n  crip: { fr: CRIP, de: x }\npublcs: {}\n", file: "v.yaml",
      diagnostics: &diagnostics)
    _ = node.flatMap { Vocabulary.load($0, diagnostics: &diagnostics) }
    #expect(diagnostics.findings.map(\.code) == ["unknown-key", "unknown-key"])
    #expect(diagnostics.findings.first { $0.message.contains("publcs") }?.hint == "vouliez-vous dire « publics » ?")
  }

  /// Issue 12, point 10: everyday words and acronyms (« MDA ») are vocabulary data, checked like
  /// the rest of it.
  @Test func vocabularySynonymsLoadAndAreChecked() throws {
    var diagnostics = Diagnostics()
    let node = YAMLFile.parse(
      """
      format: repere/vocabulary@1
      types:
        maison-des-adolescents: { fr: Maison des adolescents, synonymes: [maison des ados, ados, MDA] }
        crip: { fr: CRIP, synonymes: [ados, ""] }
        ase: { fr: ASE, synonymes: MDA }
      """, file: "v.yaml", diagnostics: &diagnostics)
    let vocabulary = try #require(node.flatMap { Vocabulary.load($0, diagnostics: &diagnostics) })
    #expect(vocabulary.types["maison-des-adolescents"]?.synonyms == ["maison des ados", "ados", "MDA"])
    #expect(vocabulary.types["crip"]?.synonyms == ["ados"])
    let found = diagnostics.findings.map { "\($0.code)@\($0.location.line)" }.sorted()
    #expect(found == ["shared-synonym@4", "wrong-type@4", "wrong-type@5"], "\(diagnostics.findings)")
  }
}
