import ArgumentParser
import Foundation
import RepereBase
import RepereLookup

/// `repere import FILE.csv`: turns a spreadsheet export into a `repere/directory@1` YAML file.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: HelpText.t(
      "Convertit un export CSV d'annuaire (tableur) en fichier YAML repere/directory@1.",
      "Converts a directory CSV export (spreadsheet) into a repere/directory@1 YAML file."),
    discussion: HelpText.t(
      """
      Séparateur ';' ou ',', UTF-8 (avec ou sans BOM) ou Windows-1252. Les en-têtes sont les noms \
      de champs du format (adresse.voie ou voie, telephones…), les listes séparées par '|'. Chaque \
      erreur indique fichier:ligne:colonne ; en cas d'erreur, rien n'est écrit.
      """,
      """
      Separator ';' or ',', UTF-8 (with or without BOM) or Windows-1252. The headers are the \
      format's field names (adresse.voie or voie, telephones…), lists separated by '|'. Each \
      error gives file:line:column; if there is an error, nothing is written.
      """))

  @Argument(
    help: .t(
      "Le fichier CSV à importer.",
      "The CSV file to import."))
  var file: String

  @Option(
    name: .shortAndLong,
    help: .t(
      "Fichier YAML à écrire (par défaut : même nom, extension .yaml).",
      "YAML file to write (default: same name, .yaml extension)."))
  var output: String?

  @Option(
    help: .t(
      "Provenance des fiches (« source: » du fichier YAML).",
      "Where the records come from (« source: » of the YAML file)."))
  var source: String?

  @Flag(
    help: .t(
      "Écraser le fichier de sortie s'il existe.",
      "Overwrite the output file if it exists."))
  var force = false

  func run() throws {
    let input = URL(fileURLWithPath: file)
    guard let data = try? Data(contentsOf: input) else {
      StandardError.write("\(file):1:1: error: cannot read the file\n")
      throw ExitCode(2)
    }
    var diagnostics = Diagnostics()
    let loaded = DirectoryFile.loadCSV(data, path: file, source: source, diagnostics: &diagnostics)
    for finding in diagnostics.sorted {
      StandardError.write("\(finding)\n")
    }
    if diagnostics.hasErrors { throw ExitCode(2) }
    let destination =
      output.map { URL(fileURLWithPath: $0) }
      ?? input.deletingPathExtension().appendingPathExtension("yaml")
    if FileManager.default.fileExists(atPath: destination.path), !force {
      StandardError.write("\(destination.path) existe déjà (--force pour l'écraser)\n")
      throw ExitCode(1)
    }
    let yaml = DirectoryYAMLWriter.yaml(source: source, updated: nil, structures: loaded.structures)
    try Data(yaml.utf8).write(to: destination, options: .atomic)
    print("\(loaded.structures.count) structure(s) écrite(s) dans \(destination.path)")
  }
}
