import RepereBase

/// Where a protocol applies: everywhere, or in a list of départements.
public enum ProtocolScope: Sendable, Hashable {
  case national
  case departements([String])

  /// True when the protocol applies in `departement`.
  public func covers(_ departement: String) -> Bool {
    switch self {
    case .national: return true
    case .departements(let codes): return codes.contains(departement)
    }
  }
}

/// One protocol, as loaded from its file or merged with the base it extends.
public struct ProtocolDefinition: Sendable {
  public var id: String
  public var title: String
  public var version: String
  /// The first step (for an overlay that does not set it, the base's, once merged).
  public var start: String
  public var steps: [Step]
  /// The level scale, highest urgency first.
  public var levels: [String]
  public var dispositions: [String: Disposition]
  public var sources: [String: SourceReference]
  public var scope: ProtocolScope
  public var audience: [String]
  /// The base protocol this one overlays, if any.
  public var extends: String?
  /// Steps of the base this overlay drops (before merging).
  public var removedSteps: [String]
  public var validFrom: CalendarDay?
  public var validTo: CalendarDay?
  public var reviewBy: CalendarDay?
  /// The file the protocol comes from (relative to the data folder) and where it starts.
  public var location: SourceLocation
  public var fieldLocations: [String: SourceLocation]
  /// For a merged overlay, every file that contributed, base first.
  public var files: [String]
  /// True when the file gave its own `levels` (an overlay keeps its base's).
  public var declaresLevels: Bool

  private var stepIndex: [String: Int]

  /// The default scale of the spec, highest first.
  public static var defaultLevels: [String] { LevelScale.defaultLevels }

  public init(
    id: String, title: String, version: String, start: String, steps: [Step], levels: [String]? = nil,
    dispositions: [String: Disposition] = [:], sources: [String: SourceReference] = [:],
    scope: ProtocolScope = .national, audience: [String] = [], extends: String? = nil, removedSteps: [String] = [],
    validFrom: CalendarDay? = nil, validTo: CalendarDay? = nil, reviewBy: CalendarDay? = nil,
    location: SourceLocation = .unknown, fieldLocations: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.title = title
    self.version = version
    self.start = start
    self.steps = steps
    self.levels = levels ?? ProtocolDefinition.defaultLevels
    self.declaresLevels = levels != nil
    self.dispositions = dispositions
    self.sources = sources
    self.scope = scope
    self.audience = audience
    self.extends = extends
    self.removedSteps = removedSteps
    self.validFrom = validFrom
    self.validTo = validTo
    self.reviewBy = reviewBy
    self.location = location
    self.fieldLocations = fieldLocations
    self.files = [location.file]
    self.stepIndex = ProtocolDefinition.index(steps)
  }

  /// The step with this id (the first, when a broken file repeats an id).
  public func step(_ id: String) -> Step? {
    stepIndex[id].map { steps[$0] }
  }

  /// The position in `steps` of the step with this id (the first, when repeated).
  func position(ofStep id: String) -> Int? { stepIndex[id] }

  /// Replaces the steps, keeping the lookup index in step.
  public mutating func setSteps(_ newSteps: [Step]) {
    steps = newSteps
    stepIndex = ProtocolDefinition.index(newSteps)
  }

  public func location(of field: String) -> SourceLocation { fieldLocations[field] ?? location }

  /// The rank of a level in the scale (0 is the most urgent), nil when not in the scale.
  public func rank(ofLevel level: String) -> Int? { levels.firstIndex(of: level) }

  /// The most urgent of `candidates` according to the scale; unknown levels rank last.
  public func highestLevel(among candidates: [String]) -> String? {
    candidates.min { (rank(ofLevel: $0) ?? Int.max) < (rank(ofLevel: $1) ?? Int.max) }
  }

  /// Every step that asks for a variable, by variable name (first step wins).
  public var variableSteps: [String: Step] {
    var result: [String: Step] = [:]
    for step in steps where step.kind.asksQuestion && result[step.variable] == nil {
      result[step.variable] = step
    }
    return result
  }

  private static func index(_ steps: [Step]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (offset, step) in steps.enumerated() where index[step.id] == nil { index[step.id] = offset }
    return index
  }
}
