import ArgumentParser

/// The `repere` command: the interactive assistant by default, and subcommands for scripts and CI.
///
/// Each subcommand is thin: it parses arguments and delegates to a library module, so the
/// behaviour is testable without a process or a terminal.
@main
struct Repere: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repere",
    abstract: "Repère — orientation des situations de prostitution de mineur·es, pas à pas.",
    discussion: """
      Sans sous-commande, ouvre l'assistant interactif sur les données de ./Protocols.
      Les sous-commandes servent aux scripts, à la CI et aux auteurs de protocoles.
      """,
    version: ReleaseInfo.version,
    subcommands: [
      StartCommand.self,
      CheckCommand.self,
      WalkCommand.self,
      PathsCommand.self,
      ScenarioCommand.self,
      TrainCommand.self,
      FindCommand.self,
      CoverageCommand.self,
      ImportCommand.self,
      JournalCommand.self,
      ReplayCommand.self,
    ],
    defaultSubcommand: StartCommand.self
  )
}
