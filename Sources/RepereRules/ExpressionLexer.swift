/// One token of a condition, with its offset (in Unicode scalars) in the text.
struct Token: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case number(Double)
    case text(String)
    case identifier(String)
    case keyword(String)
    case comparison(ComparisonOperator)
    case arithmetic(ArithmeticOperator)
    case openParen, closeParen, openBracket, closeBracket, comma, end

    var describe: String {
      switch self {
      case .number(let value): return "le nombre \(AnswerValue.format(value))"
      case .text(let value): return "le texte '\(value)'"
      case .identifier(let name): return "`\(name)`"
      case .keyword(let word): return "`\(word)`"
      case .comparison(let op): return "`\(op.rawValue)`"
      case .arithmetic(let op): return "`\(op.rawValue)`"
      case .openParen: return "`(`"
      case .closeParen: return "`)`"
      case .openBracket: return "`[`"
      case .closeBracket: return "`]`"
      case .comma: return "`,`"
      case .end: return "la fin de la condition"
      }
    }

    var isComparison: Bool {
      if case .comparison = self { return true }
      return self == .keyword("in")
    }
  }

  var kind: Kind
  var offset: Int
}

/// Splits a condition into tokens.
enum Lexer {
  static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "unknown"]
  /// Longest number literal accepted, in characters.
  static let maximumNumberLength = 24

  static func tokens(of text: String) throws -> [Token] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let start = index
      switch scalar {
      case " ", "\t", "\n", "\r":
        index += 1
      case "0"..."9", ".":
        while index < scalars.count, isNumberPart(scalars[index]) { index += 1 }
        let literal = String(String.UnicodeScalarView(scalars[start..<index]))
        tokens.append(Token(kind: .number(try number(literal, at: start)), offset: start))
      case "'", "\"":
        index += 1
        while index < scalars.count, scalars[index] != scalar { index += 1 }
        guard index < scalars.count else {
          throw ExpressionError(
            message: "texte non fermé : le \(scalar) ouvert ici n'est jamais refermé", offset: start,
            hint: "ajoutez le \(scalar) fermant")
        }
        let value = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
        index += 1
        tokens.append(Token(kind: .text(value), offset: start))
      case "a"..."z", "A"..."Z", "_":
        while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index]))
        tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
      case "=":
        index += (index + 1 < scalars.count && scalars[index + 1] == "=") ? 2 : 1
        tokens.append(Token(kind: .comparison(.equal), offset: start))
      case "!":
        guard index + 1 < scalars.count, scalars[index + 1] == "=" else {
          throw ExpressionError(
            message: "`!` seul n'est pas un opérateur", offset: start, hint: "écrivez `not` ou `!=`")
        }
        index += 2
        tokens.append(Token(kind: .comparison(.notEqual), offset: start))
      case "<", ">":
        let orEqual = index + 1 < scalars.count && scalars[index + 1] == "="
        index += orEqual ? 2 : 1
        let op: ComparisonOperator =
          scalar == "<" ? (orEqual ? .lessOrEqual : .less) : (orEqual ? .greaterOrEqual : .greater)
        tokens.append(Token(kind: .comparison(op), offset: start))
      case "+", "-", "*":
        index += 1
        let op: ArithmeticOperator = scalar == "+" ? .add : scalar == "-" ? .subtract : .multiply
        tokens.append(Token(kind: .arithmetic(op), offset: start))
      case "(", ")", "[", "]", ",":
        index += 1
        let kind: Token.Kind =
          switch scalar {
          case "(": .openParen
          case ")": .closeParen
          case "[": .openBracket
          case "]": .closeBracket
          default: .comma
          }
        tokens.append(Token(kind: kind, offset: start))
      default:
        throw ExpressionError(
          message: "caractère inattendu « \(scalar.escaped(asASCII: true)) »", offset: start,
          hint: scalar == "&" ? "écrivez `and`" : scalar == "|" ? "écrivez `or`" : nil)
      }
    }
    tokens.append(Token(kind: .end, offset: scalars.count))
    return tokens
  }

  private static func isNumberPart(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || scalar == "."
  }

  private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
  }

  private static func number(_ literal: String, at offset: Int) throws -> Double {
    guard literal.count <= maximumNumberLength else {
      throw ExpressionError(
        message: "nombre trop long (\(literal.count) chiffres, au plus \(maximumNumberLength))", offset: offset)
    }
    guard literal.filter({ $0 == "." }).count <= 1, literal != ".", !literal.hasSuffix("."),
      let value = Double(literal),
      value.isFinite
    else {
      throw ExpressionError(message: "« \(literal) » n'est pas un nombre", offset: offset, hint: "écrivez 15 ou 2.5")
    }
    return value
  }
}
