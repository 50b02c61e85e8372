import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereRules

/// `repere check`: loads the whole bundle and reports every finding with file:line:column.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Vérifie le dossier de données et signale chaque erreur (fichier:ligne:colonne).",
    discussion: """
      Sortie : 0 sans erreur, 2 avec des erreurs ; avec --strict, 1 s'il n'y a que des avertissements.
      Avant de déployer un dossier pour de vrais appels, lancez check --deploy : les fiches d'exemple
      (fictives) y sont des erreurs.
      """)

  @OptionGroup var dataOptions: DataOptions

  @Flag(name: .long, help: "Sortie JSON pour les outils.")
  var json = false

  @Flag(name: .long, help: "Affiche tous les constats (sinon, au-delà de \(Self.perCode) d'un même code, un décompte).")
  var all = false

  @Flag(name: .long, help: "Les avertissements font échouer (code 1).")
  var strict = false

  @Flag(
    name: .long,
    help: "Dossier destiné au déploiement : toute fiche fictive (source « exemple fictif ») est une erreur.")
  var deploy = false

  @Option(name: .long, help: "Date du jour pour les avertissements de validité (AAAA-MM-JJ ; défaut : aujourd'hui).")
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
