import Foundation
import RepereBase

/// The type of a variable or sub-expression, as `check` sees it.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
  case number
  /// Text; `options` lists the values a `choice` variable can take.
  case text(options: [String]?)
  case bool
  /// A checklist (`multi`) with its option values.
  case checklist(options: [String])
  case place
  case list(ValueType?)

  public var description: String {
    switch self {
    case .number: return "un nombre"
    case .text(let options): return options == nil ? "un texte" : "un choix"
    case .bool: return "un oui/non"
    case .checklist: return "une liste à cocher"
    case .place: return "un lieu"
    case .list: return "une liste"
    }
  }

  func matches(_ other: ValueType) -> Bool {
    switch (self, other) {
    case (.number, .number), (.text, .text), (.bool, .bool), (.place, .place), (.list, .list), (.checklist, .checklist):
      return true
    default: return false
    }
  }
}

/// One problem found in a condition: its code, message and offset inside the condition.
public struct ExpressionIssue: Sendable, Hashable {
  public var code: String
  public var message: String
  public var offset: Int
  public var hint: String?
}

/// Type-checks conditions against the variables and options a protocol declares: unknown
/// variables, unknown option values in `has`/`=`/`in`, comparisons of mismatched types, and a
/// condition that is not yes/no.
public struct ExpressionTypeChecker: Sendable {
  /// Variables by name.
  public var variables: [String: ValueType]
  /// Step ids whose answer variable is named otherwise, for hints.
  var stepVariables: [String: String]
  /// Steps that ask nothing (route, info, outcome), for hints.
  var silentSteps: Set<String>

  public init(_ definition: ProtocolDefinition) {
    var variables: [String: ValueType] = ["departement": .text(options: nil), "commune": .text(options: nil)]
    var stepVariables: [String: String] = [:]
    var silent = Set<String>()
    for step in definition.steps {
      guard step.kind.asksQuestion else {
        silent.insert(step.id)
        continue
      }
      stepVariables[step.id] = step.variable
      if variables[step.variable] == nil { variables[step.variable] = ExpressionTypeChecker.type(of: step) }
    }
    self.variables = variables
    self.stepVariables = stepVariables
    self.silentSteps = silent
  }

  /// The type of the answer a question stores.
  public static func type(of step: Step) -> ValueType {
    switch step.kind {
    case .yesno: return .bool
    case .choice: return .text(options: step.options.map(\.value))
    case .multi: return .checklist(options: step.options.map(\.value))
    case .number: return .number
    case .place: return .place
    case .text, .info, .route, .outcome: return .text(options: nil)
    }
  }

  /// Problems of a condition used as `when` (it must be yes/no).
  public func check(condition expression: Expression) -> [ExpressionIssue] {
    var issues: [ExpressionIssue] = []
    if let type = infer(expression, &issues), type != .bool {
      issues.append(
        ExpressionIssue(
          code: "expression-not-boolean", message: "une condition doit être vraie ou fausse, mais ceci est \(type)",
          offset: expression.offset, hint: hintForNonBoolean(type)))
    }
    return issues
  }

  private func hintForNonBoolean(_ type: ValueType) -> String? {
    switch type {
    case .checklist: return "écrivez count(v) >= 1 ou has(v, 'x')"
    case .number: return "comparez-le : v >= 15"
    case .text(let options): return options.flatMap { $0.first }.map { "comparez-le : v = '\($0)'" }
    default: return nil
    }
  }

