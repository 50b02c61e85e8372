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
    case .number: return "a number"
    case .text(let options): return options == nil ? "text" : "a choice"
    case .bool: return "a yes/no value"
    case .checklist: return "a checklist"
    case .place: return "a place"
    case .list: return "a list"
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
          code: "expression-not-boolean", message: "a condition must be true or false, but this is \(type)",
          offset: expression.offset, hint: hintForNonBoolean(type)))
    }
    return issues
  }

  private func hintForNonBoolean(_ type: ValueType) -> String? {
    switch type {
    case .checklist: return "write count(v) >= 1 or has(v, 'x')"
    case .number: return "compare it: v >= 15"
    case .text(let options): return options.flatMap { $0.first }.map { "compare it: v = '\($0)'" }
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
          issue("type-mismatch", "a list mixes \(element) and \(type)", at: item.offset)
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
        issue("type-mismatch", "'not' applies to true/false, not to \(type)", at: inner.offset)
      }
      return .bool
    case .negate(let inner):
      guard let type = infer(inner, &issues) else { return .number }
      if type != .number { issue("type-mismatch", "'-' applies to numbers, not to \(type)", at: inner.offset) }
      return .number
    case .and(let lhs, let rhs), .or(let lhs, let rhs):
      let word = { if case .and = expression.node { return "and" } else { return "or" } }()
      for side in [lhs, rhs] {
        if let type = infer(side, &issues), type != .bool {
          issue(
            "type-mismatch", "'\(word)' joins conditions, but this side is \(type)", hint: hintForNonBoolean(type),
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
        if case .checklist = right, case .text = left { hint = "to test a checklist write has(v, 'x')" }
        issue(
          "type-mismatch", "'in' needs a list on its right, like ['a', 'b'], not \(right)", hint: hint, at: rhs.offset)
        return .bool
      }
      switch left {
      case .number, .text: break
      default:
        issue(
          "type-mismatch", "'in' tests a number or a text, not \(left)", hint: hintForChecklist(left), at: lhs.offset)
        return .bool
      }
      if let element, !element.matches(left) {
        issue("type-mismatch", "'in' compares \(left) with a list of \(element)", at: rhs.offset)
        return .bool
      }
      if case .text(let options?) = left, case .list(let items) = rhs.node {
        for item in items { checkOption(item, among: options, variable: lhs, &issues) }
      }
      return .bool
    case .arithmetic(let op, let lhs, let rhs):
      for side in [lhs, rhs] {
        if let type = infer(side, &issues), type != .number {
          issue("type-mismatch", "'\(op.rawValue)' works on numbers, not on \(type)", at: side.offset)
        }
      }
      return .number
    case .call(let function, let arguments):
      return checkCall(function, arguments, at: offset, &issues)
    }
  }

  private func hintForChecklist(_ type: ValueType) -> String? {
    if case .checklist = type { return "for a checklist use has(v, 'x'), count(v) or score(v)" }
    if case .place = type { return "compare departement or commune instead" }
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
            code: "type-mismatch", message: "'\(op.rawValue)' cannot compare \(type)", offset: side.offset,
            hint: hintForChecklist(type) ?? "use 'in' to test membership in a list"))
        return
      default: continue
      }
    }
    guard left.matches(right) else {
      issues.append(
        ExpressionIssue(
          code: "type-mismatch", message: "'\(op.rawValue)' compares \(left) with \(right)", offset: lhs.offset,
          hint: typeHint(left, right)))
      return
    }
    if case .bool = left, op != .equal, op != .notEqual {
      issues.append(
        ExpressionIssue(
          code: "type-mismatch", message: "'\(op.rawValue)' cannot order yes/no values", offset: lhs.offset))
    }
    if case .text = left, op != .equal, op != .notEqual {
      issues.append(
        ExpressionIssue(
          code: "type-mismatch", message: "'\(op.rawValue)' orders numbers, not text", offset: lhs.offset,
          hint: "write = or !="))
    }
    if case .text(let options?) = left { checkOption(rhs, among: options, variable: lhs, &issues) }
    if case .text(let options?) = right { checkOption(lhs, among: options, variable: rhs, &issues) }
  }

  private func typeHint(_ left: ValueType, _ right: ValueType) -> String? {
    if case .bool = left, case .text = right { return "write true or false without quotes" }
    if case .number = left, case .text = right { return "write the number without quotes" }
    if case .text = left, case .number = right { return "quote the value: '15'" }
    return nil
  }

  /// A text literal compared with a choice must be one of its options.
  private func checkOption(
    _ literal: Expression, among options: [String], variable: Expression, _ issues: inout [ExpressionIssue]
  ) {
    guard case .text(let value) = literal.node, !options.contains(value) else { return }
    let name = { if case .variable(let name) = variable.node { return name } else { return "the variable" } }()
    issues.append(
      ExpressionIssue(
        code: "unknown-option-value",
        message: "'\(value)' is not an option of \(name) (options: \(options.joined(separator: ", ")))",
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
          code: "type-mismatch", message: "\(function.rawValue)() takes a variable name", offset: first.offset,
          hint: "write \(function.rawValue)(variable)"))
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
          hint = "for a choice write \(name) = '\(options[0])'"
        }
        issues.append(
          ExpressionIssue(
            code: "type-mismatch", message: "\(function.rawValue)() needs a checklist (multi), but \(name) is \(type)",
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
              code: "type-mismatch", message: "has() takes the option's value as quoted text", offset: value.offset,
              hint: options.first.map { "write has(\(name), '\($0)')" }))
        }
      }
      return result
    }
  }

  private func variableType(_ name: String, at offset: Int, _ issues: inout [ExpressionIssue]) -> ValueType? {
    if let type = variables[name] { return type }
    var hint = Suggestion.hint(for: name, among: variables.keys.sorted())
    if let variable = stepVariables[name] {
      hint = "step '\(name)' stores its answer in '\(variable)'"
    } else if silentSteps.contains(name) {
      hint = "step '\(name)' asks nothing, so it has no value"
    } else if let dashed = stepVariables[name.replacingOccurrences(of: "_", with: "-")] {
      hint = "did you mean '\(dashed)'?"
    }
    issues.append(
      ExpressionIssue(code: "unknown-variable", message: "unknown variable '\(name)'", offset: offset, hint: hint))
    return nil
  }
}
