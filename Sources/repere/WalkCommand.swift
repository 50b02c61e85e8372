import ArgumentParser
import Foundation
import RepereBase
import RepereBundle
import RepereRules

/// `repere walk`: walks a protocol with answers given on the command line and shows the path,
/// the dispositions with their levels and contacts, the case level and the explanation.
struct WalkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walk",
    abstract: HelpText.t(
      "Parcourt un protocole avec des réponses données en ligne de commande.",
      "Walks through a protocol with answers given on the command line."),
    discussion: HelpText.t(
      """
      Réponses : --answer ETAPE=VALEUR (répétable). oui/non ou true/false ; une liste séparée par des
      virgules pour une case à cocher ; un nombre ; un lieu comme on le tape (code postal, commune,
      département) ; « unknown » pour « je ne sais pas ». Les étapes d'information sont passées.
      """,
      """
      Answers: --answer STEP=VALUE (repeatable). oui/non or true/false; a comma-separated list
      for a checkbox; a number; a place as one types it (postcode, commune,
      département); « unknown » for "I don't know". Information steps are skipped.
      """))

  @OptionGroup var dataOptions: DataOptions

  @Argument(
    help: .t(
      "Identifiant du protocole (ex. national/orientation).",
      "Protocol id (e.g. national/orientation)."), completion: ValueCompletion.protocols)
  var protocolID: String

  @Option(
    name: .long,
    help: .t(
      "Une réponse ETAPE=VALEUR (répétable).",
      "One answer STEP=VALUE (repeatable)."))
  var answer: [String] = []

  @Option(
    name: .long,
    help: .t(
      "L'heure du cas, ISO 8601 (ex. 2026-11-29T23:10:00+01:00 ; défaut : maintenant).",
      "The time of the case, ISO 8601 (e.g. 2026-11-29T23:10:00+01:00; default: now)."))
  var now: String?

  @OptionGroup var jsonOutput: JSONOutput
  var json: Bool { jsonOutput.json }

  func run() throws {
    let bundle = CommandSupport.load(dataOptions)
    let id = try bundle.requireProtocol(protocolID)
    let instant = try CommandSupport.now(now)
    let answers: [String: AnswerValue]
    do {
      answers = try WrittenAnswers.parse(answer, protocolID: id, in: bundle)
    } catch WrittenAnswers.Problem.badlyWritten(let message), WrittenAnswers.Problem.unknownStep(let message) {
      // An answer the protocol or the places refuse: one line, not the usage text.
      throw RuntimeFailure(message)
    }
    let state = Walker.walk(library: bundle.library, protocolID: id, answers: answers, acknowledgeInfo: true)
    let contacts = bundle.contacts(for: state, now: instant)
    CommandSupport.announceDemonstration(bundle.holdsFiction, json: json)
    if json {
      print(WalkReport.json(state, library: bundle.library, contacts: contacts, now: instant))
    } else {
      print(WalkReport.human(state, library: bundle.library, contacts: contacts, now: instant))
    }
    if state.problem != nil || !state.invalidAnswers.isEmpty { throw ExitCode(2) }
  }
}
