import Foundation
import RepereBase
import RepereLookup

/// `repere-bench import --count N`: generates N FINESS rows (with their geolocation rows) and N
/// data·inclusion structures (JSON) with one service each, then times `Importer.run` on each with
/// the shipped correspondence tables. Figures go to docs/performance.md.
enum ImportBench {
  static func run(count: Int, tablesFolder: URL) {
    var diagnostics = Diagnostics()
    var tables: [CorrespondenceTable] = []
    for name in ["finess", "data-inclusion"] {
      let url = tablesFolder.appendingPathComponent("\(name).yaml")
      if let node = YAMLFile.load(url: url, displayName: url.path, diagnostics: &diagnostics),
        let table = CorrespondenceTable.load(node, diagnostics: &diagnostics)
      {
        tables.append(table)
      }
    }
    let categories = ["701", "638", "228", "223", "156", "500", "177"]
    var finess = "finess;etalab;\(count);2026-10-15\n"
    var geolocation = ""
    for index in 0..<count {
      let id = String(format: "93%07d", index)
      let category = categories[index % categories.count]
      let routing = index % 10 == 0 ? "93006 BOBIGNY CEDEX" : "93200 SAINT DENIS"
      finess +=
        "structureet;\(id);930000000;ETAB \(index);\"ETABLISSEMENT \"\"\(index)\"\"\";;;12;R;DE LA REPUBLIQUE;;;066;93;"
        + "SEINE SAINT DENIS;\(routing);0148000000;;\(category);Libelle;;;;;;;;;;;2026-09-30;\n"
      geolocation +=
        "geolocalisation;\(id);\(650_000 + index % 1000).0;\(6_860_000 + index % 1000).0;LAMBERT_93;2026-10-01\n"
    }
    let finessData = Data((finess + geolocation).utf8)
    var structures: [[String: Any]] = []
    var services: [[String: Any]] = []
    let networks = [["ase"], ["pjj"], ["cidff"], ["france-travail"], ["ase", "departements"]]
    for index in 0..<count {
      let id = "dora--S\(index)"
      structures.append([
        "source": "dora", "id": id, "nom": "Structure \(index)", "date_maj": 1_759_363_200_000,
        "code_insee": "93066", "code_postal": "93200", "commune": "Saint-Denis", "adresse": "\(index) rue A",
        "telephone": "+33148000000", "horaires_accueil": "Mo-Fr 09:00-12:00; PH off",
        "reseaux_porteurs": networks[index % networks.count], "latitude": 48.93, "longitude": 2.35,
      ])
      services.append([
        "source": "dora", "structure_id": id, "id": "svc\(index)", "nom": "Service", "description": "…",
        "date_maj": "2026-10-01", "thematiques": ["famille--soutien-a-la-parentalite-et-a-leducation"],
        "publics": ["jeunes"], "zone_eligibilite": ["93"], "mobilisable_par": ["usagers"],
      ])
    }
    let structuresData = (try? JSONSerialization.data(withJSONObject: structures)) ?? Data()
    let servicesData = (try? JSONSerialization.data(withJSONObject: services)) ?? Data()
    structures = []
    services = []
    for (label, inputs) in [
      ("FINESS", [ImportInput(path: "finess.csv", data: finessData)]),
      (
        "data·inclusion",
        [
          ImportInput(path: "structures.json", data: structuresData),
          ImportInput(path: "services.json", data: servicesData),
        ]
      ),
    ] {
      var runDiagnostics = Diagnostics()
      var written = 0
      let elapsed = seconds {
        let batch = Importer.run(
          inputs, tables: tables, vocabulary: nil, reference: nil, selection: ImportSelection(),
          diagnostics: &runDiagnostics)
        var summary = batch.summary
        let merged = ImportSync.merge(existing: [], base: nil, batch: batch, summary: &summary)
        written = DirectoryYAMLWriter.yaml(source: "bench", updated: nil, structures: merged.structures).utf8.count
      }
      let bytes = inputs.reduce(0) { $0 + $1.data.count }
      print(
        "import \(label): \(count) records, \(bytes / 1_000_000) MB in, \(written / 1_000_000) MB YAML out, "
          + "\(format(elapsed, 2)) s, peak RSS \(format(peakRSSMiB(), 0)) MiB, errors: \(runDiagnostics.hasErrors)")
    }
  }
}
