import ArgumentParser

/// The `repere` command: the interactive assistant by default, and subcommands for scripts and CI.
///
/// Each subcommand is thin: it parses arguments and delegates to a library module, so the
/// behaviour is testable without a process or a terminal.
@main
struct Repere: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repere",
    abstract: HelpText.t(
      "Repère — orientation des situations de prostitution de mineur·es, pas à pas.",
      "Repère — step-by-step referral of situations of child prostitution."),
    discussion: HelpText.t(
      """
      Sans sous-commande, ouvre l'assistant interactif. Les données sont prises dans --data, \
      REPERE_DATA, la configuration (~/.config/repere/config.yaml, /etc/repere/config.yaml), \
      ./Protocols, $XDG_DATA_HOME/repere puis PREFIX/share/repere : « repere --version » dit lequel.
      Les sous-commandes servent aux scripts, à la CI et aux auteurs de protocoles.
      """,
      """
      Without a subcommand, opens the interactive assistant. The data is taken from --data, \
      REPERE_DATA, the configuration (~/.config/repere/config.yaml, /etc/repere/config.yaml), \
      ./Protocols, $XDG_DATA_HOME/repere then PREFIX/share/repere: « repere --version » says which.
      The subcommands are for scripts, CI and protocol authors.
      """),
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
      StatsCommand.self,
      PrepareCommand.self,
    ],
    defaultSubcommand: StartCommand.self
  )
}
