import Foundation
import RepereBase
import Testing

@testable import RepereLookup

/// Inputs shaped as their publishers write them (data·inclusion v1 exports and API pages, the
/// FINESS extraction, the Service-Public local directory), through detection, reading,
/// correspondence, selection and sync.
@Suite struct ImportTests {
  static let tables: [CorrespondenceTable] = [
    """
    format: repere/correspondence@1
    source: data-inclusion
    correspondances:
      reseaux_porteurs:
        ase: { types: [ase], thematiques: [enfance-en-danger], publics: [mineurs] }
        pjj: { types: [pjj] }
      thematiques:
        sante--sante-sexuelle: { thematiques: [sante-sexuelle] }
      publics:
        jeunes: { publics: [mineurs, jeunes-majeurs] }
    """,
    """
    format: repere/correspondence@1
    source: finess
    correspondances:
      categetab:
        "701": { types: [maison-des-adolescents], thematiques: [adolescence] }
        "638": { types: [cegidd], thematiques: [sante-sexuelle] }
    """,
    """
    format: repere/correspondence@1
    source: service-public
    correspondances:
      pivot:
        gendarmerie: { types: [police-gendarmerie] }
        tgi: { types: [parquet] }
    """,
  ].enumerated().compactMap { index, text in
    var diagnostics = Diagnostics()
    guard let node = YAMLFile.parse(text, file: "table\(index).yaml", diagnostics: &diagnostics) else { return nil }
    return CorrespondenceTable.load(node, diagnostics: &diagnostics)
  }

  static func run(
    _ files: [(String, String)], selection: ImportSelection = ImportSelection()
  ) -> (ImportBatch, Diagnostics) {
    var diagnostics = Diagnostics()
    let inputs = files.map { ImportInput(path: $0.0, data: Data($0.1.utf8)) }
    let batch = Importer.run(
      inputs, tables: tables, vocabulary: nil, reference: nil, selection: selection, diagnostics: &diagnostics)
    return (batch, diagnostics)
  }

  // pandas' CSV export: `,`, header, list cells as Python literals, empty cells for None.
  static let structuresCSV = """
    source,id,nom,date_maj,description,lien_source,siret,commune,code_postal,code_insee,adresse,complement_adresse,longitude,latitude,telephone,courriel,site_web,horaires_accueil,accessibilite_lieu,reseaux_porteurs
    dora,dora--Aa1,"Service ""Enfance"" de Bobigny",2026-10-02,,https://dora.inclusion.gouv.fr/structures/aa1,,Bobigny,93000,93008,1 rue A,,2.44,48.9,+33123456789,,,Mo-Fr 09:00-12:00; PH off,,"['ase', 'pjj']"
    soliguide,soliguide--77,Antenne PJJ Saint-Denis (Réunion),2026-09-01,,,,Saint-Denis,97400,97411,,,,,+262262000000,,,,,['pjj']
    dora,dora--x9,Atelier CV,2026-08-01,,,,Paris,75001,75101,,,,,,,,,,['france-travail']
    """

  static let servicesCSV = """
    source,structure_id,id,nom,description,date_maj,thematiques,publics,zone_eligibilite,mobilisable_par,telephone
    dora,dora--Aa1,s1,Accueil,Un service d'accueil des familles et des jeunes du département,2026-10-05,['sante--sante-sexuelle'],"['jeunes', 'seniors']","['93', '200054781']",['professionnels'],
    dora,dora--absent,s2,Orphelin,Un service dont la structure n'est pas dans le fichier lu,2026-10-05,[],[],[],[],
    """

