import ArgumentParser
import Foundation
import RepereBundle

/// `--data DIR`, shared by every subcommand.
struct DataOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      HelpText.t(
        "Dossier des données (protocoles, annuaire, scénarios).", "Data folder (protocols, directory, scenarios)."),
      discussion: HelpText.t(
        """
        Sans cette option : REPERE_DATA, puis « data » du fichier de configuration, puis ./Protocols \
        s'il existe, puis $XDG_DATA_HOME/repere, puis les données installées (PREFIX/share/repere).
        """,
        """
        Without this option: REPERE_DATA, then « data » of the configuration file, then ./Protocols \
        if it exists, then $XDG_DATA_HOME/repere, then the installed data (PREFIX/share/repere).
        """),
      valueName: HelpText.t("dossier", "folder")),
    completion: .directory)
  var data: String?

  /// The chosen data folder and why it was chosen.
  var dataChoice: DataFolderResolver.Choice { RuntimeContext.current.dataFolder(option: data) }

  /// The data folder as an absolute URL.
  var dataURL: URL { dataChoice.folder }
}
