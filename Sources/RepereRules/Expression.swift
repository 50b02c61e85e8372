/// A parsed `when` condition. `offset` is where the node starts in the condition's text
/// (in Unicode scalars from 0), so findings can point inside it.
public struct Expression: Sendable, Hashable {
  public indirect enum Node: Sendable, Hashable {
    case number(Double)
    case text(String)
    case bool(Bool)
    case list([Expression])
    case variable(String)
    case not(Expression)
    case negate(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(ComparisonOperator, Expression, Expression)
    case isIn(Expression, Expression)
    case arithmetic(ArithmeticOperator, Expression, Expression)
    case call(ExpressionFunction, [Expression])
  }

  public var node: Node
  public var offset: Int

  public init(_ node: Node, at offset: Int) {
    self.node = node
    self.offset = offset
  }

  /// Every variable the expression reads (function arguments included).
  public var variables: [String] {
    var names: [String] = []
    visit { if case .variable(let name) = $0.node { names.append(name) } }
    return names
  }

  /// Calls `body` on this node and every node below it, depth first.
  public func visit(_ body: (Expression) -> Void) {
    var stack: [Expression] = [self]
    while let expression = stack.popLast() {
      body(expression)
      switch expression.node {
      case .number, .text, .bool, .variable: break
      case .list(let items), .call(_, let items): stack.append(contentsOf: items.reversed())
      case .not(let inner), .negate(let inner): stack.append(inner)
      case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(_, let lhs, let rhs), .isIn(let lhs, let rhs),
        .arithmetic(_, let lhs, let rhs):
        stack.append(rhs)
        stack.append(lhs)
      }
    }
  }
}

/// `=` (or `==`), `!=`, `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, Sendable, Hashable {
  case equal = "="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// `+`, `-`, `*`.
public enum ArithmeticOperator: String, Sendable, Hashable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
}

/// The functions of the expression language.
public enum ExpressionFunction: String, Sendable, Hashable, CaseIterable {
  /// Options ticked in a checklist.
  case count
  /// Sum of the weights of the ticked options.
  case score
  /// `has(v, 'x')`: the checklist has this value ticked.
  case has
  /// Answered, and not « je ne sais pas ».
  case known
  /// Answered « je ne sais pas ».
  case unknown

  /// How many arguments the function takes.
  public var arity: Int { self == .has ? 2 : 1 }
}
