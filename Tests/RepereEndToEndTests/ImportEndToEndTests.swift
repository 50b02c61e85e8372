import Foundation
import Testing

/// `repere import` as a département's data officer runs it: Service-Public and FINESS extracts
/// for the Eure imported into a copy of the shipped bundle, then `repere check` is clean on the
/// imported file, `repere find` lists the imported structures, and a protocol walk (scenario 03,
/// a runaway from Évreux, which ends with a report to the prosecutor) names the imported parquet
/// and gendarmerie — where the shipped bundle has none for the 27.
@Suite(.serialized) struct ImportEndToEndTests {
  static let servicePublic = #"""
    {"service":[
      {"id":"tj-evreux","nom":"Tribunal judiciaire d'Évreux","pivot":[{"type_service_local":"tgi"}],
       "adresse":[{"type_adresse":"Adresse","numero_voie":"2 boulevard Georges-Chauvin","code_postal":"27000","nom_commune":"Évreux","longitude":"1.1508","latitude":"49.0241"}],
       "code_insee_commune":"27229","telephone":[{"valeur":"02 32 00 00 01"}],
       "plage_ouverture":[{"nom_jour_debut":"Lundi","nom_jour_fin":"Vendredi","valeur_heure_debut_1":"08:30:00","valeur_heure_fin_1":"17:00:00"}],
       "date_modification":"01/10/2026 09:00:00"},
      {"id":"gend-evreux","nom":"Groupement de gendarmerie de l'Eure","pivot":"[{\"type_service_local\": \"gendarmerie\"}]",
       "adresse":[{"type_adresse":"Adresse","numero_voie":"1 rue de la Gendarmerie","code_postal":"27000","nom_commune":"Évreux"}],
       "code_insee_commune":"27229","telephone":[{"valeur":"02 32 00 00 02"}],"date_modification":"01/10/2026 09:00:00"},
      {"id":"gend-creil","nom":"Brigade de Creil","pivot":[{"type_service_local":"gendarmerie"}],"code_insee_commune":"60175"}
    ]}
    """#

  static let finess = """
    finess;etalab;2;2026-10-15
    structureet;270000001;270000002;MDA 27;MAISON DES ADOLESCENTS DE L'EURE;;;5;R;DE LA PAIX;;;229;27;EURE;27000 EVREUX;0232000003;;701;Maison des Adolescents;;;;;;;;;;;2026-09-30;
    geolocalisation;270000001;565000.0;6877000.0;LAMBERT_93;2026-10-01
    """

  private func repere(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Harness.binary())
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)
    )
  }

  @Test func importThenCheckFindAndWalk() throws {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("repere-import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Harness.packageRoot.appendingPathComponent("Protocols"), to: data)
    let sp = root.appendingPathComponent("annuaire-sp.json")
    let finess = root.appendingPathComponent("finess.csv")
    try Data(Self.servicePublic.utf8).write(to: sp)
    try Data(Self.finess.utf8).write(to: finess)
    let out = data.appendingPathComponent("annuaire/import-27.yaml")

    // A dry run says what it would do and writes nothing.
    let dry = try repere([
      "import", sp.path, finess.path, "--data", data.path, "--departement", "27", "-o", out.path, "--dry-run",
    ])
    #expect(dry.status == 0, "\(dry.error)")
    #expect(dry.error.contains("format détecté : annuaire Service-Public"))
    #expect(dry.error.contains("format détecté : extraction FINESS"))
    #expect(dry.error.contains("ajoutées : 3"))
    #expect(!FileManager.default.fileExists(atPath: out.path))

    let run = try repere(["import", sp.path, finess.path, "--data", data.path, "--departement", "27", "-o", out.path])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.isEmpty)
    let yaml = try String(contentsOf: out, encoding: .utf8)
    #expect(yaml.contains("id: service-public/tj-evreux"))
    #expect(yaml.contains("Licence Ouverte"))
    #expect(!yaml.contains("gend-creil"))

    let check = try repere(["check", "--data", data.path])
    let importedFindings = check.output.split(separator: "\n").filter { $0.contains("import-27.yaml") }
    #expect(importedFindings.isEmpty, "\(importedFindings.joined(separator: "\n"))")

    let find = try repere(["find", "--data", data.path, "--place", "27", "--type", "parquet"])
    #expect(find.output.contains("Tribunal judiciaire d'Évreux"), "\(find.output)\(find.error)")
    let mda = try repere(["find", "--data", data.path, "--place", "Évreux", "--type", "maison-des-adolescents"])
    #expect(mda.output.contains("MAISON DES ADOLESCENTS DE L'EURE"), "\(mda.output)\(mda.error)")

    let answers = [
      "securite=non", "disparu=oui", "disparu-adulte=non", "appelant=proche", "lieu=Évreux", "age=15",
      "signes=fugues,argent-cadeaux,telephones", "suivi=aucun", "en-ligne=non", "sante=non",
    ]
    let walk = try repere(
      ["walk", "--data", data.path, "national/orientation", "--now", "2026-11-29T10:30:00+01:00"]
        + answers.flatMap { ["--answer", $0] })
    #expect(walk.output.contains("Tribunal judiciaire d'Évreux"), "\(walk.output)\(walk.error)")
    #expect(walk.output.contains("Groupement de gendarmerie de l'Eure"), "\(walk.output)")

    // Re-importing the same extract changes nothing.
    let again = try repere(["import", sp.path, finess.path, "--data", data.path, "--departement", "27", "-o", out.path])
    #expect(
      again.error.contains("ajoutées : 0, modifiées : 0, disparues de la source : 0, inchangées : 3"), "\(again.error)")
  }
}
