import RepereBase

/// A syntax error in a condition: what is wrong, where (offset in the text) and how to fix it.
public struct ExpressionError: Error, Sendable, Hashable {
  public var code: String
  public var message: String
  public var offset: Int
  public var hint: String?

  public init(code: String = "expression-syntax", message: String, offset: Int, hint: String? = nil) {
    self.code = code
    self.message = message
    self.offset = offset
    self.hint = hint
  }
}

/// Parses `when` conditions. Total on any input: hostile text (deep nesting, huge literals,
/// endless operators) yields an `ExpressionError`, never a crash or a hang.
public struct ExpressionParser {
  /// Longest condition accepted, in Unicode scalars.
  public static let maximumLength = 4_000
  /// Deepest nesting of parentheses, `not` and unary minus accepted.
  public static let maximumDepth = 48

  private let tokens: [Token]
  private var position = 0
  private var depth = 0

  private init(tokens: [Token]) {
    self.tokens = tokens
  }

  /// Parses a whole condition.
  public static func parse(_ text: String) -> Result<Expression, ExpressionError> {
    let length = text.unicodeScalars.count
    guard length <= maximumLength else {
      return .failure(
        ExpressionError(
          code: "expression-too-complex",
          message: "condition trop longue (\(length) caractères, au plus \(maximumLength))",
          offset: 0, hint: "découpez-la avec une étape d'aiguillage (route)"))
    }
    do {
      var parser = ExpressionParser(tokens: try Lexer.tokens(of: text))
      let expression = try parser.parseOr()
      if let extra = parser.peek, extra.kind != .end {
        throw ExpressionError(
          message: "élément en trop après une condition complète : \(extra.kind.describe)", offset: extra.offset,
          hint: extra.kind.isComparison
            ? "les comparaisons ne s'enchaînent pas : écrivez `a < b and b < c`"
            : "reliez les conditions par `and` ou `or`")
      }
      return .success(expression)
    } catch let error as ExpressionError {
      return .failure(error)
    } catch {
      return .failure(ExpressionError(message: "\(error)", offset: 0))
    }
  }

  // MARK: Grammar, lowest precedence first

  private mutating func parseOr() throws -> Expression {
    var lhs = try parseAnd()
    while let token = peek, token.kind == .keyword("or") {
      advance()
      let rhs = try parseAnd()
      lhs = Expression(.or(lhs, rhs), at: lhs.offset)
    }
    return lhs
  }

  private mutating func parseAnd() throws -> Expression {
    var lhs = try parseNot()
    while let token = peek, token.kind == .keyword("and") {
      advance()
      let rhs = try parseNot()
      lhs = Expression(.and(lhs, rhs), at: lhs.offset)
    }
    return lhs
  }

  private mutating func parseNot() throws -> Expression {
    guard let token = peek, token.kind == .keyword("not") else { return try parseComparison() }
    advance()
    try enter(at: token.offset)
    defer { depth -= 1 }
    return Expression(.not(try parseNot()), at: token.offset)
  }

  private mutating func parseComparison() throws -> Expression {
    let lhs = try parseAdditive()
    guard let token = peek else { return lhs }
    switch token.kind {
    case .comparison(let op):
      advance()
      return Expression(.compare(op, lhs, try parseAdditive()), at: lhs.offset)
    case .keyword("in"):
      advance()
      return Expression(.isIn(lhs, try parseAdditive()), at: lhs.offset)
    default:
      return lhs
    }
  }

  private mutating func parseAdditive() throws -> Expression {
    var lhs = try parseMultiplicative()
    while let token = peek, case .arithmetic(let op) = token.kind, op != .multiply {
      advance()
      let rhs = try parseMultiplicative()
      lhs = Expression(.arithmetic(op, lhs, rhs), at: lhs.offset)
    }
    return lhs
  }

  private mutating func parseMultiplicative() throws -> Expression {
    var lhs = try parseUnary()
    while let token = peek, token.kind == .arithmetic(.multiply) {
      advance()
      let rhs = try parseUnary()
      lhs = Expression(.arithmetic(.multiply, lhs, rhs), at: lhs.offset)
    }
    return lhs
  }

