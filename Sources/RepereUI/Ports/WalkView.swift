import RepereBase

/// What the interface shows of a walk through a protocol. The walker adapter builds it from the
/// rules module's state; screens only read it, so they are tested without the rules engine.
public struct WalkView: Hashable, Sendable {
  public var protocolID: String
  public var protocolTitle: String
  public var protocolVersion: String
  /// « hors période de validité (jusqu'au 31/12/2027) » when today is outside the window.
  public var validityWarning: String?
  /// The step waiting for an answer; nil once the walk has reached its outcome.
  public var current: StepView?
  /// The steps answered so far, in walk order.
  public var path: [PathItem]
  /// Answers kept but no longer on the path since an earlier answer changed.
  public var setAside: [PathItem]
  /// The dispositions gathered so far, highest level first.
  public var dispositions: [DispositionView]
  /// The case's level (highest among dispositions, or raised by the professional).
  public var level: LevelView?
  /// The protocol's scale, highest urgency first.
  public var levels: [LevelView]
  public var place: PlaceValue?
  /// Why the level was raised, when it was.
  public var raisedReason: String?
  /// During the questions: the lowest level every ending still possible reaches (nil when
  /// unknown or when the walk is finished). Never below `level` once shown.
  public var impliedLevel: LevelView?

  /// The level the header shows: the walk's, raised to what the answers already imply.
  /// A floor at the bottom of the scale says nothing: every case reaches it.
  public var headerLevel: LevelView? {
    guard let implied = impliedLevel, implied.rank < levels.count - 1 else { return level }
    guard let level else { return implied }
    return implied.rank < level.rank ? implied : level
  }

  public init(
    protocolID: String, protocolTitle: String, protocolVersion: String, validityWarning: String? = nil,
    current: StepView?, path: [PathItem] = [], setAside: [PathItem] = [], dispositions: [DispositionView] = [],
    level: LevelView? = nil, levels: [LevelView] = LevelView.defaultScale, place: PlaceValue? = nil,
    raisedReason: String? = nil, impliedLevel: LevelView? = nil
  ) {
    self.protocolID = protocolID
    self.protocolTitle = protocolTitle
    self.protocolVersion = protocolVersion
    self.validityWarning = validityWarning
    self.current = current
    self.path = path
    self.setAside = setAside
    self.dispositions = dispositions
    self.level = level
    self.levels = levels
    self.place = place
    self.raisedReason = raisedReason
    self.impliedLevel = impliedLevel
  }

  /// The walk reached an outcome: the orientation is complete.
  public var isFinished: Bool { current == nil }
}

/// One question as the interface asks it.
public struct StepView: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case yesno, choice, multi, number, place, text, info
  }

  public var id: String
  public var kind: Kind
  public var text: String
  public var help: String?
  /// Options for yesno (oui/non), choice and multi.
  public var options: [OptionView]
  /// The protocol offers « Je ne sais pas » (`unknown:`).
  public var allowsUnknown: Bool
  public var minimum: Double?
  public var maximum: Double?
  public var unit: String?
  /// The answer already given (when changing an earlier answer).
  public var currentAnswer: AnswerInput?
  /// Source titles cited by the step (`why`).
  public var sources: [String]

  public init(
    id: String, kind: Kind, text: String, help: String? = nil, options: [OptionView] = [],
    allowsUnknown: Bool = false, minimum: Double? = nil, maximum: Double? = nil, unit: String? = nil,
    currentAnswer: AnswerInput? = nil, sources: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.help = help
    self.options = options
    self.allowsUnknown = allowsUnknown
    self.minimum = minimum
    self.maximum = maximum
    self.unit = unit
    self.currentAnswer = currentAnswer
    self.sources = sources
  }

  /// Steps answered by typing a line rather than picking an option.
  public var takesTypedInput: Bool { kind == .number || kind == .text || kind == .place }
}

/// An option of a choice or checklist.
public struct OptionView: Hashable, Sendable {
  public var value: String
  public var label: String
  public var help: String?

  public init(value: String, label: String, help: String? = nil) {
    self.value = value
    self.label = label
    self.help = help
  }
}

/// An answered step on the path (or set aside).
public struct PathItem: Hashable, Sendable {
  public var stepID: String
  public var question: String
  /// The question in a few words, when the protocol gives them (`short`), for narrow places.
  public var short: String?
  /// The answer as people read it: « oui », « 15 », « Fugues, Hôtel ».
  public var answer: String
  /// The answer was changed after it was first given.
  public var changed: Bool
  /// The labels ticked, for a checklist answer (the narrow path pane counts and abridges them).
  public var ticked: [String]

  public init(
    stepID: String, question: String, short: String? = nil, answer: String, changed: Bool = false,
    ticked: [String] = []
  ) {
    self.stepID = stepID
    self.question = question
    self.short = short
    self.answer = answer
    self.changed = changed
    self.ticked = ticked
  }
}

/// A level of the protocol's scale.
public struct LevelView: Hashable, Sendable {
  public var id: String
  /// 0 is the most urgent.
  public var rank: Int

  public init(id: String, rank: Int) {
    self.id = id
    self.rank = rank
  }

  /// The default scale of `repere/protocol@1`.
  public static let defaultScale: [LevelView] = LevelScale.defaultLevels.enumerated().map {
    LevelView(id: $1, rank: $0)
  }
}

/// A disposition gathered by the walk.
public struct DispositionView: Hashable, Sendable {
  public var code: String
  public var title: String
  public var level: LevelView
  public var timeframe: String?
  public var text: String?
  public var actions: [String]
  public var contacts: [ContactQuery]
  /// Titles of the sources cited (`why`).
  public var sources: [String]

  public init(
    code: String, title: String, level: LevelView, timeframe: String? = nil, text: String? = nil,
    actions: [String] = [], contacts: [ContactQuery] = [], sources: [String] = []
  ) {
    self.code = code
    self.title = title
    self.level = level
    self.timeframe = timeframe
    self.text = text
    self.actions = actions
    self.contacts = contacts
    self.sources = sources
  }
}

/// An answer as the interface collects it.
public enum AnswerInput: Hashable, Sendable {
  case bool(Bool)
  case choice(String)
  case multi(Set<String>)
  case number(Double)
  case text(String)
  case place(PlaceValue)
  /// « Je ne sais pas ».
  case unknown
  /// An `info` step was read.
  case acknowledged
}
