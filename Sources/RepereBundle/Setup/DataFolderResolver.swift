import Foundation

/// Which data folder to use, and why: the first of `--data`, `REPERE_DATA`, the configuration
/// file, `./Protocols` when it exists, `$XDG_DATA_HOME/repere` (else `~/.local/share/repere`)
/// when it exists, then the installed copy `PREFIX/share/repere`.
///
/// The executable passes the environment, the working directory, the install prefix and a way to
/// test folders; nothing here reads them, so every order of precedence is a plain unit test.
public enum DataFolderResolver {
  /// Where the chosen folder came from.
  public enum Source: Equatable, Sendable {
    case option
    case environment
    case configuration(file: String)
    case workingDirectory
    case userData
    case installed
    /// Nothing found: `./Protocols` anyway, so that the usual "missing data folder" error names it.
    case fallback

    /// French, for `repere --version` and the first screen's help.
    public var label: String {
      switch self {
      case .option: return "option --data"
      case .environment: return "variable REPERE_DATA"
      case .configuration(let file): return "configuration \(file)"
      case .workingDirectory: return "./Protocols du dossier courant"
      case .userData: return "données de l'utilisateur ($XDG_DATA_HOME/repere)"
      case .installed: return "données installées"
      case .fallback: return "aucun dossier trouvé, ./Protocols par défaut"
      }
    }
  }

  public struct Choice: Equatable, Sendable {
    public let folder: URL
    public let source: Source

    public init(folder: URL, source: Source) {
      self.folder = folder
      self.source = source
    }
  }

  /// The environment variable naming the data folder.
  public static let environmentVariable = "REPERE_DATA"

  public static func resolve(
    option: String?, environment: [String: String], settings: Settings, workingDirectory: URL,
    installPrefix: URL?, isDirectory: (URL) -> Bool
  ) -> Choice {
    func absolute(_ path: String) -> URL {
      (path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path))
        .standardizedFileURL
    }
    if let option, !option.isEmpty { return Choice(folder: absolute(option), source: .option) }
    if let variable = environment[environmentVariable], !variable.isEmpty {
      return Choice(folder: absolute(variable), source: .environment)
    }
    if let configured = settings.data {
      return Choice(folder: configured.value, source: .configuration(file: configured.file))
    }
    let local = absolute("Protocols")
    if isDirectory(local) { return Choice(folder: local, source: .workingDirectory) }
    if let userData = userDataFolder(environment: environment), isDirectory(userData) {
      return Choice(folder: userData, source: .userData)
    }
    if let installPrefix {
      let installed = installPrefix.appendingPathComponent("share/repere").standardizedFileURL
      if isDirectory(installed) { return Choice(folder: installed, source: .installed) }
    }
    return Choice(folder: local, source: .fallback)
  }

  /// `$XDG_DATA_HOME/repere`, else `$HOME/.local/share/repere`, else nil.
  public static func userDataFolder(environment: [String: String]) -> URL? {
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("repere")
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return URL(fileURLWithPath: home).appendingPathComponent(".local/share/repere")
  }
}
