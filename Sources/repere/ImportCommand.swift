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

  func validate() throws {
    if let format, ImportFormat(rawValue: format) == nil {
      throw ValidationError(
        "format inconnu « \(format) » ; formats : \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let forced = format.flatMap(ImportFormat.init(rawValue:))
    var inputs: [ImportInput] = []
    for file in files {
      // Read as a stream by the importers; only opened here, so that a missing file stops at once.
      guard FileManager.default.isReadableFile(atPath: file) else {
        StandardError.write("\(file):1:1: error: fichier illisible ou absent [unreadable-file]\n")
        throw ExitCode(2)
      }
      inputs.append(ImportInput(path: file, bytes: .file(URL(fileURLWithPath: file)), format: forced))
    }
    let (bundle, _) = DataBundle.load(from: dataOptions.dataURL)
    var diagnostics = Diagnostics()
    if let vocabulary = bundle.vocabulary {
      for table in bundle.correspondences { diagnostics.append(contentsOf: table.check(against: vocabulary)) }
    }
    let selection = ImportSelection(
      departements: Set(departement), types: Set(types), producers: Set(producers))
    var run = ImportRun(
      inputs: inputs, tables: bundle.correspondences, vocabulary: bundle.vocabulary, reference: bundle.reference,
      output: output == "-"
        ? .stream { FileHandle.standardOutput.write(Data($0.utf8)) }
        : .file(
          URL(
            fileURLWithPath: output
              ?? URL(fileURLWithPath: files[0]).deletingPathExtension().appendingPathExtension("yaml").path)))
    run.selection = selection
    run.replace = force
    run.dryRun = dryRun
    run.source = source
    run.updated = CalendarDay(Date())
    let outcome: ImportRun.Outcome
    do {
      outcome = try run.perform(diagnostics: &diagnostics)
    } catch {
      report(diagnostics)
      StandardError.write("écriture impossible (\(error.localizedDescription)) : rien n'a été écrit\n")
      throw ExitCode(2)
    }
    report(diagnostics)
    switch outcome {
    case .refused:
      StandardError.write("import refusé : rien n'a été écrit\n")
      throw ExitCode(2)
    case .existingUnreadable:
      StandardError.write("fichier existant illisible, rien n'a été écrit (--force pour le remplacer)\n")
      throw ExitCode(2)
    case .done(let summary, let written):
      StandardError.write(summary.text)
      guard let written else {
        StandardError.write("--dry-run : rien n'a été écrit\n")
        return
      }
      if case .file(let url) = run.output {
        StandardError.write("\(written) structure(s) écrite(s) dans \(url.path)\n")
      }
    }
  }

  private func report(_ diagnostics: Diagnostics) {
    for finding in diagnostics.sorted { StandardError.write("\(finding)\n") }
  }
}
