import Foundation
import RepereBase
import RepereJournal
import RepereUI

/// Loads the data services on a background thread (`Lazy.inBackground`, the one home of a value
/// computed in the background); the interface polls `take()` each turn and gets them once.
public final class BackgroundServices: @unchecked Sendable {
  private let services: Lazy<AppServices>
  private let lock = NSLock()
  private var delivered = false

  /// - Parameter store: when given, its unfinished cases are offered for resuming.
  public init(setup: CaseSetup, store: JournalStore? = nil) {
    let (folder, library, label) = (setup.folder, setup.library, setup.dataFolderLabel)
    let (cache, onPhase) = (setup.context.lookupCache, setup.context.onPhase)
    services = Lazy.inBackground {
      var services = CaseSetup.loadServices(folder: folder, library: library, cache: cache, label: label)
      onPhase("directory and reference data (background)")
      if let store, let unfinished = try? store.unfinishedCases() {
        services.unfinishedCases = unfinished.map(UnfinishedCase.init(summary:))
      }
      return services
    }
  }

  /// The services, once, when they are ready (never waits).
  public func take() -> AppServices? {
    guard services.isLoaded else { return nil }
    return lock.withLock {
      guard !delivered else { return nil }
      delivered = true
      return services.value
    }
  }
}
