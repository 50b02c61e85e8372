import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereLookup

/// `repere import FILE…`: open data (data·inclusion, FINESS, Service-Public) or a spreadsheet
/// export → a `repere/directory@1` YAML file, kept in sync on every new extract. The work is in
/// `RepereLookup/Import`; this only reads files, loads the bundle and writes the result.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: HelpText.t(
      "Importe des données ouvertes (data·inclusion, FINESS, Service-Public) ou un export CSV dans l'annuaire.",
      "Imports open data (data·inclusion, FINESS, Service-Public) or a CSV export into the directory."),
    discussion: HelpText.t(
      """
      Le format de chaque fichier est détecté et annoncé. Les vocabulaires des sources sont traduits \
      par les tables de correspondance du dossier de données (correspondances/*.yaml) ; ce qui n'a pas \
      de correspondance est signalé. Si le fichier de sortie existe, il est mis à jour : fiches de la \
      source appariées par identifiant, corrections faites à la main conservées, fiches disparues \
      marquées « statut: inactive ». Le bilan s'affiche sur la sortie d'erreur ; en cas d'erreur, \
      rien n'est écrit.
      """,
      """
      The format of each file is detected and announced. The sources' vocabularies are translated \
      by the mapping tables of the data folder (correspondances/*.yaml); whatever has no mapping \
      is reported. If the output file exists, it is updated: the source's records are matched \
      by id, corrections made by hand are kept, records that disappeared are marked \
      « statut: inactive ». The summary goes to standard error; if there is an error, \
      nothing is written.
      """))

  @Argument(
    help: .t(
      "Les fichiers à importer (par exemple structures et services data·inclusion).",
      "The files to import (for example data·inclusion structures and services)."))
  var files: [String]

  @Option(
    name: .shortAndLong,
    help: .t(
      "Fichier YAML à écrire ou mettre à jour, « - » pour la sortie standard.",
      "YAML file to write or update, « - » for standard output."))
  var output: String?

  @OptionGroup var dataOptions: DataOptions

  @Option(
    help: .t(
      "Forcer le format : \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
      "Force the format: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))."))
  var format: String?

  @Option(
    parsing: .upToNextOption,
    help: .t(
      "Ne garder que ces départements (codes : 93, 2A, 974…).",
      "Keep only these départements (codes: 93, 2A, 974…)."))
  var departement: [String] = []

  @Option(
    name: .customLong("type"), parsing: .upToNextOption,
    help: .t(
      "Ne garder que ces types Repère.",
      "Keep only these Repère types."))
  var types: [String] = []

  @Option(
    name: .customLong("producteur"), parsing: .upToNextOption,
    help: .t(
      "Ne garder que ces sources ou producteurs (finess, dora, soliguide…).",
      "Keep only these sources or producers (finess, dora, soliguide…)."))
  var producers: [String] = []

  @Option(
    help: .t(
      "Provenance écrite dans l'en-tête du fichier (« source: »).",
      "Provenance written in the file's header (« source: »)."))
  var source: String?

  @Flag(
    help: .t(
      "Afficher le bilan sans rien écrire.",
      "Show the summary without writing anything."))
  var dryRun = false

  @Flag(
    help: .t(
      "Remplacer le fichier de sortie au lieu de le mettre à jour.",
      "Replace the output file instead of updating it."))
  var force = false

  func run() throws {
    var forced: ImportFormat?
    if let format {
      guard let known = ImportFormat(rawValue: format) else {
        throw ValidationError(
          "format inconnu « \(format) » ; formats : \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      forced = known
    }
    var inputs: [ImportInput] = []
    for file in files {
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)) else {
        StandardError.write("\(file):1:1: error: cannot read the file\n")
        throw ExitCode(2)
      }
      inputs.append(ImportInput(path: file, data: data, format: forced))
    }
    let (bundle, _) = DataBundle.load(from: dataOptions.dataURL)
    var diagnostics = Diagnostics()
    if let vocabulary = bundle.vocabulary {
      for table in bundle.correspondences { diagnostics.append(contentsOf: table.check(against: vocabulary)) }
    }
    let selection = ImportSelection(
      departements: Set(departement), types: Set(types), producers: Set(producers))
    var batch = Importer.run(
      inputs, tables: bundle.correspondences, vocabulary: bundle.vocabulary, reference: bundle.reference,
      selection: selection, diagnostics: &diagnostics)
    report(diagnostics)
    if diagnostics.hasErrors {
      StandardError.write("import refusé : rien n'a été écrit\n")
      throw ExitCode(2)
    }
    let toStandardOutput = output == "-"
    let destination = URL(
      fileURLWithPath: output
        ?? URL(fileURLWithPath: files[0]).deletingPathExtension().appendingPathExtension("yaml").path)
    let baseURL = destination.deletingPathExtension().appendingPathExtension("import.json")
    var existing = DirectoryFile(path: destination.path, structures: [])
    var base: ImportBase?
    if !toStandardOutput, !force, FileManager.default.fileExists(atPath: destination.path) {
      var fileDiagnostics = Diagnostics()
      // The same reader as the bundle (size limit, fast path for the layout an import writes).
      guard
        let bytes = DataFileReader.read(destination, displayName: destination.path, diagnostics: &fileDiagnostics),
        let file = DirectoryFile.load(data: bytes, path: destination.path, diagnostics: &fileDiagnostics),
        !fileDiagnostics.hasErrors
      else {
        report(fileDiagnostics)
        StandardError.write(
          "\(destination.path) : fichier existant illisible, rien n'a été écrit (--force pour le remplacer)\n")
        throw ExitCode(2)
      }
      existing = file
      base = (try? Data(contentsOf: baseURL)).flatMap(ImportBase.decode)
    }
    let merged = ImportSync.merge(
      existing: existing.structures, base: base, batch: batch, summary: &batch.summary)
    StandardError.write(batch.summary.text)
    if dryRun {
      StandardError.write("--dry-run : rien n'a été écrit\n")
      return
    }
    let header = existing.source ?? source ?? ImportAttribution.header(for: batch.sources)
    let yaml = DirectoryYAMLWriter.yaml(source: header, updated: CalendarDay(Date()), structures: merged.structures)
    if toStandardOutput {
      FileHandle.standardOutput.write(Data(yaml.utf8))
      return
    }
    try Data(yaml.utf8).write(to: destination, options: .atomic)
    if !merged.base.records.isEmpty { try merged.base.encoded().write(to: baseURL, options: .atomic) }
    StandardError.write("\(merged.structures.count) structure(s) écrite(s) dans \(destination.path)\n")
  }

  private func report(_ diagnostics: Diagnostics) {
    for finding in diagnostics.sorted { StandardError.write("\(finding)\n") }
  }
}
