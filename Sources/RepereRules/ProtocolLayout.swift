/// A protocol's steps by position in `steps`, for the questions path enumeration asks about
/// what lies ahead of a step: which steps it can still reach (a bit set per step, computed
/// when first asked), which conditions read a variable, which steps ask it.
final class ProtocolLayout {
  /// A condition of a step (a route's `when` or a recommendation's) with its atoms (see
  /// `AnswerDomains.atoms(of:)`).
  struct Condition {
    /// The position of the step that holds it.
    var step: Int
    var expression: Expression
    var variables: [String]
    var atoms: [(expression: Expression, variables: [String])]
  }

  let definition: ProtocolDefinition
  /// Positions each step may lead to (every branch).
  let successors: [[Int]]
  /// Positions of the `place` steps.
  let places: [Int]
  let conditions: [Condition]
  /// Indices of the conditions that read each variable (`departement`, `commune` included).
  let conditionsReading: [String: [Int]]
  /// Positions of the questions that set each variable (a place sets `departement` and
  /// `commune` too).
  let askers: [String: [Int]]
  private var reachable: [Int: [UInt64]] = [:]
  private var conditionsAhead: [Int: [Int]] = [:]

  init(_ definition: ProtocolDefinition) {
    self.definition = definition
    let steps = definition.steps
    successors = steps.map { step in
      var seen = Set<Int>()
      return step.successors.compactMap { definition.position(ofStep: $0.target) }.filter { seen.insert($0).inserted }
    }
    places = steps.indices.filter { steps[$0].kind == .place }
    var conditions: [Condition] = []
    var conditionsReading: [String: [Int]] = [:]
    var askers: [String: [Int]] = [:]
    for (position, step) in steps.enumerated() where definition.position(ofStep: step.id) == position {
      let written = step.routes.compactMap(\.condition) + step.recommend.compactMap(\.condition)
      for expression in written.compactMap(\.expression) {
        let atoms = AnswerDomains.atoms(of: expression).map { ($0, Self.unique($0.variables)) }
        let condition = Condition(
          step: position, expression: expression, variables: Self.unique(expression.variables), atoms: atoms)
        for name in condition.variables { conditionsReading[name, default: []].append(conditions.count) }
        conditions.append(condition)
      }
      guard step.kind.asksQuestion else { continue }
      askers[step.variable, default: []].append(position)
      if step.kind == .place {
        askers["departement", default: []].append(position)
        askers["commune", default: []].append(position)
      }
    }
    self.conditions = conditions
    self.conditionsReading = conditionsReading
    self.askers = askers
  }

  private static func unique(_ names: [String]) -> [String] {
    var result: [String] = []
    for name in names where !result.contains(name) { result.append(name) }
    return result
  }

  /// Steps reachable from `position`, itself included, as bits by position.
  func reach(from position: Int) -> [UInt64] {
    if let known = reachable[position] { return known }
    var bits = [UInt64](repeating: 0, count: (successors.count + 63) / 64)
    var stack = [position]
    bits[position / 64] |= 1 << UInt64(position % 64)
    while let node = stack.popLast() {
      for next in successors[node] where bits[next / 64] & (1 << UInt64(next % 64)) == 0 {
        bits[next / 64] |= 1 << UInt64(next % 64)
        stack.append(next)
      }
    }
    reachable[position] = bits
    return bits
  }

  /// Indices of the conditions of the steps reachable from `position`, itself included, in
  /// order.
  func conditions(from position: Int) -> [Int] {
    if let known = conditionsAhead[position] { return known }
    let bits = reach(from: position)
    let result = conditions.indices.filter { Self.contains(bits, conditions[$0].step) }
    conditionsAhead[position] = result
    return result
  }

  static func contains(_ bits: [UInt64], _ position: Int) -> Bool {
    bits[position / 64] & (1 << UInt64(position % 64)) != 0
  }

  /// True when a `place` step is reachable from `position`, itself included.
  func placeAhead(from position: Int) -> Bool {
    let bits = reach(from: position)
    return places.contains { Self.contains(bits, $0) }
  }

  /// True when a question reachable in `bits` asks `variable`.
  func isAsked(_ variable: String, in bits: [UInt64]) -> Bool {
    (askers[variable] ?? []).contains { Self.contains(bits, $0) }
  }
}
