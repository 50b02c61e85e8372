import Foundation
import RepereBase

/// Reads again from its source file a structure whose cached record turned out damaged: the
/// file's fingerprint matched the cache's key, so its structures are the cached ones, in order.
/// Each file is parsed at most once (a damaged block usually holds several records).
final class SourceRecovery: @unchecked Sendable {
  private let runs: [FileRun]
  private let files: [String: DataFolder.File]
  private let lock = NSLock()
  private var parsed: [String: [Structure]] = [:]

  init(runs: [FileRun], files: [DataFolder.File]) {
    self.runs = runs
    self.files = Dictionary(
      LookupData.directoryFiles(files).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The structure at `position` of the cached directory, from source; nil when its file no
  /// longer gives the same number of structures (it changed since the start).
  func structure(at position: Int) -> Structure? {
    var start = 0
    for run in runs {
      if position < start + run.count { return structures(of: run)?[position - start] }
      start += run.count
    }
    return nil
  }

  private func structures(of run: FileRun) -> [Structure]? {
    lock.lock()
    defer { lock.unlock() }
    if let known = parsed[run.path] { return known.count == run.count ? known : nil }
    guard let file = files[run.path] else { return nil }
    let structures = LookupData.loadEachFile([file])[0].0
    parsed[run.path] = structures
    return structures.count == run.count ? structures : nil
  }
}
