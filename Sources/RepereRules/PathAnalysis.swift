/// Every distinct path of a protocol from `start` to an outcome, grouped by the dispositions
/// each path may gather, counted exactly (by dynamic programming over the step graph) and
/// listed up to a limit. Route conditions are not evaluated: these are the structural paths.
public struct PathAnalysis: Sendable {
  /// The paths that may gather one disposition.
  public struct DispositionPaths: Sendable, Hashable {
    public var code: String
    public var level: String
    /// How many distinct paths (saturating at `Int.max`).
    public var count: Int
    /// Up to the limit, each path as step ids.
    public var paths: [[String]]
  }

  public var protocolID: String
  /// Distinct paths from start to an outcome.
  public var totalPaths: Int
  public var dispositions: [DispositionPaths]
  /// The complete paths listed (up to the limit), for coverage.
  public var listedPaths: Set<[String]>
  /// True when more paths exist than were listed.
  public var truncated: Bool

  /// Analyses a protocol; nil when it has no start or the walk can loop (check reports why).
  public static func analyze(_ definition: ProtocolDefinition, limit: Int = 1_000) -> PathAnalysis? {
    let graph = StepGraph(definition)
    guard let start = graph.startIndex, let order = graph.topologicalOrder() else { return nil }
    let steps = graph.ids.map { definition.step($0) }
    func gathers(_ node: Int) -> [String] {
      guard let step = steps[node] else { return [] }
      var codes = step.recommend.map(\.disposition)
      if step.kind == .outcome, let code = step.disposition { codes.append(code) }
      return codes
    }
    func isOutcome(_ node: Int) -> Bool { steps[node]?.kind == .outcome }

    // Paths from each node to an outcome.
    var total = [Int](repeating: 0, count: graph.ids.count)
    for node in order.reversed() {
      total[node] = isOutcome(node) ? 1 : graph.successors[node].reduce(0) { saturatingAdd($0, total[$1]) }
    }
    let codes = definition.dispositions.keys.sorted {
      (definition.rank(ofLevel: definition.dispositions[$0]?.level ?? "") ?? Int.max, $0)
        < (definition.rank(ofLevel: definition.dispositions[$1]?.level ?? "") ?? Int.max, $1)
    }
    var results: [DispositionPaths] = []
    for code in codes {
      var count = [Int](repeating: 0, count: graph.ids.count)
      for node in order.reversed() {
        if gathers(node).contains(code) {
          count[node] = total[node]
        } else if !isOutcome(node) {
          count[node] = graph.successors[node].reduce(0) { saturatingAdd($0, count[$1]) }
        }
      }
      results.append(
        DispositionPaths(
          code: code, level: definition.dispositions[code]?.level ?? "", count: count[start], paths: []))
    }

    // List complete paths depth first, up to the limit, backtracking on one shared path.
    var listed: [[Int]] = []
    var path: [Int] = [start]
    var nextEdge: [Int] = [0]
    var truncated = false
    while let node = path.last, let edge = nextEdge.last {
      if isOutcome(node) {
        if listed.count == limit {
          truncated = true
          break
        }
        listed.append(path)
      }
      if !isOutcome(node), edge < graph.successors[node].count {
        nextEdge[nextEdge.count - 1] += 1
        path.append(graph.successors[node][edge])
        nextEdge.append(0)
      } else {
        path.removeLast()
        nextEdge.removeLast()
      }
    }
    var indexByCode: [String: Int] = [:]
    for (index, result) in results.enumerated() { indexByCode[result.code] = index }
    for path in listed {
      let ids = path.map { graph.ids[$0] }
      var seen = Set<String>()
      for node in path {
        for code in gathers(node) where seen.insert(code).inserted {
          if let index = indexByCode[code] { results[index].paths.append(ids) }
        }
      }
    }
    return PathAnalysis(
      protocolID: definition.id, totalPaths: total[start], dispositions: results,
      listedPaths: Set(listed.map { $0.map { graph.ids[$0] } }), truncated: truncated || listed.count < total[start])
  }

  /// How many distinct complete paths the walked paths cover, and the share in %.
  public func coverage(of walked: [[String]], in definition: ProtocolDefinition) -> (covered: Int, percent: Double) {
    let graph = StepGraph(definition)
    var covered = Set<[String]>()
    for path in walked where isCompletePath(path, graph: graph, definition: definition) { covered.insert(path) }
    let percent = totalPaths == 0 ? 0 : Double(covered.count) / Double(totalPaths) * 100
    return (covered.count, percent)
  }

  private func isCompletePath(_ path: [String], graph: StepGraph, definition: ProtocolDefinition) -> Bool {
    guard let first = path.first, first == definition.start, let last = path.last,
      definition.step(last)?.kind == .outcome
    else { return false }
    for (from, to) in zip(path, path.dropFirst()) {
      guard let a = graph.index(of: from), let b = graph.index(of: to), graph.successors[a].contains(b) else {
        return false
      }
    }
    return true
  }

  static func saturatingAdd(_ lhs: Int, _ rhs: Int) -> Int {
    let (sum, overflow) = lhs.addingReportingOverflow(rhs)
    return overflow ? Int.max : sum
  }
}
