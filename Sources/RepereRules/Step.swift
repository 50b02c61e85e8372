import Foundation
import RepereBase

/// One option of a `choice` or `multi` step.
public struct StepOption: Sendable, Hashable {
  /// The value stored in the answer (what expressions compare with).
  public var value: String
  /// What the person reads.
  public var label: String
  /// Where this option leads (`choice` only); wins over the step's `next`.
  public var next: String?
  public var help: String?
  /// Weight for `score(v)` on a `multi`; 1 when not given.
  public var weight: Double
  public var location: SourceLocation

  public init(
    value: String, label: String, next: String? = nil, help: String? = nil, weight: Double = 1,
    location: SourceLocation = .unknown
  ) {
    self.value = value
    self.label = label
    self.next = next
    self.help = help
    self.weight = weight
    self.location = location
  }
}

/// A condition as written in a file, parsed once; `expression` is nil when it did not parse.
public struct Condition: Sendable, Hashable {
  public var source: String
  public var expression: Expression?
  /// Where the text of the condition starts (inside the quotes when quoted).
  public var location: SourceLocation

  public init(source: String, expression: Expression?, location: SourceLocation) {
    self.source = source
    self.expression = expression
    self.location = location
  }
}

/// One branch of a `route` step: the first whose `when` holds wins; the last has no `when`.
public struct Route: Sendable, Hashable {
  public var condition: Condition?
  public var next: String
  public var location: SourceLocation

  public init(condition: Condition?, next: String, location: SourceLocation = .unknown) {
    self.condition = condition
    self.next = next
    self.location = location
  }
}

/// `recommend: [{disposition, when?}]`: adds a disposition when the walk passes the step.
public struct Recommendation: Sendable, Hashable {
  public var disposition: String
  public var condition: Condition?
  public var location: SourceLocation

  public init(disposition: String, condition: Condition? = nil, location: SourceLocation = .unknown) {
    self.disposition = disposition
    self.condition = condition
    self.location = location
  }
}

/// One step of a protocol.
public struct Step: Sendable, Hashable {
  public var id: String
  public var kind: StepKind
  public var text: String?
  /// A few words naming the question where there is no room for its text (the path pane at
  /// 80×24): « Danger immédiat », « Âge ». An extension of the format (docs/formats-extensions.md).
  public var short: String?
  public var help: String?
  /// Source ids cited as the step's justification.
  public var why: [String]
  /// The variable that stores the answer (default: the id with `-` turned into `_`).
  public var variable: String
  public var options: [StepOption]
  /// Where « Je ne sais pas » leads; nil when the step does not offer it.
  public var unknownNext: String?
  /// `yesno` branches.
  public var yes: String?
  public var no: String?
  /// The step's own `next` (options of a `choice` may override it).
  public var next: String?
  /// `number` bounds and unit.
  public var min: Double?
  public var max: Double?
  public var unit: String?
  /// `route` branches, in order.
  public var routes: [Route]
  /// `outcome`: the disposition it ends with.
  public var disposition: String?
  public var recommend: [Recommendation]
  /// Where the step starts in its file.
  public var location: SourceLocation
  /// Where each field's value is written (`yes`, `next`, `disposition`, `why`, …), for findings.
  public var fieldLocations: [String: SourceLocation]

  public init(
    id: String, kind: StepKind, text: String? = nil, help: String? = nil, why: [String] = [],
    variable: String? = nil, options: [StepOption] = [], unknownNext: String? = nil, yes: String? = nil,
    no: String? = nil, next: String? = nil, min: Double? = nil, max: Double? = nil, unit: String? = nil,
    routes: [Route] = [], disposition: String? = nil, recommend: [Recommendation] = [],
    location: SourceLocation = .unknown, fieldLocations: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.help = help
    self.why = why
    self.variable = variable ?? Step.defaultVariable(for: id)
    self.options = options
    self.unknownNext = unknownNext
    self.yes = yes
    self.no = no
    self.next = next
    self.min = min
    self.max = max
    self.unit = unit
    self.routes = routes
    self.disposition = disposition
    self.recommend = recommend
    self.location = location
    self.fieldLocations = fieldLocations
  }

  /// The spec's default variable name: the id with `-` turned into `_`.
  public static func defaultVariable(for id: String) -> String {
    id.replacingOccurrences(of: "-", with: "_")
  }

  /// The option with this value, if any.
  public func option(_ value: String) -> StepOption? { options.first { $0.value == value } }

  /// Where a field's value is written, falling back to the step itself.
  public func location(of field: String) -> SourceLocation { fieldLocations[field] ?? location }

  /// Every step this one may lead to, with the field that names it (for graph analysis).
  public var successors: [(field: String, target: String, location: SourceLocation)] {
    var result: [(String, String, SourceLocation)] = []
    switch kind {
    case .yesno:
      if let yes { result.append(("yes", yes, location(of: "yes"))) }
      if let no { result.append(("no", no, location(of: "no"))) }
    case .choice:
      for option in options {
        if let target = option.next ?? next {
          result.append(("next", target, option.next == nil ? location(of: "next") : option.location))
        }
      }
      if options.isEmpty, let next { result.append(("next", next, location(of: "next"))) }
    case .multi, .number, .place, .text, .info:
      if let next { result.append(("next", next, location(of: "next"))) }
    case .route:
      for route in routes { result.append(("next", route.next, route.location)) }
    case .outcome:
      break
    }
    if kind.asksQuestion, let unknownNext { result.append(("unknown", unknownNext, location(of: "unknown"))) }
    return result
  }
}

extension SourceLocation {
  /// A placeholder for values built in code rather than read from a file.
  public static let unknown = SourceLocation(file: "<code>", line: 1, column: 1)
}
