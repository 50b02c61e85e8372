import RepereBase

/// The level a case under way has already earned: the lowest of the levels its possible endings
/// reach, given the answers so far. During the questions the walk's own level only counts the
/// dispositions gathered on the steps passed, so a decisive sign ticked early shows as a low level
/// until the step that weighs it; the floor looks ahead instead (issue 12, item 8).
public enum ImpliedLevel {
  /// Enough to look ahead from the national protocol's signs to its end (about 1,000 steps
  /// walked, 10 ms in a debug build), small enough that an answer never waits on it (a cut
  /// look-ahead costs at most ~25 ms in a debug build, a few in release): past the limit the
  /// floor is unknown (nil).
  public static let interactiveLimits = FeasiblePaths.Limits(maxPaths: 400, maxStoredSteps: 20_000, maxWork: 2_500)

  /// The lowest level, on the start protocol's scale, among every ending still possible after
  /// `answers`; nil when the look-ahead was cut by `limits`, the protocol is unknown, or an
  /// ending gathers no disposition.
  public static func floor(
    library: ProtocolLibrary, protocolID: String, answers: [String: AnswerValue],
    limits: FeasiblePaths.Limits = interactiveLimits
  ) -> String? {
    guard let start = library.protocolDefinition(protocolID) else { return nil }
    var enumerator = FeasiblePathEnumerator(library: library, start: start, limits: limits, given: answers)
    enumerator.run()
    guard enumerator.truncation == nil, !enumerator.paths.isEmpty else { return nil }
    var floorRank = -1
    for path in enumerator.paths {
      let definition = library.protocolDefinition(path.protocolID) ?? start
      for variant in path.variants {
        let ranks = variant.dispositions.compactMap { code in
          definition.dispositions[code].flatMap { start.rank(ofLevel: $0.level) }
        }
        guard let highest = ranks.min() else { return nil }
        floorRank = max(floorRank, highest)
      }
    }
    return floorRank >= 0 && floorRank < start.levels.count ? start.levels[floorRank] : nil
  }
}