  /// The expression's type, or nil after an issue.
  private func infer(_ expression: Expression, _ issues: inout [ExpressionIssue]) -> ValueType? {
    let offset = expression.offset
    func issue(_ code: String, _ message: String, hint: String? = nil, at position: Int? = nil) {
      issues.append(ExpressionIssue(code: code, message: message, offset: position ?? offset, hint: hint))
    }
    switch expression.node {
    case .number: return .number
    case .text: return .text(options: nil)
    case .bool: return .bool
    case .list(let items):
      var element: ValueType?
      for item in items {
        guard let type = infer(item, &issues) else { continue }
        if let element, !element.matches(type) {
          issue("type-mismatch", "une liste mêle \(element) et \(type)", at: item.offset)
          return nil
        }
        element = element ?? type
      }
      return .list(element)
    case .variable(let name):
      return variableType(name, at: offset, &issues)
    case .not(let inner):
      guard let type = infer(inner, &issues) else { return .bool }
      if type != .bool {
        issue("type-mismatch", "`not` s'applique à vrai/faux, pas à \(type)", at: inner.offset)
      }
      return .bool
    case .negate(let inner):
      guard let type = infer(inner, &issues) else { return .number }
      if type != .number { issue("type-mismatch", "`-` s'applique aux nombres, pas à \(type)", at: inner.offset) }
      return .number
    case .and(let lhs, let rhs), .or(let lhs, let rhs):
      let word = { if case .and = expression.node { return "and" } else { return "or" } }()
      for side in [lhs, rhs] {
        if let type = infer(side, &issues), type != .bool {
          issue(
            "type-mismatch", "`\(word)` relie des conditions, mais ce côté est \(type)", hint: hintForNonBoolean(type),
            at: side.offset)
        }
      }
      return .bool
    case .compare(let op, let lhs, let rhs):
      guard let left = infer(lhs, &issues), let right = infer(rhs, &issues) else { return .bool }
      checkComparison(op, lhs, left, rhs, right, &issues)
      return .bool
    case .isIn(let lhs, let rhs):
      guard let left = infer(lhs, &issues), let right = infer(rhs, &issues) else { return .bool }
      guard case .list(let element) = right else {
        var hint: String?
        if case .checklist = right, case .text = left { hint = "pour tester une liste à cocher, écrivez has(v, 'x')" }
        issue(
          "type-mismatch", "`in` demande une liste à sa droite, comme ['a', 'b'], pas \(right)", hint: hint,
          at: rhs.offset)
        return .bool
      }
      switch left {
      case .number, .text: break
      default:
        issue(
          "type-mismatch", "`in` teste un nombre ou un texte, pas \(left)", hint: hintForChecklist(left), at: lhs.offset
        )
        return .bool
      }
      if let element, !element.matches(left) {
        issue("type-mismatch", "`in` compare \(left) à une liste dont les éléments sont \(element)", at: rhs.offset)
        return .bool
      }
      if case .text(let options?) = left, case .list(let items) = rhs.node {
        for item in items { checkOption(item, among: options, variable: lhs, &issues) }
      }
      return .bool
    case .arithmetic(let op, let lhs, let rhs):
      for side in [lhs, rhs] {
        if let type = infer(side, &issues), type != .number {
          issue("type-mismatch", "`\(op.rawValue)` porte sur des nombres, pas sur \(type)", at: side.offset)
        }
      }
      return .number
    case .call(let function, let arguments):
      return checkCall(function, arguments, at: offset, &issues)
    }
  }

  private func hintForChecklist(_ type: ValueType) -> String? {
    if case .checklist = type { return "pour une liste à cocher, utilisez has(v, 'x'), count(v) ou score(v)" }
    if case .place = type { return "comparez plutôt departement ou commune" }
    return nil
  }

  private func checkComparison(
    _ op: ComparisonOperator, _ lhs: Expression, _ left: ValueType, _ rhs: Expression, _ right: ValueType,
    _ issues: inout [ExpressionIssue]
  ) {
    for (side, type) in [(lhs, left), (rhs, right)] {
      switch type {
      case .checklist, .place, .list:
        issues.append(
          ExpressionIssue(
            code: "type-mismatch", message: "`\(op.rawValue)` ne peut pas comparer \(type)", offset: side.offset,
            hint: hintForChecklist(type) ?? "utilisez `in` pour tester l'appartenance à une liste"))
        return
      default: continue
      }
    }
    guard left.matches(right) else {
      issues.append(
        ExpressionIssue(
          code: "type-mismatch", message: "`\(op.rawValue)` compare \(left) à \(right)", offset: lhs.offset,
          hint: typeHint(left, right)))
      return
    }
    if case .bool = left, op != .equal, op != .notEqual {
      issues.append(
        ExpressionIssue(
          code: "type-mismatch", message: "`\(op.rawValue)` ne peut pas ordonner des oui/non", offset: lhs.offset))
    }
    if case .text = left, op != .equal, op != .notEqual {
      issues.append(
        ExpressionIssue(
          code: "type-mismatch", message: "`\(op.rawValue)` ordonne des nombres, pas du texte", offset: lhs.offset,
          hint: "écrivez = ou !="))
    }
    if case .text(let options?) = left { checkOption(rhs, among: options, variable: lhs, &issues) }
    if case .text(let options?) = right { checkOption(lhs, among: options, variable: rhs, &issues) }
  }

