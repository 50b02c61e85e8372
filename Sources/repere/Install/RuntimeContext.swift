import Foundation
import RepereBase
import RepereBundle
import RepereLookup

/// What the executable reads once from the process and the file system before any command
/// runs: the environment, the working directory, the configuration files and where the program
/// is installed. Library code receives these values; only this file looks for them.
struct RuntimeContext: Sendable {
  let environment: [String: String]
  let workingDirectory: URL
  let settings: Settings
  let settingsFindings: [Finding]
  /// The configuration files looked for, lowest priority first.
  let settingsFiles: [URL]
  /// `PREFIX` when the program runs from `PREFIX/bin/repere` (symlinks resolved).
  let installPrefix: URL?

  /// The system-wide configuration folder, under the user's own file.
  static let systemConfigFolder = URL(fileURLWithPath: "/etc/repere")

  /// Read once; configuration findings go to standard error the first time.
  static let current: RuntimeContext = {
    let context = RuntimeContext.read()
    for finding in context.settingsFindings {
      FileHandle.standardError.write(
        Data("repere: configuration: \(TerminalText.sanitized(finding.description))\n".utf8))
    }
    return context
  }()

  static func read() -> RuntimeContext {
    let environment = ProcessInfo.processInfo.environment
    let files = SettingsLoader.candidateFiles(environment: environment, systemFolder: systemConfigFolder)
    let (settings, findings) = SettingsLoader.load(files: files) { FileManager.default.fileExists(atPath: $0.path) }
    let executable = Bundle.main.executableURL?.resolvingSymlinksInPath()
    return RuntimeContext(
      environment: environment,
      workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
      settings: settings, settingsFindings: findings, settingsFiles: files,
      installPrefix: executable?.deletingLastPathComponent().deletingLastPathComponent())
  }

  /// The user's own lookup cache folder (`$XDG_CACHE_HOME/repere`…), nil with `REPERE_NO_CACHE`.
  var userCache: URL? { LookupCache.directory(environment: environment) }

  /// The data folder for a `--data` value (or none), with the reason it was chosen.
  func dataFolder(option: String?) -> DataFolderResolver.Choice {
    DataFolderResolver.resolve(
      option: option, environment: environment, settings: settings, workingDirectory: workingDirectory,
      installPrefix: installPrefix,
      isDirectory: { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
      })
  }
}