  @Test func detectsEveryFormatFromItsContent() {
    #expect(ImportFormat.detect(Data(Self.structuresCSV.utf8)) == .dataInclusionStructures)
    #expect(ImportFormat.detect(Data(Self.servicesCSV.utf8)) == .dataInclusionServices)
    // Saved on Windows or by Python's csv module: « \r\n » line ends.
    let windowsLines = Self.structuresCSV.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(ImportFormat.detect(Data(windowsLines.utf8)) == .dataInclusionStructures)
    #expect(Self.run([("structures.csv", windowsLines)]).0.structures.count == 2)
    #expect(
      ImportFormat.detect(Data(#"[{"source":"dora","id":"a","nom":"b","date_maj":1700000000000}]"#.utf8))
        == .dataInclusionStructures)
    #expect(
      ImportFormat.detect(Data(#"{"items":[{"structure_id":"a"}],"page":1,"pages":1,"size":1,"total":1}"#.utf8))
        == .dataInclusionServices)
    #expect(ImportFormat.detect(Data(Self.finess.utf8)) == .finess)
    #expect(ImportFormat.detect(Data(Self.servicePublic.utf8)) == .servicePublic)
    #expect(ImportFormat.detect(Data("id;nom;types\n93/a;A;crip\n".utf8)) == .repereCSV)
    #expect(ImportFormat.detect(Data("bonjour\n".utf8)) == nil)
  }

  @Test func pythonListCellsBecomeLists() {
    #expect(DataInclusionReader.pythonList("['ase', 'pjj']") == ["ase", "pjj"])
    #expect(DataInclusionReader.pythonList(#"["l'ase", 'b']"#) == ["l'ase", "b"])
    #expect(DataInclusionReader.pythonList("[]") == [])
    #expect(DataInclusionReader.pythonList("ase") == ["ase"])
  }

  @Test func dataInclusionCSVJoinsServicesAndTranslatesVocabularies() throws {
    let (batch, diagnostics) = Self.run([("structures.csv", Self.structuresCSV), ("services.csv", Self.servicesCSV)])
    #expect(!diagnostics.hasErrors, "\(diagnostics.findings)")
    #expect(batch.structures.map(\.id) == ["data-inclusion/dora--Aa1", "data-inclusion/soliguide--77"])
    let bobigny = try #require(batch.structures.first)
    #expect(bobigny.nom == "Service \"Enfance\" de Bobigny")
    #expect(bobigny.types == ["ase", "pjj"])
    #expect(bobigny.thematiques == ["enfance-en-danger", "sante-sexuelle"])
    #expect(bobigny.publics == ["mineurs", "jeunes-majeurs"])
    #expect(bobigny.zone == ["93"])
    #expect(bobigny.acces == .professionnels)
    #expect(bobigny.telephones.map(\.numero) == ["01 23 45 67 89"])
    #expect(bobigny.horairesText == "Mo-Fr 09:00-12:00; PH off")
    #expect(bobigny.dateMaj == CalendarDay(iso: "2026-10-05"))
    #expect(bobigny.lienSource == "https://dora.inclusion.gouv.fr/structures/aa1")
    #expect(bobigny.location == SourceLocation(file: "structures.csv", line: 2, column: 1))
    let reunion = batch.structures[1]
    #expect(reunion.telephones.map(\.numero) == ["02 62 00 00 00"])
    #expect(reunion.adresse?.codeInsee == "97411")
    let summary = batch.summary
    #expect(summary.files.map(\.format) == [.dataInclusionStructures, .dataInclusionServices])
    #expect(summary.withoutType == 1)
    #expect(summary.orphanServices == 1)
    #expect(summary.structuresWithoutService == 2)
    #expect(summary.droppedZones == 1)
    #expect(summary.unmapped["reseaux_porteurs"] == ["france-travail": 1])
    #expect(summary.unmapped["publics"] == ["seniors": 1])
    #expect(summary.text.contains("format détecté : data·inclusion v1 — structures"))
  }

  @Test func dataInclusionJSONAndAPIPagesWithEpochDates() throws {
    let records = #"""
      [{"source":"dora","id":"dora--1","nom":"ASE 93","date_maj":1759363200000,"telephone":null,
        "reseaux_porteurs":["ase"],"code_insee":"93008","latitude":48.9,"longitude":2.44}]
      """#
    let page = #"""
      {"items":[{"source":"dora","structure_id":"dora--1","id":"s","nom":"S","description":"d",
        "date_maj":"2025-01-01","thematiques":null,"publics":["jeunes"],"zone_eligibilite":["france"],
        "mobilisable_par":["usagers","professionnels"]}],"page":1,"pages":1,"size":50,"total":1}
      """#
    let (batch, diagnostics) = Self.run([("s.json", records), ("page.json", page)])
    #expect(!diagnostics.hasErrors, "\(diagnostics.findings)")
    let structure = try #require(batch.structures.first)
    #expect(structure.dateMaj == CalendarDay(iso: "2025-10-02"))
    #expect(structure.zone == ["france"])
    #expect(structure.acces == .public)
    #expect(structure.publics == ["mineurs", "jeunes-majeurs"])
    #expect(structure.latitude == 48.9)
  }

  @Test func brokenJSONIsRefusedNamingTheFormat() {
    let (_, diagnostics) = Self.run([("s.json", #"[{"id":"a","nom":"b"},"#)])
    #expect(diagnostics.hasErrors)
    #expect(diagnostics.findings.first?.message.contains("JSON data·inclusion") == true)
  }

  // The FINESS extraction: a `finess;etalab` line, 32-field `structureet` rows, then
  // `geolocalisation` rows in Lambert-93 (mainland) or other projections (overseas).
  static let finess = #"""
    finess;etalab;100;2026-10-15
    structureet;930000001;930000002;MDA 93;MAISON DES ADOLESCENTS DE LA SEINE-SAINT-DENIS;;;12;R;DE LA REPUBLIQUE;;;008;93;SEINE SAINT DENIS;93006 BOBIGNY CEDEX;0148000000;;701;Maison des Adolescents;4301;Autres;;;;;;;2010-01-01;2010-01-01;2026-09-30;
    structureet;9C0000001;9C0000002;CEGIDD CAYENNE;"CEGIDD ""CAYENNE""";;;;AV;DES ROSES;;BP 6;302;9C;GUYANE;97306 CAYENNE CEDEX;0594000000;;638;CeGIDD;;;;;;;;;;;2026-08-01;
    structureet;750000009;750000008;EHPAD;EHPAD DES LILAS;;;1;R;X;;;101;75;PARIS;75001 PARIS;0100000000;;500;EHPAD;;;;;;;;;;;2026-01-01;
    geolocalisation;930000001;652469.0;6862035.0;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2026-10-01
    geolocalisation;9C0000001;352000.0;544000.0;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_N22;2026-10-01
    """#

  @Test func finessRowsWithCedexOverseasAndProjectedCoordinates() throws {
    var bytes = Array(Self.finess.utf8)
    // Windows-1252 as downloaded: « Ô » is one byte (0xD4).
    bytes +=
      Array("\nstructureet;930000003;930000004;CeGIDD;CEGIDD H".utf8) + [0xD4]
      + Array("PITAL;;;;;;;;066;93;SSD;93200 SAINT DENIS;;;638;CeGIDD;;;;;;;;;;;2026-01-01;\n".utf8)
    var diagnostics = Diagnostics()
    let batch = Importer.run(
      [ImportInput(path: "finess.csv", data: Data(bytes))], tables: Self.tables, vocabulary: nil, reference: nil,
      selection: ImportSelection(), diagnostics: &diagnostics)
    #expect(!diagnostics.hasErrors, "\(diagnostics.findings)")
    #expect(batch.structures.map(\.id) == ["finess/930000001", "finess/9C0000001", "finess/930000003"])
    let mda = batch.structures[0]
    #expect(mda.types == ["maison-des-adolescents"])
    #expect(mda.nom == "MAISON DES ADOLESCENTS DE LA SEINE-SAINT-DENIS")
    #expect(mda.adresse?.voie == "12 rue DE LA REPUBLIQUE")
    #expect(mda.adresse?.codeInsee == "93008")
    #expect(mda.adresse?.commune == "BOBIGNY")
    #expect(mda.adresse?.codePostal == nil)  // a CEDEX code is not the commune's
    #expect(mda.zone == ["93"])
    #expect(mda.telephones.map(\.numero) == ["01 48 00 00 00"])
    let latitude = try #require(mda.latitude)
    let longitude = try #require(mda.longitude)
    #expect(abs(latitude - 48.8566) < 0.01 && abs(longitude - 2.3522) < 0.01, "\(latitude), \(longitude)")
    let cayenne = batch.structures[1]
    #expect(cayenne.nom == "CEGIDD \"CAYENNE\"")
    #expect(cayenne.zone == ["973"])
    #expect(cayenne.adresse?.codeInsee == "97302")
    #expect(cayenne.latitude == nil)
    #expect(batch.structures[2].nom == "CEGIDD HÔPITAL")
    #expect(batch.summary.communePointCoordinates == 1)
    #expect(batch.summary.convertedCoordinates == 1)
    #expect(batch.summary.cedexAddresses == 2)
    #expect(batch.summary.unmapped["categetab"] == ["500": 1])
    #expect(batch.summary.text.contains("500 (EHPAD) ×1"))
  }

  @Test func selectionKeepsADepartementFromANationalFile() {
    let (batch, _) = Self.run([("finess.csv", Self.finess)], selection: ImportSelection(departements: ["973"]))
    #expect(batch.structures.map(\.id) == ["finess/9C0000001"])
    #expect(batch.summary.outsideSelection == 2)
    let (typed, _) = Self.run([("finess.csv", Self.finess)], selection: ImportSelection(types: ["cegidd"]))
    #expect(typed.structures.map(\.id) == ["finess/9C0000001"])
    let (producer, _) = Self.run(
      [("structures.csv", Self.structuresCSV)], selection: ImportSelection(producers: ["soliguide"]))
    #expect(producer.structures.map(\.id) == ["data-inclusion/soliguide--77"])
  }

  static let servicePublic = #"""
    {"service":[
      {"id":"abc-123","nom":"Brigade de gendarmerie de Creil","pivot":[{"type_service_local":"gendarmerie","code_insee_commune":["60175"]}],
       "adresse":[{"type_adresse":"Adresse","numero_voie":"1 rue de la Gare","code_postal":"60100","nom_commune":"Creil","longitude":"2.47","latitude":"49.26"}],
       "code_insee_commune":"60175","telephone":[{"valeur":"03 44 00 00 00","description":""}],
       "adresse_courriel":["bta.creil@example.invalid"],"site_internet":[],
       "plage_ouverture":[{"nom_jour_debut":"Lundi","nom_jour_fin":"Vendredi","valeur_heure_debut_1":"08:00:00","valeur_heure_fin_1":"12:00:00","valeur_heure_debut_2":"14:00:00","valeur_heure_fin_2":"18:00:00","commentaire":""},
                         {"nom_jour_debut":"Samedi","nom_jour_fin":"Samedi","valeur_heure_debut_1":"09:00:00","valeur_heure_fin_1":"12:00:00","valeur_heure_debut_2":"","valeur_heure_fin_2":""}],
       "date_modification":"15/10/2026 10:12:00"},
      {"id":"tj-1","nom":"Tribunal judiciaire de Beauvais","pivot":"[{\"type_service_local\": \"tgi\"}]",
       "adresse":"[{\"type_adresse\": \"Adresse\", \"code_postal\": \"60000\", \"nom_commune\": \"Beauvais\"}]",
       "code_insee_commune":"60057","telephone":"[{\"valeur\": \"+33344000001\"}]"},
      {"id":"pref","nom":"Préfecture","pivot":[{"type_service_local":"prefecture"}]}
    ]}
    """#

  @Test func servicePublicBulkAndAPIShapesWithStructuredHours() throws {
    let (batch, diagnostics) = Self.run([("sp.json", Self.servicePublic)])
    #expect(!diagnostics.hasErrors, "\(diagnostics.findings)")
    #expect(batch.structures.map(\.id) == ["service-public/abc-123", "service-public/tj-1"])
    let brigade = batch.structures[0]
    #expect(brigade.types == ["police-gendarmerie"])
    #expect(brigade.horairesText == "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00")
    #expect(brigade.horaires != nil)
    #expect(brigade.zone == ["60"])
    #expect(brigade.dateMaj == CalendarDay(iso: "2026-10-15"))
    #expect(brigade.telephones.map(\.numero) == ["03 44 00 00 00"])
    let court = batch.structures[1]
    #expect(court.types == ["parquet"])
    #expect(court.telephones.map(\.numero) == ["03 44 00 00 01"])
    #expect(court.adresse?.commune == "Beauvais")
    #expect(batch.summary.unmapped["pivot"] == ["prefecture": 1])
  }

  /// Many offices of the bulk file have no `adresse` block but still name their commune: the
  /// département selection must keep them (it once dropped them as « hors sélection »).
  @Test func servicePublicOfficeWithoutAddressIsSelectedByItsCommune() {
    let file = #"""
      {"service":[{"id":"bta-27","nom":"Brigade de gendarmerie d'Évreux","pivot":[{"type_service_local":"gendarmerie"}],
        "code_insee_commune":"27229"}]}
      """#
    let (batch, _) = Self.run([("sp.json", file)], selection: ImportSelection(departements: ["27"]))
    #expect(batch.structures.map(\.id) == ["service-public/bta-27"])
    #expect(batch.structures.first?.adresse?.codeInsee == "27229")
    #expect(batch.summary.outsideSelection == 0)
  }

  @Test func syncUpdatesSourceFieldsKeepsHandEditsAndMarksGoneRecords() throws {
    let (first, _) = Self.run([("finess.csv", Self.finess)])
    var summary = ImportSummary()
    let handWritten = Structure(id: "93/crip", nom: "CRIP 93", types: ["crip"])
    let initial = ImportSync.merge(existing: [handWritten], base: nil, batch: first, summary: &summary)
    #expect(summary.added == ["finess/930000001", "finess/9C0000001"])
    #expect(summary.handWritten == 1)
    // A local correction: the MDA's phone, fixed by hand in the YAML file.
    var edited = initial.structures
    edited[1].telephones = [Phone(numero: "01 48 99 99 99")]
    // The next extract: the MDA changed its name, the CeGIDD of Cayenne is gone.
    let newer = Self.finess.replacingOccurrences(of: "MAISON DES ADOLESCENTS DE LA", with: "MDA DE LA")
      .split(separator: "\n").filter { !$0.contains("9C0000001") }.joined(separator: "\n")
    let (second, _) = Self.run([("finess.csv", newer)])
    var next = ImportSummary()
    let result = ImportSync.merge(existing: edited, base: initial.base, batch: second, summary: &next)
    #expect(result.structures.map(\.id) == ["93/crip", "finess/930000001", "finess/9C0000001"])
    #expect(result.structures[0] == handWritten)
    let mda = result.structures[1]
    #expect(mda.nom == "MDA DE LA SEINE-SAINT-DENIS")
    #expect(mda.telephones.map(\.numero) == ["01 48 99 99 99"])
    #expect(next.changed.map(\.id) == ["finess/930000001"])
    #expect(next.changed.first?.fields == ["nom"])
    #expect(next.keptEdits.map(\.field) == ["telephones"])
    #expect(result.structures[2].statut == .inactive)
    #expect(next.gone == ["finess/9C0000001"])
    // The base survives a round trip through its file.
    #expect(ImportBase.decode(result.base.encoded()) == result.base)
  }

  /// Several départements imported from the national file into one directory file, one run each:
  /// a run marks gone only the records it could have produced (its département, still absent
  /// from the source), never the other départements' records.
  @Test func importsOfSeveralDepartementsIntoOneFileDoNotMarkEachOthersRecordsGone() {
    func importing(
      _ text: String, _ selection: ImportSelection, into existing: [Structure], base: ImportBase?
    ) -> (structures: [Structure], base: ImportBase, summary: ImportSummary) {
      var diagnostics = Diagnostics()
      let batch = Importer.run(
        [ImportInput(path: "finess.csv", data: Data(text.utf8))], tables: Self.tables, vocabulary: nil,
        reference: nil, selection: selection, watching: Set(existing.map(\.id)), diagnostics: &diagnostics)
      var summary = batch.summary
      let merged = ImportSync.merge(existing: existing, base: base, batch: batch, summary: &summary)
      return (merged.structures, merged.base, summary)
    }
    let ninetyThree = importing(Self.finess, ImportSelection(departements: ["93"]), into: [], base: nil)
    #expect(ninetyThree.structures.map(\.id) == ["finess/930000001"])
    let both = importing(
      Self.finess, ImportSelection(departements: ["973"]), into: ninetyThree.structures, base: ninetyThree.base)
    #expect(both.structures.map(\.id) == ["finess/930000001", "finess/9C0000001"])
    #expect(both.structures.allSatisfy { $0.statut == .active })
    #expect(both.summary.gone.isEmpty)
    #expect(both.summary.leftAlone == 1)
    // The next month: the 93's MDA left the national file; the 93's run marks it, and only it.
    let newer = Self.finess.split(separator: "\n").filter { !$0.contains("930000001") }.joined(separator: "\n")
    let next = importing(newer, ImportSelection(departements: ["93"]), into: both.structures, base: both.base)
    #expect(next.summary.gone == ["finess/930000001"])
    #expect(next.structures.map(\.statut) == [.inactive, .active])
    // Without a département, a national file that lacks the 973's record would mark it; a record
    // still in the source but left out by a type selection is not gone either.
    let typed = importing(
      Self.finess, ImportSelection(departements: ["93", "973"], types: ["maison-des-adolescents"]),
      into: both.structures, base: both.base)
    #expect(typed.summary.gone.isEmpty)
    #expect(typed.structures.map(\.statut) == [.active, .active])
  }

  @Test func correspondenceTablesAreCheckedAgainstTheVocabulary() throws {
    var diagnostics = Diagnostics()
    let text = """
      format: repere/correspondence@1
      source: finess
      correspondances:
        categetab:
          "701": { types: [maison-des-adolesents] }
          "638": { type: [cegidd] }
      """
    let node = try #require(YAMLFile.parse(text, file: "c.yaml", diagnostics: &diagnostics))
    let table = try #require(CorrespondenceTable.load(node, diagnostics: &diagnostics))
    #expect(diagnostics.findings.map(\.code).contains("unknown-key"), "\(diagnostics.findings)")
    let vocabulary = Vocabulary(types: ["maison-des-adolescents": Label(fr: "MDA")])
    let findings = table.check(against: vocabulary)
    #expect(findings.count == 1)
    #expect(findings.first?.location == SourceLocation(file: "c.yaml", line: 5, column: 5))
    #expect(findings.first?.hint == "vouliez-vous dire « maison-des-adolescents » ?")
  }
}
