import ArgumentParser
import Foundation
import RepereBundle

/// `repere coverage`: where the directory answers the protocols' contact queries, per département.
struct CoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Couverture de l'annuaire : pour chaque département et chaque requête de contacts des protocoles.",
    discussion: """
      Pour chaque département, dit si une structure du département répond à chaque requête \
      (local), seulement un voisin, la région, une ligne nationale, ou rien. Les départements \
      viennent par nombre de requêtes graves (urgence, signalement, information préoccupante) \
      sans réponse locale. --map dessine la France (et l'outre-mer) colorée selon ces lacunes.
      """)

  @OptionGroup var dataOptions: DataOptions

  @Option(name: .customLong("protocol"), help: "Seulement les requêtes de ce protocole (et de ses surcouches).")
  var protocolID: String?

  @Option(help: "Seulement les requêtes de ce niveau ou d'un niveau plus grave (urgence, signalement…).")
  var level: String?

  @Flag(help: "Sortie JSON.")
  var json = false

  @Flag(help: "Sortie CSV.")
  var csv = false

  @Flag(help: "Carte dans le terminal.")
  var map = false

  @Flag(name: .customLong("no-color"), help: "Carte sans couleurs (caractères de trame).")
  var noColor = false

  @Option(help: "Taille de la carte, LARGEURxHAUTEUR (défaut : celle du terminal, sinon 80x24).")
  var size: String?

  func run() throws {
    let (bundle, findings) = DataBundle.load(from: dataOptions.dataURL)
    guard let resolver = bundle.contacts, let reference = bundle.reference else {
      print(FindingReport.human(findings, limitPerCode: 20))
      throw ExitCode(2)
    }
    let report = CoverageReport.build(
      library: bundle.library, resolver: resolver, reference: reference, now: Date(), protocolID: protocolID,
      level: level)
    if json {
      print(report.json())
    } else if csv {
      print(report.csv())
    } else if map {
      let (width, height) = try terminalSize()
      let color = !noColor && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      print(
        CoverageMap(report: report, departements: reference.departements).render(
          width: width, height: height, color: color))
    } else {
      print(report.text())
    }
  }

  private func terminalSize() throws -> (Int, Int) {
    if let size {
      let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
      guard parts.count == 2 else { throw ValidationError("--size attend LARGEURxHAUTEUR, par exemple 120x40") }
      return (parts[0], parts[1])
    }
    var window = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
      return (Int(window.ws_col), Int(window.ws_row))
    }
    return (80, 24)
  }
}
