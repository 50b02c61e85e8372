import Foundation

/// With REPERE_TIMING=1, prints how long each start phase took (stderr), to measure start time.
/// Reads the wall clock, so it lives in the executable; the library is told of phases through
/// `CaseContext.onPhase`.
struct StartClock: Sendable {
  let enabled: Bool
  let start: Date

  init(environment: [String: String], start: Date = Date()) {
    enabled = environment["REPERE_TIMING"] == "1"
    self.start = start
  }

  func mark(_ phase: String) {
    guard enabled else { return }
    let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
    StandardError.write("repere: \(phase) \(milliseconds) ms\n")
  }
}
