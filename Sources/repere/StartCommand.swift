import ArgumentParser

/// Opens the interactive assistant (the default subcommand). Owned by the UI work.
struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start", abstract: "Ouvre l'assistant interactif (par défaut).")

  @OptionGroup var dataOptions: DataOptions

  func run() throws {
    throw ValidationError("l'interface interactive n'est pas encore disponible")
  }
}