  private mutating func parseUnary() throws -> Expression {
    guard let token = peek, token.kind == .arithmetic(.subtract) else { return try parsePrimary() }
    advance()
    try enter(at: token.offset)
    defer { depth -= 1 }
    let operand = try parseUnary()
    if case .number(let value) = operand.node { return Expression(.number(-value), at: token.offset) }
    return Expression(.negate(operand), at: token.offset)
  }

  private mutating func parsePrimary() throws -> Expression {
    guard let token = peek else { throw ExpressionError(message: "la condition s'arrête trop tôt", offset: 0) }
    switch token.kind {
    case .number(let value):
      advance()
      return Expression(.number(value), at: token.offset)
    case .text(let value):
      advance()
      return Expression(.text(value), at: token.offset)
    case .keyword("true"), .keyword("false"):
      advance()
      return Expression(.bool(token.kind == .keyword("true")), at: token.offset)
    case .openParen:
      advance()
      try enter(at: token.offset)
      defer { depth -= 1 }
      let inner = try parseOr()
      try expect(.closeParen, opening: token)
      return inner
    case .openBracket:
      advance()
      return Expression(.list(try parseItems(closing: .closeBracket, opening: token)), at: token.offset)
    case .identifier(let name):
      advance()
      guard let next = peek, next.kind == .openParen else { return Expression(.variable(name), at: token.offset) }
      guard let function = ExpressionFunction(rawValue: name) else {
        throw ExpressionError(
          code: "unknown-function", message: "fonction « \(name) » inconnue", offset: token.offset,
          hint: Suggestion.hint(for: name, among: ExpressionFunction.allCases.map(\.rawValue))
            ?? "fonctions : count, score, has, known, unknown")
      }
      advance()
      let arguments = try parseItems(closing: .closeParen, opening: next)
      guard arguments.count == function.arity else {
        throw ExpressionError(
          message: "\(name)() prend \(function.arity) argument\(function.arity > 1 ? "s" : ""), pas \(arguments.count)",
          offset: token.offset, hint: function == .has ? "écrivez has(variable, 'valeur')" : "écrivez \(name)(variable)"
        )
      }
      return Expression(.call(function, arguments), at: token.offset)
    case .keyword("unknown"):
      advance()
      guard let next = peek, next.kind == .openParen else {
        throw ExpressionError(
          message: "`unknown` est ici une fonction", offset: token.offset, hint: "écrivez unknown(variable)")
      }
      advance()
      let arguments = try parseItems(closing: .closeParen, opening: next)
      guard arguments.count == 1 else {
        throw ExpressionError(message: "unknown() prend 1 argument, pas \(arguments.count)", offset: token.offset)
      }
      return Expression(.call(.unknown, arguments), at: token.offset)
    case .end:
      throw ExpressionError(message: "la condition s'arrête trop tôt : il manque une valeur", offset: token.offset)
    default:
      throw ExpressionError(message: "une valeur était attendue, trouvé \(token.kind.describe)", offset: token.offset)
    }
  }

  /// Comma-separated items up to `closing` (function arguments, list items).
  private mutating func parseItems(closing: Token.Kind, opening: Token) throws -> [Expression] {
    try enter(at: opening.offset)
    defer { depth -= 1 }
    var items: [Expression] = []
    if let token = peek, token.kind == closing {
      advance()
      return items
    }
    while true {
      items.append(try parseOr())
      if let token = peek, token.kind == .comma {
        advance()
        continue
      }
      try expect(closing, opening: opening)
      return items
    }
  }

  // MARK: Token handling

  private var peek: Token? { position < tokens.count ? tokens[position] : nil }

  private mutating func advance() { position += 1 }

  private mutating func enter(at offset: Int) throws {
    depth += 1
    if depth > ExpressionParser.maximumDepth {
      throw ExpressionError(
        code: "expression-too-complex",
        message: "condition trop imbriquée (plus de \(ExpressionParser.maximumDepth) niveaux)",
        offset: offset, hint: "simplifiez-la ou découpez-la avec une étape d'aiguillage (route)")
    }
  }

  private mutating func expect(_ kind: Token.Kind, opening: Token) throws {
    guard let token = peek, token.kind == kind else {
      let found = peek?.kind.describe ?? "la fin"
      throw ExpressionError(
        message:
          "\(kind.describe) attendu pour fermer \(opening.kind.describe) de la colonne \(opening.offset + 1), trouvé \(found)",
        offset: peek?.offset ?? opening.offset)
    }
    advance()
  }
}
