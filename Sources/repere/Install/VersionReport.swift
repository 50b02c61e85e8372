import Foundation
import RepereBase
import RepereBundle
import RepereJournal
import RepereLookup

/// `repere --version`: the version, the commit it was built from and the data in use (folder,
/// why that one, and its fingerprint, the same one every case journal records).
enum VersionReport {
  static func text(dataOption: String?, context: RuntimeContext) -> String {
    let choice = context.dataFolder(option: dataOption)
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: choice.folder.path, isDirectory: &isDirectory)
    let fingerprint =
      exists && isDirectory.boolValue
      ? (try? BundleFingerprint.of(
        folder: choice.folder, digests: LookupCache.directory(environment: context.environment))) ?? "illisible"
      : "aucune (dossier absent)"
    var lines = [
      "repere \(ReleaseInfo.version)",
      "commit : \(commit(context: context) ?? "inconnu")",
      "données : \(choice.folder.path) (\(choice.source.label))",
      "empreinte des données : \(fingerprint)",
    ]
    let files = context.settingsFiles.filter { FileManager.default.fileExists(atPath: $0.path) }
    lines.append("configuration : \(files.isEmpty ? "aucun fichier" : files.map(\.path).joined(separator: ", "))")
    return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n")
  }

  /// The commit: written by `make install` next to the program (`PREFIX/lib/repere/commit`), or
  /// asked of git when the program runs from a checkout's `.build`.
  static func commit(context: RuntimeContext) -> String? {
    if let prefix = context.installPrefix,
      let text = try? String(contentsOf: prefix.appendingPathComponent("lib/repere/commit"), encoding: .utf8)
    {
      let commit = text.trimmingCharacters(in: .whitespacesAndNewlines)
      if !commit.isEmpty { return commit }
    }
    guard let folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else {
      return nil
    }
    return git(["-C", folder.path, "describe", "--always", "--dirty", "--abbrev=12"])
  }

  private static func git(_ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }
}
