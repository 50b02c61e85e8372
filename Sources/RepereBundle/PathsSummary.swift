import Foundation
import RepereRules

/// What `repere paths` reports: the feasible paths of a protocol and what the bundle's
/// scenarios cover of them.
public struct PathsSummary: Sendable {
  public var paths: FeasiblePaths
  public var coverage: FeasiblePaths.Coverage
  /// Structural paths of the protocol alone (every branch of every route possible), for
  /// comparison; nil when its graph has a loop.
  public var structuralPaths: Int?
  /// For each covered path (index into `paths.paths`), the scenarios that walk it.
  public var scenariosByPath: [Int: [String]]
  /// For each covered variant (`[path, variant]`), the scenarios that produce it.
  public var scenariosByVariant: [[Int]: [String]]
  /// Scenarios started on this protocol that finish on a path the enumeration did not find
  /// (expected only when it is truncated or approximate).
  public var unmatchedScenarios: [String]
}

extension DataBundle {
  /// Enumerates the feasible paths of `protocolID` and runs every scenario of its family (those
  /// started on any protocol with the same root) to measure coverage; nil when the protocol is
  /// missing.
  public func pathsSummary(protocolID: String, defaultNow: Date, limits: FeasiblePaths.Limits = .init())
    -> PathsSummary?
  {
    guard let definition = library.protocolDefinition(protocolID),
      let paths = FeasiblePaths.enumerate(library: library, protocolID: protocolID, limits: limits)
    else { return nil }
    let family = library.root(of: protocolID)
    let scenarios = scenarios.filter {
      library.protocolDefinition($0.protocolID) != nil && library.root(of: $0.protocolID) == family
    }
    let walks = run(scenarios, defaultNow: defaultNow).map { $0.state ?? WalkState(protocolID: $0.scenario.protocolID) }
    let coverage = paths.coverage(of: walks)
    let unmatched = Set(coverage.unmatchedWalks)
    var byPath: [Int: [String]] = [:]
    var byVariant: [[Int]: [String]] = [:]
    for (index, walk) in walks.enumerated() where !unmatched.contains(index) {
      let id = scenarios[index].id
      guard
        let position = paths.paths.firstIndex(where: { $0.protocolID == walk.protocolID && $0.steps == walk.pathIDs })
      else { continue }
      byPath[position, default: []].append(id)
      let codes = Set(walk.dispositionCodes)
      if let variant = paths.paths[position].variants.firstIndex(where: { Set($0.dispositions) == codes }) {
        byVariant[[position, variant], default: []].append(id)
      }
    }
    let unmatchedScenarios = coverage.unmatchedWalks.filter {
      walks[$0].isFinished && scenarios[$0].protocolID == protocolID
    }.map { scenarios[$0].id }
    return PathsSummary(
      paths: paths, coverage: coverage, structuralPaths: PathAnalysis.analyze(definition, limit: 0)?.totalPaths,
      scenariosByPath: byPath, scenariosByVariant: byVariant, unmatchedScenarios: unmatchedScenarios)
  }
}
