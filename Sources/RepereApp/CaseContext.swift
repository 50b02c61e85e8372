import Foundation
import RepereLookup

/// What a case takes from the process, handed in by the executable: the library never reads the
/// clock, the environment or its own location (ARCHITECTURE.md, the pure-core rule), so tests
/// run a whole case with a fixed clock and temporary folders.
public struct CaseContext: Sendable {
  /// The wall clock: journal events, ticks of the plain mode.
  public var clock: @Sendable () -> Date
  /// The zone journal times and exports are written in.
  public var timeZone: TimeZone
  /// Where an export goes when there is no journal folder.
  public var workingDirectory: URL
  /// Recorded in each journal's opening event.
  public var programVersion: String
  /// The directory's cache, shared with `repere find` (same folder, same program).
  public var lookupCache: LookupCache.Location
  /// Where the data files' digests are kept between starts (the user's cache folder), so the
  /// bundle fingerprint hashes only changed files; nil: every file is hashed.
  public var fileDigests: URL?
  /// Told when a start phase ends (`REPERE_TIMING=1` prints it), from any thread.
  public var onPhase: @Sendable (String) -> Void

  public init(
    clock: @escaping @Sendable () -> Date, timeZone: TimeZone, workingDirectory: URL, programVersion: String,
    lookupCache: LookupCache.Location, fileDigests: URL? = nil,
    onPhase: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.clock = clock
    self.timeZone = timeZone
    self.workingDirectory = workingDirectory
    self.programVersion = programVersion
    self.lookupCache = lookupCache
    self.fileDigests = fileDigests
    self.onPhase = onPhase
  }
}
