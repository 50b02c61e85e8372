import RepereBase

/// What conditions read: the answers by variable, the checklists' weights and the case's place.
public struct EvaluationContext: Sendable {
  /// Answers by variable name.
  public var values: [String: AnswerValue]
  /// For each checklist variable, the weight of each option.
  public var weights: [String: [String: Double]]
  /// The case's place (`departement`, `commune`).
  public var place: PlaceValue?

  public init(values: [String: AnswerValue] = [:], weights: [String: [String: Double]] = [:], place: PlaceValue? = nil)
  {
    self.values = values
    self.weights = weights
    self.place = place
  }

  /// The answer of a variable; `departement` and `commune` read the case's place.
  public func value(of variable: String) -> AnswerValue? {
    switch variable {
    case "departement": return place.map { .text($0.departement) }
    case "commune": return place?.communeCode.map { .text($0) }
    default: return values[variable]
    }
  }
}

/// Evaluates conditions with the spec's two-valued logic: a comparison with an unanswered or
/// unknown value is false, `not` negates what it is given, checklist functions treat unanswered
/// or unknown as empty. Never traps: mismatched types (which `check` rejects) evaluate to false.
public enum ExpressionEvaluator {
  /// Variable names the language reserves for the case's place.
  public static let placeVariables: Set<String> = ["departement", "commune"]

  /// Whether the condition holds.
  public static func holds(_ expression: Expression, in context: EvaluationContext) -> Bool {
    if case .bool(true) = evaluate(expression, in: context) { return true }
    return false
  }

  /// The value of an expression: nil when it reads an unanswered or unknown value (comparisons
  /// of nil are false).
  public static func evaluate(_ expression: Expression, in context: EvaluationContext) -> Value? {
    switch expression.node {
    case .number(let value): return .number(value)
    case .text(let value): return .text(value)
    case .bool(let value): return .bool(value)
    case .list(let items): return .list(items.compactMap { evaluate($0, in: context) })
    case .variable(let name): return context.value(of: name).flatMap(Value.init)
    case .not(let inner):
      if case .bool(let value) = evaluate(inner, in: context) { return .bool(!value) }
      return .bool(true)  // not (something false or absent) holds
    case .negate(let inner):
      if case .number(let value) = evaluate(inner, in: context) { return .number(-value) }
      return nil
    case .and(let lhs, let rhs):
      return .bool(holds(lhs, in: context) && holds(rhs, in: context))
    case .or(let lhs, let rhs):
      return .bool(holds(lhs, in: context) || holds(rhs, in: context))
    case .compare(let op, let lhs, let rhs):
      guard let left = evaluate(lhs, in: context), let right = evaluate(rhs, in: context) else { return .bool(false) }
      return .bool(compare(op, left, right))
    case .isIn(let lhs, let rhs):
      guard let left = evaluate(lhs, in: context), case .list(let items) = evaluate(rhs, in: context) else {
        return .bool(false)
      }
      return .bool(items.contains { compare(.equal, left, $0) })
    case .arithmetic(let op, let lhs, let rhs):
      guard case .number(let left) = evaluate(lhs, in: context), case .number(let right) = evaluate(rhs, in: context)
      else { return nil }
      switch op {
      case .add: return .number(left + right)
      case .subtract: return .number(left - right)
      case .multiply: return .number(left * right)
      }
    case .call(let function, let arguments):
      return call(function, arguments, in: context)
    }
  }

  private static func call(_ function: ExpressionFunction, _ arguments: [Expression], in context: EvaluationContext)
    -> Value?
  {
    guard let first = arguments.first, case .variable(let name) = first.node else { return nil }
    let answer = context.value(of: name)
    switch function {
    case .known:
      if let answer, answer != .unknown { return .bool(true) }
      return .bool(false)
    case .unknown:
      return .bool(answer == .unknown)
    case .count:
      if case .set(let values) = answer { return .number(Double(values.count)) }
      return .number(0)
    case .score:
      guard case .set(let values) = answer else { return .number(0) }
      let weights = context.weights[name] ?? [:]
      return .number(values.reduce(0) { $0 + (weights[$1] ?? 1) })
    case .has:
      guard arguments.count == 2, case .set(let values) = answer,
        case .text(let wanted) = evaluate(arguments[1], in: context)
      else { return .bool(false) }
      return .bool(values.contains(wanted))
    }
  }

  private static func compare(_ op: ComparisonOperator, _ left: Value, _ right: Value) -> Bool {
    switch (left, right) {
    case (.number(let a), .number(let b)):
      switch op {
      case .equal: return a == b
      case .notEqual: return a != b
      case .less: return a < b
      case .lessOrEqual: return a <= b
      case .greater: return a > b
      case .greaterOrEqual: return a >= b
      }
    case (.text(let a), .text(let b)):
      switch op {
      case .equal: return a == b
      case .notEqual: return a != b
      case .less: return a < b
      case .lessOrEqual: return a <= b
      case .greater: return a > b
      case .greaterOrEqual: return a >= b
      }
    case (.bool(let a), .bool(let b)):
      switch op {
      case .equal: return a == b
      case .notEqual: return a != b
      default: return false
      }
    default:
      return false
    }
  }

  /// A value during evaluation. Unanswered and unknown answers never become values.
  public enum Value: Sendable, Hashable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case set([String])
    case list([Value])

    init?(_ answer: AnswerValue) {
      switch answer {
      case .bool(let value): self = .bool(value)
      case .choice(let value), .text(let value): self = .text(value)
      case .set(let values): self = .set(values)
      case .number(let value): self = .number(value)
      case .place(let place): self = .text(place.communeCode ?? place.departement)
      case .unknown: return nil
      }
    }
  }
}