  private func typeHint(_ left: ValueType, _ right: ValueType) -> String? {
    if case .bool = left, case .text = right { return "écrivez true ou false sans guillemets" }
    if case .number = left, case .text = right { return "écrivez le nombre sans guillemets" }
    if case .text = left, case .number = right { return "mettez la valeur entre guillemets : '15'" }
    return nil
  }

  /// A text literal compared with a choice must be one of its options.
  private func checkOption(
    _ literal: Expression, among options: [String], variable: Expression, _ issues: inout [ExpressionIssue]
  ) {
    guard case .text(let value) = literal.node, !options.contains(value) else { return }
    let name = { if case .variable(let name) = variable.node { return name } else { return "la variable" } }()
    issues.append(
      ExpressionIssue(
        code: "unknown-option-value",
        message: "« \(value) » n'est pas une option de « \(name) » (options : \(options.joined(separator: ", ")))",
        offset: literal.offset, hint: Suggestion.hint(for: value, among: options)))
  }

  private func checkCall(
    _ function: ExpressionFunction, _ arguments: [Expression], at offset: Int, _ issues: inout [ExpressionIssue]
  ) -> ValueType? {
    let result: ValueType = function == .count || function == .score ? .number : .bool
    guard let first = arguments.first else { return result }
    guard case .variable(let name) = first.node else {
      issues.append(
        ExpressionIssue(
          code: "type-mismatch", message: "\(function.rawValue)() prend un nom de variable", offset: first.offset,
          hint: "écrivez \(function.rawValue)(variable)"))
      return result
    }
    guard let type = variableType(name, at: first.offset, &issues) else { return result }
    switch function {
    case .known, .unknown:
      return .bool
    case .count, .score, .has:
      guard case .checklist(let options) = type else {
        var hint: String?
        if function == .has, case .text(let options?) = type, options.count > 0 {
          hint = "pour un choix, écrivez \(name) = '\(options[0])'"
        }
        issues.append(
          ExpressionIssue(
            code: "type-mismatch",
            message: "\(function.rawValue)() demande une liste à cocher (multi), mais « \(name) » est \(type)",
            offset: first.offset, hint: hint))
        return result
      }
      if function == .has, arguments.count == 2 {
        let value = arguments[1]
        if case .text = value.node {
          checkOption(value, among: options, variable: first, &issues)
        } else {
          issues.append(
            ExpressionIssue(
              code: "type-mismatch", message: "has() prend la valeur de l'option entre guillemets",
              offset: value.offset,
              hint: options.first.map { "écrivez has(\(name), '\($0)')" }))
        }
      }
      return result
    }
  }

  private func variableType(_ name: String, at offset: Int, _ issues: inout [ExpressionIssue]) -> ValueType? {
    if let type = variables[name] { return type }
    var hint = Suggestion.hint(for: name, among: variables.keys.sorted())
    if let variable = stepVariables[name] {
      hint = "l'étape « \(name) » garde sa réponse dans « \(variable) »"
    } else if silentSteps.contains(name) {
      hint = "l'étape « \(name) » ne pose aucune question : elle n'a pas de valeur"
    } else if let dashed = stepVariables[name.replacingOccurrences(of: "_", with: "-")] {
      hint = Suggestion.didYouMean(dashed)
    }
    issues.append(
      ExpressionIssue(code: "unknown-variable", message: "variable « \(name) » inconnue", offset: offset, hint: hint))
    return nil
  }
}
