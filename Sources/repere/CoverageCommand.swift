import ArgumentParser
import Foundation
import RepereBundle

/// `repere coverage`: where the directory answers the protocols' contact queries, per département.
struct CoverageCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: HelpText.t(
      "Couverture de l'annuaire : pour chaque département et chaque requête de contacts des protocoles.",
      "Directory coverage: for each département and each contact query of the protocols."),
    discussion: HelpText.t(
      """
      Pour chaque département, dit si une structure du département répond à chaque requête \
      (local), seulement un voisin, la région, une ligne nationale, ou rien. Les départements \
      viennent par nombre de requêtes graves (urgence, signalement, information préoccupante) \
      sans réponse locale. --map dessine la France (et l'outre-mer) colorée selon ces lacunes.
      """,
      """
      For each département, says whether a service of the département answers each query \
      (local), only a neighbour, the region, a national line, or nothing. Départements come \
      first by the number of serious queries (urgence, signalement, information préoccupante) \
      with no local answer. --map draws France (and its overseas départements) coloured by these gaps.
      """))

  @OptionGroup var dataOptions: DataOptions

  @Option(
    name: .customLong("protocol"),
    help: .t(
      "Seulement les requêtes de ce protocole (et de ses surcouches).",
      "Only the queries of this protocol (and of its overlays)."))
  var protocolID: String?

  @Option(
    help: .t(
      "Seulement les requêtes de ce niveau ou d'un niveau plus grave (urgence, signalement…).",
      "Only the queries of this level or a more serious one (urgence, signalement…)."))
  var level: String?

  @OptionGroup var jsonOutput: JSONOutput
  var json: Bool { jsonOutput.json }

  @Flag(
    help: .t(
      "Sortie CSV.",
      "CSV output."))
  var csv = false

  @Flag(
    help: .t(
      "Carte dans le terminal.",
      "Map in the terminal."))
  var map = false

  @Flag(
    name: .customLong("no-color"),
    help: .t(
      "Carte sans couleurs (caractères de trame).",
      "Map without colours (shading characters)."))
  var noColor = false

  @Option(
    help: .t(
      "Taille de la carte, LARGEURxHAUTEUR (défaut : celle du terminal, sinon 80x24).",
      "Map size, WIDTHxHEIGHT (default: the terminal's, otherwise 80x24)."))
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

  func validate() throws {
    if let size, CoverageMap.size(parsing: size) == nil {
      throw ValidationError("--size attend LARGEURxHAUTEUR, par exemple 120x40")
    }
  }

  private func terminalSize() throws -> (Int, Int) {
    if let size, let parsed = CoverageMap.size(parsing: size) { return parsed }
    var window = winsize()
    if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
      return (Int(window.ws_col), Int(window.ws_row))
    }
    return (80, 24)
  }
}
