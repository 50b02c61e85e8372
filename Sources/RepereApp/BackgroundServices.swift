import Foundation
import RepereJournal
import RepereUI

/// Loads the data services on a background thread; the interface polls `take()` each turn.
public final class BackgroundServices: @unchecked Sendable {
  private let lock = NSLock()
  private var loaded: AppServices?
  private var delivered = false

  /// - Parameter store: when given, its unfinished cases are offered for resuming.
  public init(setup: CaseSetup, store: JournalStore? = nil) {
    let (folder, library, label) = (setup.folder, setup.library, setup.dataFolderLabel)
    let (cache, onPhase) = (setup.context.lookupCache, setup.context.onPhase)
    let thread = Thread { [self] in
      var services = CaseSetup.loadServices(folder: folder, library: library, cache: cache, label: label)
      onPhase("directory and reference data (background)")
      if let store, let unfinished = try? store.unfinishedCases() {
        services.unfinishedCases = unfinished.map(UnfinishedCase.init(summary:))
      }
      lock.withLock { loaded = services }
    }
    thread.start()
  }

  /// The services, once, when they are ready.
  public func take() -> AppServices? {
    lock.withLock {
      guard !delivered, let loaded else { return nil }
      delivered = true
      return loaded
    }
  }
}
