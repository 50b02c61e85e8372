import Foundation
import RepereBase

/// What a configuration file may set: defaults an administrator or an operator chooses once
/// instead of repeating options (`--data`, `--place`, `--lang`, `--journal`).
///
/// Paths are kept absolute: a relative `data:` or `journal:` is read relative to the folder of the
/// file that wrote it, so a config means the same thing from any working directory.
public struct Settings: Equatable, Sendable {
  /// One value and the file that set it (so `repere --version` can say where a choice came from).
  public struct Value<T: Equatable & Sendable>: Equatable, Sendable {
    public let value: T
    public let file: String

    public init(_ value: T, file: String) {
      self.value = value
      self.file = file
    }
  }

  public var data: Value<URL>?
  public var place: Value<String>?
  public var lang: Value<String>?
  public var journal: Value<URL>?
  /// Minutes without a key before the screen hides the case; nil or 0: never.
  public var lockAfterMinutes: Value<Int>?

  public init() {}

  /// The keys a file may contain, for messages and suggestions.
  public static let keys = ["data", "place", "lang", "journal", "lock_after_minutes"]

  /// The languages `lang:` accepts.
  public static let languages = ["fr", "en"]

  /// `other` laid over `self`: each key `other` sets wins (the user's file over the system's).
  public func overlaid(by other: Settings) -> Settings {
    var merged = self
    if let value = other.data { merged.data = value }
    if let value = other.place { merged.place = value }
    if let value = other.lang { merged.lang = value }
    if let value = other.journal { merged.journal = value }
    if let value = other.lockAfterMinutes { merged.lockAfterMinutes = value }
    return merged
  }
}

/// Reads configuration files (YAML): unknown keys and bad values are findings with their line
/// and column, and a bad value is ignored rather than half-used.
public enum SettingsLoader {
  /// The files to read, lowest priority first: the system-wide file, then the user's
  /// (`$XDG_CONFIG_HOME/repere/config.yaml`, else `~/.config/repere/config.yaml`). The caller
  /// passes the environment; nothing here reads it.
  public static func candidateFiles(environment: [String: String], systemFolder: URL) -> [URL] {
    var files = [systemFolder.appendingPathComponent("config.yaml")]
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
      files.append(URL(fileURLWithPath: xdg).appendingPathComponent("repere/config.yaml"))
    } else if let home = environment["HOME"], !home.isEmpty {
      files.append(URL(fileURLWithPath: home).appendingPathComponent(".config/repere/config.yaml"))
    }
    return files
  }

  /// Reads every existing file of `files` (lowest priority first) and lays them over each other.
  public static func load(files: [URL], fileExists: (URL) -> Bool) -> (Settings, [Finding]) {
    var settings = Settings()
    var findings: [Finding] = []
    for file in files where fileExists(file) {
      var diagnostics = Diagnostics()
      if let node = YAMLFile.load(url: file, displayName: file.path, diagnostics: &diagnostics) {
        settings = settings.overlaid(
          by: parse(node, folder: file.deletingLastPathComponent(), diagnostics: &diagnostics))
      }
      findings += diagnostics.sorted
    }
    return (settings, findings)
  }

  /// Parses one file's text (tests and `load`); `folder` anchors relative paths.
  public static func parse(_ text: String, file: String, folder: URL) -> (Settings, [Finding]) {
    var diagnostics = Diagnostics()
    guard let node = YAMLFile.parse(text, file: file, diagnostics: &diagnostics) else {
      // An empty file is a valid, empty configuration.
      let findings = diagnostics.findings.filter { $0.code != "empty-file" }
      return (Settings(), findings)
    }
    let settings = parse(node, folder: folder, diagnostics: &diagnostics)
    return (settings, diagnostics.sorted)
  }

  static func parse(_ node: YAMLNode, folder: URL, diagnostics: inout Diagnostics) -> Settings {
    var settings = Settings()
    if node.isNull { return settings }
    guard let mapping = node.mapping else {
      diagnostics.error(
        "config-shape", at: node.location, "la configuration doit être un bloc de clés, pas \(node.shapeDescription)",
        hint: "par exemple « data: /srv/repere/Protocols »")
      return settings
    }
    mapping.checkKeys(allowed: Set(Settings.keys), required: [], context: "la configuration", into: &diagnostics)
    let file = node.file
    for entry in mapping.entries where Settings.keys.contains(entry.key) {
      let value = entry.value
      if value.isNull { continue }
      guard let text = value.scalar, !text.isEmpty else {
        diagnostics.error(
          "config-value", at: value.location, "`\(entry.key)` attend un texte, pas \(value.shapeDescription)")
        continue
      }
      switch entry.key {
      case "data":
        settings.data = .init(path(text, folder: folder), file: file)
      case "journal":
        settings.journal = .init(path(text, folder: folder), file: file)
      case "place":
        settings.place = .init(text, file: file)
      case "lang":
        guard Settings.languages.contains(text) else {
          diagnostics.error(
            "config-value", at: value.location, "`lang` vaut « \(text) » ; valeurs possibles : fr, en",
            hint: Suggestion.hint(for: text, among: Settings.languages))
          continue
        }
        settings.lang = .init(text, file: file)
      case "lock_after_minutes":
        guard !value.isQuoted, let minutes = Int(text), minutes >= 0, minutes <= 24 * 60 else {
          diagnostics.error(
            "config-value", at: value.location,
            "`lock_after_minutes` vaut « \(text) » ; attendu : un nombre entier de minutes de 0 (jamais) à 1440")
          continue
        }
        settings.lockAfterMinutes = .init(minutes, file: file)
      default:
        break
      }
    }
    return settings
  }

  /// An absolute path as written; a relative one anchored at the file's folder (no `~`
  /// expansion: the file may be read by another account than the one that wrote it).
  static func path(_ text: String, folder: URL) -> URL {
    (text.hasPrefix("/") ? URL(fileURLWithPath: text) : folder.appendingPathComponent(text)).standardizedFileURL
  }
}
