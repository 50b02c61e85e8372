import Foundation
import RepereBase
import RepereLookup

/// `repere-bench import --count N [--data DIR] [--dir DIR] [--only finess|data-inclusion]`:
/// writes N FINESS `structureet` rows (with their Lambert-93 `geolocalisation` rows, quotes,
/// CEDEX lines) and N data·inclusion structures with one service each (JSON, as published) into
/// DIR (once; kept for the next runs), then runs what `repere import` runs on them (`ImportRun`:
/// stream, translate through DIR's correspondence tables, merge, write the YAML and its base)
/// and prints the time and the process's peak RSS. Run it once per source under
/// `/usr/bin/time -v` for the figures of docs/performance.md.
enum ImportBench {
  static func run(count: Int, data: URL, folder: URL, only: String?) {
    let fileManager = FileManager.default
    try? fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
    let finess = folder.appendingPathComponent("finess-\(count).csv")
    let structures = folder.appendingPathComponent("structures-\(count).json")
    let services = folder.appendingPathComponent("services-\(count).json")
    if !fileManager.fileExists(atPath: finess.path) { writeFiness(count: count, to: finess) }
    if !fileManager.fileExists(atPath: structures.path) || !fileManager.fileExists(atPath: services.path) {
      writeDataInclusion(count: count, structures: structures, services: services)
    }
    var diagnostics = Diagnostics()
    var tables: [CorrespondenceTable] = []
    for name in ["finess", "data-inclusion"] {
      let url = data.appendingPathComponent("correspondances/\(name).yaml")
      if let node = YAMLFile.load(url: url, displayName: url.path, diagnostics: &diagnostics),
        let table = CorrespondenceTable.load(node, diagnostics: &diagnostics)
      {
        tables.append(table)
      }
    }
    let reference = try? ReferenceData.load(folder: data.appendingPathComponent("reference"))
    let runs: [(String, [URL])] = [("finess", [finess]), ("data-inclusion", [structures, services])]
    for (label, files) in runs where only == nil || only == label {
      let output = folder.appendingPathComponent("out-\(label)-\(count).yaml")
      var importRun = ImportRun(
        inputs: files.map { ImportInput(path: $0.path, bytes: .file($0)) }, tables: tables, vocabulary: nil,
        reference: reference, output: .file(output))
      importRun.replace = true
      var runDiagnostics = Diagnostics()
      var written = 0
      let elapsed = seconds {
        if case .done(_, let count?) = try? importRun.perform(diagnostics: &runDiagnostics) { written = count }
      }
      let bytesIn = files.reduce(0) { $0 + ((try? fileManager.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
      let bytesOut = (try? fileManager.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
      print(
        "import \(label): \(count) records, \(bytesIn / 1_000_000) MB in, \(written) written, "
          + "\(bytesOut / 1_000_000) MB YAML out, \(format(elapsed, 2)) s, peak RSS \(format(peakRSSMiB(), 0)) MiB, "
          + "errors: \(runDiagnostics.hasErrors)")
    }
  }

  /// Appends text to a file a megabyte at a time (the generator must not be what fills memory).
  private final class Writer {
    let handle: FileHandle
    var buffer = ""
    init(_ url: URL) {
      FileManager.default.createFile(atPath: url.path, contents: nil)
      guard let handle = try? FileHandle(forWritingTo: url) else { fail("cannot write \(url.path)") }
      self.handle = handle
    }
    func write(_ text: String) {
      buffer += text
      if buffer.utf8.count > 1 << 20 { flush() }
    }
    func flush() {
      handle.write(Data(buffer.utf8))
      buffer = ""
    }
    func close() {
      flush()
      try? handle.close()
    }
  }

  private static func writeFiness(count: Int, to url: URL) {
    let categories = ["701", "638", "228", "223", "156", "500", "177"]
    let departements = ["93", "75", "13", "69", "59", "9D", "2A"]
    let file = Writer(url)
    file.write("finess;etalab;\(count);2026-10-15\n")
    for index in 0..<count {
      let departement = departements[index % departements.count]
      let id = departement + String(format: "%07d", index)
      let category = categories[index % categories.count]
      let routing = index % 10 == 0 ? "93006 BOBIGNY CEDEX" : "93200 SAINT DENIS"
      file.write(
        "structureet;\(id);930000000;ETAB \(index);\"ETABLISSEMENT \"\"\(index)\"\"\";;;12;R;DE LA REPUBLIQUE;;;066;"
          + "\(departement);SEINE SAINT DENIS;\(routing);0148000000;;\(category);Libelle;;;;;;;;;;;2026-09-30;\n")
    }
    for index in 0..<count {
      let departement = departements[index % departements.count]
      let id = departement + String(format: "%07d", index)
      file.write(
        "geolocalisation;\(id);\(650_000 + index % 1000).0;\(6_860_000 + index % 1000).0;"
          + "1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2026-10-01\n")
    }
    file.close()
  }

  /// As published: one JSON array per file, all on one line (`orient=records`), dates in epoch
  /// milliseconds, absent values as `null`.
  private static func writeDataInclusion(count: Int, structures: URL, services: URL) {
    let networks = [#"["ase"]"#, #"["pjj"]"#, #"["cidff"]"#, #"["france-travail"]"#, #"["ase","departements"]"#]
    let structureFile = Writer(structures)
    let serviceFile = Writer(services)
    structureFile.write("[")
    serviceFile.write("[")
    for index in 0..<count {
      let id = "dora--S\(index)"
      let separator = index == 0 ? "" : ","
      structureFile.write(
        separator
          + #"{"source":"dora","id":"\#(id)","nom":"Structure \#(index)","date_maj":1759363200000,"#
          + #""description":"Accueil, écoute et orientation des familles \"et\" des jeunes","lien_source":null,"#
          + #""siret":null,"commune":"Saint-Denis","code_postal":"93200","code_insee":"93066","#
          + #""adresse":"\#(index) rue A","complement_adresse":null,"longitude":2.35,"latitude":48.93,"#
          + #""telephone":"+33148000000","courriel":null,"site_web":null,"#
          + #""horaires_accueil":"Mo-Fr 09:00-12:00; PH off","accessibilite_lieu":null,"#
          + #""reseaux_porteurs":\#(networks[index % networks.count])}"#)
      serviceFile.write(
        separator
          + #"{"source":"dora","structure_id":"\#(id)","id":"svc\#(index)","nom":"Service","#
          + #""description":"Un service d'accueil","date_maj":"2026-10-01","#
          + #""thematiques":["famille--soutien-a-la-parentalite-et-a-leducation"],"publics":["jeunes"],"#
          + #""zone_eligibilite":["93"],"mobilisable_par":["usagers"],"modes_accueil":["en-presentiel"],"#
          + #""telephone":null,"courriel":null,"horaires_accueil":null}"#)
    }
    structureFile.write("]")
    serviceFile.write("]")
    structureFile.close()
    serviceFile.close()
  }
}
