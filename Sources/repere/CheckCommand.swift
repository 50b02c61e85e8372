import ArgumentParser

/// `repere check`: loads the whole bundle and reports every finding with file:line:column.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Vérifie le dossier de données et signale chaque erreur (fichier:ligne:colonne).")

  @OptionGroup var dataOptions: DataOptions

  func run() throws {
    throw ValidationError("check n'est pas encore disponible")
  }
}
