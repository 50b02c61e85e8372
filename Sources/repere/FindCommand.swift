import ArgumentParser
import Foundation
import RepereBase
import RepereLookup

/// `repere find`: searches the directory (or the resource centre) from the command line.
struct FindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "find",
    abstract: HelpText.t(
      "Cherche des structures dans l'annuaire (ou des ressources avec --resources).",
      "Searches the directory for services (or resources with --resources)."),
    discussion: HelpText.t(
      """
      La recherche ignore accents et majuscules, accepte un début de mot et une faute de frappe \
      (mots de cinq lettres ou plus). Avec --place, les structures proches passent en premier.

      Code de sortie (comme grep) : 0 au moins un résultat, 1 aucun résultat, 2 erreur \
      (données illisibles, lieu inconnu ou ambigu, ligne de commande mal écrite).
      """,
      """
      The search ignores accents and case, accepts the beginning of a word and one typo \
      (words of five letters or more). With --place, nearby services come first.

      Exit status (like grep): 0 at least one result, 1 no result, 2 error \
      (unreadable data, unknown or ambiguous place, badly written command line).
      """))

  @Argument(
    help: .t(
      "Ce qu'on cherche (nom, type, thématique, commune, description). Vide : tout.",
      "What to look for (name, type, theme, commune, description). Empty: everything."))
  var query: String = ""

  @Option(
    help: .t(
      "Lieu : code postal, commune, code INSEE, département (« 93200 », « Saint-Denis 93 », « 93 »).",
      "Place: postcode, commune, INSEE code, département (« 93200 », « Saint-Denis 93 », « 93 »)."))
  var place: String?

  @Option(
    help: .t(
      "Rayon autour du lieu, en km.",
      "Radius around the place, in km."))
  var radius: Double?

  @Option(
    help: .t(
      "Type de structure (id du vocabulaire), répétable.",
      "Type of service (vocabulary id), repeatable."))
  var type: [String] = []

  @Option(
    help: .t(
      "Thématique (id du vocabulaire), répétable.",
      "Theme (vocabulary id), repeatable."))
  var theme: [String] = []

  @Option(
    name: .customLong("public"),
    help: .t(
      "Public accueilli (id du vocabulaire), répétable.",
      "People served (vocabulary id), repeatable."))
  var publics: [String] = []

  @Option(
    help: .t(
      "Âge de la personne : garde les structures qui l'accueillent.",
      "Age of the person: keeps the services that take them."))
  var age: Double?

  @Flag(
    name: .customLong("open-now"),
    help: .t(
      "Seulement les structures ouvertes à l'heure donnée.",
      "Only the services open at the given time."))
  var openNow = false

  @Flag(
    name: .customLong("pro"),
    help: .t(
      "Seulement les contacts réservés aux professionnel·les.",
      "Only the contacts reserved for professionals."))
  var professionalOnly = false

  @Flag(
    help: .t(
      "Chercher dans le centre de ressources (guides, fiches, événements).",
      "Search the resource centre (guides, fact sheets, events)."))
  var resources = false

  @Option(
    help: .t(
      "Nombre de résultats.",
      "Number of results."))
  var limit: Int = 10

  @Option(
    help: .t(
      "Heure de référence, ISO 8601 (2026-11-29T23:10:00+01:00). Par défaut : maintenant.",
      "Reference time, ISO 8601 (2026-11-29T23:10:00+01:00). Default: now."))
  var now: String?

  @OptionGroup var jsonOutput: JSONOutput
  var json: Bool { jsonOutput.json }

  @OptionGroup var dataOptions: DataOptions

  func validate() throws {
    if limit < 1 { throw ValidationError("--limit doit être au moins 1") }
    if let now, Instant.parse(now, dayAllowed: false) == nil {
      throw ValidationError("--now attend une date ISO 8601, par exemple 2026-11-29T23:10:00+01:00")
    }
  }

  func run() throws {
    let moment = now.flatMap { Instant.parse($0, dayAllowed: false) } ?? Date()
    let data: LookupData
    // Scanned once for the directory and the fiction notice (a second scan of 104 files cost 12 %).
    let folder = DataFolder.scan(dataOptions.dataURL)
    do {
      data = try LookupCache.load(
        folder,
        cacheDirectory: SharedIndex.cacheDirectory(
          for: dataOptions.dataURL, userCache: RuntimeContext.current.userCache),
        program: Bundle.main.executableURL)
    } catch {
      StandardError.write("\(error)\n")
      throw ExitCode(2)
    }
    if let note = data.cacheNote { FileHandle.standardError.write(Data("note : \(note)\n".utf8)) }
    for finding in data.findings where finding.severity == .error {
      StandardError.write("\(finding)\n")
    }
    CommandSupport.announceDemonstration(folder.holdsFiction, json: json)
    if resources {
      let today = CalendarDay(date: moment, timeZone: Departement.timeZone(forCode: "75"))
      let hits = data.resources.search(query, themes: theme, today: today, limit: limit)
      print(FindReport.resources(hits, json: json), terminator: "")
      if hits.isEmpty { throw ExitCode(1) }
      return
    }
    var placeValue: PlaceValue?
    if let place {
      switch data.places.placeAnswer(place) {
      case .success(let value): placeValue = value
      case .failure(let problem):
        StandardError.write("--place : \(problem.message)\n")
        throw ExitCode(2)
      }
    }
    let filters = SearchFilters(
      radiusKm: radius, types: type, themes: theme, publics: publics, age: age, openNow: openNow,
      access: professionalOnly ? .professionnels : nil)
    let hits = data.directory.search(query, filters: filters, place: placeValue, now: moment, limit: limit)
    print(FindReport.structures(hits, directory: data.directory, now: moment, json: json), terminator: "")
    // Leave without freeing the index piece by piece: on 100,000 structures that is a tenth of the run.
    withExtendedLifetime(data) { Foundation.exit(hits.isEmpty ? 1 : 0) }
  }
}
