import Foundation
import RepereBase
import RepereLookup
import Testing

@testable import RepereBundle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One small data folder per finding code that the broken corpus (Fixtures/broken) does not
/// already produce: each is written to a temporary folder, loaded and checked by the real path
/// (`DataBundle.loadAndCheck`, what `repere check` runs) and must give its code at its
/// `file:line:column`, with the catalogue's level (docs/findings.md). Together with the corpus
/// and the other suites, every catalogued code is produced by a test (`FindingCatalogueTests`).
@Suite struct FindingCodeTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var code: String
    var severity: Severity
    var location: String
    var files: [String: String]
    var testDescription: String { code }
  }

  static let vocabulary = """
    format: repere/vocabulary@1
    types:
      crip: { fr: "CRIP" }
    thematiques:
      enfance: { fr: "Enfance" }
    publics:
      mineurs: { fr: "Mineurs" }
    """

  /// A few communes: Bobigny, Saint-Denis (93) and Florac Trois Rivières with its commune déléguée.
  static let reference = [
    "reference/departements.csv": """
    code,nom,region_code,region,prefecture_insee,prefecture,lat,lon,voisins
    48,Lozère,76,Occitanie,48095,Mende,44.51,3.5,07 12 15 30 43
    93,Seine-Saint-Denis,11,Île-de-France,93008,Bobigny,48.91,2.44,75 77 92 94 95

    """,
    "reference/communes.csv": """
    insee,nom,type,parent_insee,departement,code_postal,lat,lon,population
    48061,Florac Trois Rivières,COM,,48,48400,44.32,3.59,2000
    48061,Florac,COMD,48061,48,48400,44.32,3.59,1800
    93008,Bobigny,COM,,93,93000,48.91,2.44,50000
    93066,Saint-Denis,COM,,93,93200,48.94,2.36,110000

    """,
  ]

  static func directory(_ structures: String) -> [String: String] {
    ["vocabulaire.yaml": vocabulary, "annuaire.yaml": "format: repere/directory@1\nstructures:\n" + structures]
  }

  static func protocolFile(levels: String) -> String {
    """
    format: repere/protocol@1
    id: t/base
    title: Test
    version: "1"
    levels: \(levels)
    start: fin
    steps:
      - { id: fin, kind: outcome, disposition: a }
    dispositions:
      a: { level: urgence, title: A }
    """
  }

  static let cases: [Case] = [
    Case(
      code: "yaml-anchor", severity: .error, location: "a.yaml:2:8",
      files: ["a.yaml": "format: repere/vocabulary@1\ntypes: &t { crip: { fr: CRIP } }\n"]),
    Case(
      code: "text-too-long", severity: .warning, location: "vocabulaire.yaml:3:15",
      files: [
        "vocabulaire.yaml": "format: repere/vocabulary@1\ntypes:\n  crip: { fr: \""
          + String(repeating: "a", count: TextLimits.maximumFieldLength + 1) + "\" }\n"
      ]),
    Case(
      code: "duplicate-vocabulary", severity: .error, location: "b.yaml:1:1",
      files: ["a.yaml": vocabulary, "b.yaml": vocabulary]),
    Case(
      code: "shared-synonym", severity: .warning, location: "vocabulaire.yaml:4:54",
      files: [
        "vocabulaire.yaml": """
        format: repere/vocabulary@1
        types:
          crip: { fr: "CRIP", synonymes: [cellule] }
          ase: { fr: "Aide sociale à l'enfance", synonymes: [cellule] }
        """
      ]),
    Case(
      code: "duplicate-level", severity: .error, location: "p.yaml:5:19",
      files: ["p.yaml": protocolFile(levels: "[urgence, urgence]")]),
    Case(
      code: "empty-levels", severity: .error, location: "p.yaml:5:9", files: ["p.yaml": protocolFile(levels: "[]")]),
    Case(
      code: "invalid-phone", severity: .error, location: "annuaire.yaml:3:64",
      files: directory("  - { id: 93/a, nom: A, types: [crip], telephones: [{ numero: \"12\" }] }\n")),
    Case(
      code: "invalid-coordinate", severity: .error, location: "annuaire.yaml:3:50",
      files: directory("  - { id: 93/a, nom: A, types: [crip], latitude: nord }\n")),
    Case(
      code: "likely-duplicate", severity: .warning, location: "annuaire.yaml:4:22",
      files: directory(
        """
          - { id: 93/a, nom: Maison des ados, types: [crip] }
          - { id: 93/b, nom: Maison des ados, types: [crip] }

        """)),
    Case(
      code: "unknown-commune", severity: .error, location: "annuaire.yaml:3:64",
      files: directory("  - { id: 93/a, nom: A, types: [crip], adresse: { code_insee: \"93999\" } }\n")
        .merging(reference) { $1 }),
    Case(
      code: "merged-commune", severity: .warning, location: "annuaire.yaml:3:82",
      files: directory(
        "  - { id: 48/a, nom: A, types: [crip], adresse: { code_postal: \"48400\", commune: Florac } }\n"
      )
      .merging(reference) { $1 }),
    Case(
      code: "unknown-zone", severity: .error, location: "annuaire.yaml:3:47",
      files: directory("  - { id: 93/a, nom: A, types: [crip], zone: [France] }\n").merging(reference) { $1 }),
    Case(
      code: "invalid-reference-data", severity: .error, location: "reference/communes.csv:1:1",
      files: [
        "reference/departements.csv": reference["reference/departements.csv"] ?? "",
        "reference/communes.csv": "code,nom\n93008,Bobigny\n",
      ]),
    Case(
      code: "dates-order", severity: .error, location: "ressources.yaml:3:73",
      files: [
        "ressources.yaml": """
        format: repere/resources@1
        resources:
          - { id: r, type: evenement, titre: Forum, date: 2026-12-10, date_fin: 2026-12-01 }
        """
      ]),
    Case(
      code: "csv-syntax", severity: .error, location: "annuaire.csv:2:8",
      files: ["annuaire.csv": "id;nom;types\n93/a;A;\"crip\n"]),
    Case(
      code: "duplicate-column", severity: .error, location: "annuaire.csv:1:8",
      files: ["annuaire.csv": "id;nom;nom;types\n93/a;A;A;crip\n"]),
    Case(
      code: "unsupported-encoding", severity: .error, location: "annuaire.csv:1:1",
      files: ["annuaire.csv": "\u{FEFF}id;nom;types\n"]),
    Case(
      code: "unknown-source", severity: .error, location: "correspondance.yaml:2:9",
      files: ["correspondance.yaml": "format: repere/correspondence@1\nsource: nulle-part\ncorrespondances: {}\n"]),
    Case(
      code: "duplicate-correspondence", severity: .error, location: "b.yaml:1:1",
      files: [
        "a.yaml": "format: repere/correspondence@1\nsource: finess\ncorrespondances: {}\n",
        "b.yaml": "format: repere/correspondence@1\nsource: finess\ncorrespondances: {}\n",
      ]),
    Case(
      code: "unknown-vocabulary-id", severity: .error, location: "correspondance.yaml:5:5",
      files: [
        "vocabulaire.yaml": vocabulary,
        "correspondance.yaml": """
        format: repere/correspondence@1
        source: finess
        correspondances:
          categorie:
            "701": { types: [maison-des-ados] }
        """,
      ]),
  ]

  /// 2026-11-29 at noon in Paris.
  static let today = Date(timeIntervalSince1970: 1_795_950_000)

  static func folder(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("finding-code-\(UUID().uuidString)")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      // UTF-16 for the encoding case: the text's BOM alone marks it.
      let data =
        text.hasPrefix("\u{FEFF}")
        ? Data([0xFF, 0xFE]) + Data(text.dropFirst().utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        : Data(text.utf8)
      try data.write(to: url)
    }
    return root
  }

  static func check(_ root: URL) -> [Finding] {
    DataBundle.loadAndCheck(from: root, today: today).1
  }

  static func expect(_ findings: [Finding], code: String, severity: Severity, at location: String) {
    let found = findings.first { $0.code == code && "\($0.location)" == location }
    #expect(found != nil, "\(code) at \(location): \(findings.map { "\($0)" })")
    #expect(found?.severity == severity, "\(code)")
    // One compiler-like line, the code last, the message in French (no English leftovers).
    if let found {
      #expect(found.description.hasPrefix("\(location): \(severity.rawValue): "))
      #expect(found.description.hasSuffix(" [\(code)]"))
    }
  }

  @Test(arguments: cases)
  func eachCodeIsProducedWhereTheMistakeIs(_ item: Case) throws {
    let root = try Self.folder(item.files)
    defer { try? FileManager.default.removeItem(at: root) }
    Self.expect(Self.check(root), code: item.code, severity: item.severity, at: item.location)
  }

  /// Files the data folder cannot read: a FIFO named like a data file (never opened, so the
  /// check does not hang), a file past the size limit (sparse: no disk used), and a symbolic
  /// link to nothing.
  @Test func unreadableFilesAreFindingsAtTheirFirstLine() throws {
    let root = try Self.folder(["vocabulaire.yaml": Self.vocabulary])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(mkfifo(root.appendingPathComponent("tube.yaml").path, 0o600) == 0)
    let big = root.appendingPathComponent("gros.yaml")
    #expect(FileManager.default.createFile(atPath: big.path, contents: Data("format: repere/vocabulary@1\n".utf8)))
    let handle = try FileHandle(forWritingTo: big)
    try handle.truncate(atOffset: UInt64(DataFileReader.maximumSize + 1))
    try handle.close()
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("perdu.yaml").path, withDestinationPath: "nulle-part.yaml")
    let findings = Self.check(root)
    Self.expect(findings, code: "not-a-regular-file", severity: .error, at: "tube.yaml:1:1")
    Self.expect(findings, code: "file-too-large", severity: .error, at: "gros.yaml:1:1")
    Self.expect(findings, code: "unreadable-file", severity: .error, at: "perdu.yaml:1:1")
  }

  /// The configuration file's own findings (`/etc/repere/config.yaml`).
  @Test func configurationFindings() {
    let folder = URL(fileURLWithPath: "/etc/repere")
    let (_, shape) = SettingsLoader.parse("- data\n", file: "config.yaml", folder: folder)
    Self.expect(shape, code: "config-shape", severity: .error, at: "config.yaml:1:1")
    let (_, value) = SettingsLoader.parse("lock_after_minutes: bientôt\n", file: "config.yaml", folder: folder)
    Self.expect(value, code: "config-value", severity: .error, at: "config.yaml:1:21")
  }
}
