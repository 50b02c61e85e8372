import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereRules

/// `repere check`: loads the whole bundle and reports every finding with file:line:column.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: HelpText.t(
      "Vérifie le dossier de données et signale chaque erreur (fichier:ligne:colonne).",
      "Checks the data folder and reports every error (file:line:column)."),
    discussion: HelpText.t(
      """
      Sortie : 0 sans erreur, 2 avec des erreurs ; avec --strict, 1 s'il n'y a que des avertissements.
      Avant de déployer un dossier pour de vrais appels, lancez check --deploy : les fiches d'exemple
      (fictives) y sont des erreurs.
      """,
      """
      Exit status: 0 without errors, 2 with errors; with --strict, 1 if there are only warnings.
      Before deploying a folder for real calls, run check --deploy: the (fictional) example
      records are errors there.
      """))

  @OptionGroup var dataOptions: DataOptions

  @Flag(
    name: .long,
    help: .t(
      "Sortie JSON pour les outils.",
      "JSON output for tools."))
  var json = false

  @Flag(
    name: .long,
    help: .t(
      "Affiche tous les constats (sinon, au-delà de \(Self.perCode) d'un même code, un décompte).",
      "Shows every finding (otherwise, beyond \(Self.perCode) of one code, a count)."))
  var all = false

  @Flag(
    name: .long,
    help: .t(
      "Les avertissements font échouer (code 1).",
      "Warnings make the check fail (status 1)."))
  var strict = false

  @Flag(
    name: .long,
    help: .t(
      "Dossier destiné au déploiement : toute fiche fictive (source « exemple fictif ») est une erreur.",
      "Folder meant for deployment: any fictional record (source « exemple fictif ») is an error."))
  var deploy = false

  @Option(
    name: .long,
    help: .t(
      "Date du jour pour les avertissements de validité (AAAA-MM-JJ ; défaut : aujourd'hui).",
      "Today's date for validity warnings (YYYY-MM-DD; default: today)."))
  var today: String?

  /// How many findings of one code are listed before the rest are counted.
  static let perCode = 20

  func run() throws {
    let day = try CommandSupport.day(today)
    var (bundle, findings) = DataBundle.loadAndCheck(from: dataOptions.dataURL, today: day)
    if deploy {
      findings = (findings + bundle.deploymentFindings()).sorted {
        ($0.location, $0.code, $0.message) < ($1.location, $1.code, $1.message)
      }
    }
    // JSON keeps every finding: tools do their own summarising.
    print(json ? FindingReport.json(findings) : FindingReport.human(findings, limitPerCode: all ? nil : Self.perCode))
    let status = FindingReport.exitStatus(findings, strict: strict)
    if status != 0 { throw ExitCode(status) }
  }
}
