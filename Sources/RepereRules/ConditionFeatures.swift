/// A boundary a condition draws on a numeric quantity. `above == false` separates `x < value`
/// from `x >= value`; `above == true` separates `x <= value` from `x > value`. An equality
/// test draws both.
struct Cut: Sendable, Hashable, Comparable {
  var value: Double
  var above: Bool

  static func < (lhs: Cut, rhs: Cut) -> Bool { (lhs.value, lhs.above ? 1 : 0) < (rhs.value, rhs.above ? 1 : 0) }

  /// Whether `x` lies on the upper side of the cut.
  func isPassed(by x: Double) -> Bool { above ? x > value : x >= value }

  /// The class of `x` among sorted cuts: how many it passes. Two values of the same class give
  /// every comparison that drew these cuts the same result.
  static func classIndex(of x: Double, among cuts: [Cut]) -> Int {
    cuts.reduce(0) { $0 + ($1.isPassed(by: x) ? 1 : 0) }
  }
}

/// What the conditions of a protocol family can tell apart about each variable, so that path
/// enumeration tries one answer per class instead of every answer:
/// - numbers, `count(v)` and `score(v)`: the cuts drawn by comparisons that are linear in one
///   of them (`age < 15`, `score(s) >= 5`, `2 * age + 1 > 30`, `age in [14, 16]`);
/// - texts, `departement`, `commune`: the literals they are compared with (`=`, `!=`, `in`);
/// - checklists: the options named by `has(v, 'x')`.
/// A condition on such a quantity that fits none of these shapes (`age < limite`, `score(a) +
/// score(b) > 3`, `departement < '50'`) is listed in `approximations`: its literals still
/// become cuts, but the enumeration may then miss a path.
struct ConditionFeatures: Sendable {
  /// A numeric quantity conditions compare.
  enum Term: Sendable, Hashable {
    case value(String)
    case count(String)
    case score(String)
  }

  private(set) var cuts: [Term: Set<Cut>] = [:]
  private(set) var literals: [String: Set<String>] = [:]
  /// Options named by `has`, by checklist variable.
  private(set) var named: [String: Set<String>] = [:]
  /// Checklists tested with `has(v, …)` on something other than a literal.
  private(set) var hasUnnamed: Set<String> = []
  /// Conditions (as written) that the classes above do not capture exactly.
  private(set) var approximations: [String] = []

  /// `exactKinds`: variables whose domain is finite whatever the conditions (yes/no, choice),
  /// which need no abstraction.
  init(conditions: [Condition], finiteVariables: Set<String>) {
    var seenApproximations = Set<String>()
    for condition in conditions {
      guard let expression = condition.expression else { continue }
      var exact = true
      expression.visit { node in
        if !collect(node, finiteVariables: finiteVariables) { exact = false }
      }
      if !exact, seenApproximations.insert(condition.source).inserted { approximations.append(condition.source) }
    }
  }

  /// Sorted cuts of a term.
  func sortedCuts(_ term: Term) -> [Cut] { (cuts[term] ?? []).sorted() }

  /// Records what one node distinguishes; false when it cannot be captured exactly.
  private mutating func collect(_ expression: Expression, finiteVariables: Set<String>) -> Bool {
    switch expression.node {
    case .compare(let op, let lhs, let rhs):
      return compare(op, lhs, rhs, finiteVariables: finiteVariables)
    case .isIn(let lhs, let rhs):
      guard case .list(let items) = rhs.node else { return involvesOpenDomain(lhs, finiteVariables) == false }
      var exact = true
      for item in items where !compare(.equal, lhs, item, finiteVariables: finiteVariables) { exact = false }
      return exact
    case .call(.has, let arguments):
      guard arguments.count == 2, case .variable(let name) = arguments[0].node else { return true }
      if case .text(let option) = arguments[1].node {
        named[name, default: []].insert(option)
        return true
      }
      hasUnnamed.insert(name)
      return false
    default:
      return true
    }
  }

