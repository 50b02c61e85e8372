import ArgumentParser
import Foundation
import RepereBundle
import RepereJournal

/// Values the shell completion offers, computed by the program itself when the shell asks
/// (`repere ---completion …`): protocol and scenario ids from the data folder the command
/// line (or its defaults) designates, case ids from the journal folder.
enum ValueCompletion {
  static let languages = CompletionKind.list(["fr", "en"])
  static let protocols = CompletionKind.custom { words, _, _ in protocolIDs(words) }
  static let scenarios = CompletionKind.custom { words, _, _ in scenarioIDs(words) }
  static let cases = CompletionKind.custom { _, _, _ in caseIDs() }

  static func bundle(_ words: [String]) -> DataBundle {
    let folder = RuntimeContext.current.dataFolder(option: Repere.dataOption(in: words)).folder
    return DataBundle.load(from: folder).0
  }

  static func protocolIDs(_ words: [String]) -> [String] { bundle(words).library.ids }

  static func scenarioIDs(_ words: [String]) -> [String] { bundle(words).scenarios.map(\.id) }

  /// The journal file names (case ids), without reading the journals.
  static func caseIDs() -> [String] {
    guard let store = try? JournalCommand.store(),
      let names = try? FileManager.default.contentsOfDirectory(atPath: store.folder.path)
    else { return [] }
    let suffix = "." + JournalStore.fileExtension
    return names.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) }.sorted()
  }
}