  private mutating func compare(
    _ op: ComparisonOperator, _ lhs: Expression, _ rhs: Expression, finiteVariables: Set<String>
  ) -> Bool {
    // A text or place variable against a text literal.
    if case .variable(let name) = lhs.node, case .text(let literal) = rhs.node {
      literals[name, default: []].insert(literal)
      return Self.isEquality(op) || finiteVariables.contains(name)
    }
    if case .text(let literal) = lhs.node, case .variable(let name) = rhs.node {
      literals[name, default: []].insert(literal)
      return Self.isEquality(op) || finiteVariables.contains(name)
    }
    if case .bool = lhs.node { return true }
    if case .bool = rhs.node { return true }
    // Numbers: exact when the difference of the sides is linear in one term.
    if let left = Linear(lhs), let right = Linear(rhs), let difference = left.subtracting(right) {
      guard let term = difference.term, difference.coefficient != 0 else { return true }
      let boundary = -difference.constant / difference.coefficient
      guard boundary.isFinite else { return false }
      let flipped = difference.coefficient < 0
      switch op {
      case .less, .greaterOrEqual: cuts[term, default: []].insert(Cut(value: boundary, above: flipped))
      case .lessOrEqual, .greater: cuts[term, default: []].insert(Cut(value: boundary, above: !flipped))
      case .equal, .notEqual:
        cuts[term, default: []].insert(Cut(value: boundary, above: false))
        cuts[term, default: []].insert(Cut(value: boundary, above: true))
      }
      return true
    }
    guard involvesOpenDomain(lhs, finiteVariables) || involvesOpenDomain(rhs, finiteVariables) else { return true }
    // Not captured: every literal of the comparison becomes a cut of every term it reads.
    var numbers: [Double] = []
    var texts: [String] = []
    var terms: [Term] = []
    for side in [lhs, rhs] {
      side.visit { node in
        switch node.node {
        case .number(let value): numbers.append(value)
        case .text(let value): texts.append(value)
        case .variable(let name): terms.append(.value(name))
        case .call(let function, let arguments):
          if case .variable(let name)? = arguments.first?.node {
            if function == .count { terms.append(.count(name)) }
            if function == .score { terms.append(.score(name)) }
          }
        default: break
        }
      }
    }
    for term in terms {
      for number in numbers {
        cuts[term, default: []].insert(Cut(value: number, above: false))
        cuts[term, default: []].insert(Cut(value: number, above: true))
      }
      if case .value(let name) = term { literals[name, default: []].formUnion(texts) }
    }
    return false
  }

  /// True when the expression reads a variable whose answers are not a short finite list.
  private func involvesOpenDomain(_ expression: Expression, _ finiteVariables: Set<String>) -> Bool {
    expression.variables.contains { !finiteVariables.contains($0) }
  }

  private static func isEquality(_ op: ComparisonOperator) -> Bool { op == .equal || op == .notEqual }
}

/// `coefficient × term + constant`, or a constant when `term` is nil.
private struct Linear {
  var term: ConditionFeatures.Term?
  var coefficient: Double
  var constant: Double

  init(term: ConditionFeatures.Term?, coefficient: Double, constant: Double) {
    self.term = term
    self.coefficient = coefficient
    self.constant = constant
  }

  /// Nil when the expression is not linear in at most one numeric term.
  init?(_ expression: Expression) {
    switch expression.node {
    case .number(let value): self.init(term: nil, coefficient: 0, constant: value)
    case .variable(let name): self.init(term: .value(name), coefficient: 1, constant: 0)
    case .call(let function, let arguments):
      guard case .variable(let name)? = arguments.first?.node else { return nil }
      switch function {
      case .count: self.init(term: .count(name), coefficient: 1, constant: 0)
      case .score: self.init(term: .score(name), coefficient: 1, constant: 0)
      default: return nil
      }
    case .negate(let inner):
      guard let value = Linear(inner) else { return nil }
      self = value.scaled(by: -1)
    case .arithmetic(let op, let lhs, let rhs):
      guard let left = Linear(lhs), let right = Linear(rhs) else { return nil }
      switch op {
      case .add:
        guard let sum = left.adding(right) else { return nil }
        self = sum
      case .subtract:
        guard let difference = left.subtracting(right) else { return nil }
        self = difference
      case .multiply:
        if left.term == nil {
          self = right.scaled(by: left.constant)
        } else if right.term == nil {
          self = left.scaled(by: right.constant)
        } else {
          return nil
        }
      }
    default: return nil
    }
  }

  func scaled(by factor: Double) -> Linear {
    Linear(term: factor == 0 ? nil : term, coefficient: coefficient * factor, constant: constant * factor)
  }

  func adding(_ other: Linear) -> Linear? {
    if let term, let otherTerm = other.term, term != otherTerm { return nil }
    let coefficient = coefficient + other.coefficient
    return Linear(
      term: coefficient == 0 ? nil : term ?? other.term, coefficient: coefficient, constant: constant + other.constant)
  }

  func subtracting(_ other: Linear) -> Linear? { adding(other.scaled(by: -1)) }
}
