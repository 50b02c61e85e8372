import RepereBase

/// The paths some answers actually produce: every distinct sequence of steps from `start` to an
/// outcome that the walk takes for at least one set of answers (routes and `recommend`
/// conditions evaluated, overlays switched to by the place), found by trying every class of
/// answers at every question (`AnswerDomains`), not by sampling.
///
/// A path is identified by the protocol in force at its end and its steps, as a scenario's
/// `expect.path` is. The same steps may gather different dispositions (a `recommend` whose
/// condition held or not): each distinct set is a `Variant` of the path, with answers that
/// produce it.
///
/// `StepGraph`/`PathAnalysis` keep the structural view (every branch possible), which `check`
/// needs to stay conservative.
public struct FeasiblePaths: Sendable {
  /// Bounds that keep the enumeration finite on any protocol; reaching one sets `truncation`.
  public struct Limits: Sendable, Hashable {
    /// Distinct paths kept.
    public var maxPaths: Int
    /// Steps and example answers kept over all paths (memory).
    public var maxStoredSteps: Int
    /// Steps walked, in total (time).
    public var maxWork: Int

    public init(maxPaths: Int = 10_000, maxStoredSteps: Int = 1_000_000, maxWork: Int = 5_000_000) {
      self.maxPaths = maxPaths
      self.maxStoredSteps = maxStoredSteps
      self.maxWork = maxWork
    }
  }

  /// Which limit stopped the enumeration.
  public enum Truncation: String, Sendable, Hashable {
    case paths, storedSteps, work

    /// In French.
    public var message: String {
      switch self {
      case .paths: return "nombre maximal de parcours atteint"
      case .storedSteps: return "nombre maximal d'étapes mémorisées atteint"
      case .work: return "nombre maximal d'étapes parcourues atteint"
      }
    }
  }

  /// One answer of an example.
  public struct Answer: Sendable, Hashable {
    public var stepID: String
    public var value: AnswerValue

    public init(stepID: String, value: AnswerValue) {
      self.stepID = stepID
      self.value = value
    }

    /// « step=value », as `repere walk --answer` takes it.
    public var text: String { "\(stepID)=\(value.textForm)" }
  }

  /// One set of dispositions a path gathers, with answers that produce it.
  public struct Variant: Sendable, Hashable {
    /// Codes in the order the walk gathered them.
    public var dispositions: [String]
    /// Answers (the path's questions first, in path order) that walk this path and gather
    /// exactly these dispositions.
    public var example: [Answer]

    public init(dispositions: [String], example: [Answer]) {
      self.dispositions = dispositions
      self.example = example
    }
  }

  /// A distinct feasible path.
  public struct Path: Sendable, Hashable {
    /// The protocol in force at the end (an overlay once the place selected one).
    public var protocolID: String
    public var steps: [String]
    /// The disposition of the outcome that ends it.
    public var outcome: String?
    /// Each distinct set of dispositions, in the order found.
    public var variants: [Variant]

    public init(protocolID: String, steps: [String], outcome: String?, variants: [Variant]) {
      self.protocolID = protocolID
      self.steps = steps
      self.outcome = outcome
      self.variants = variants
    }

    /// True when some answers along this path gather `code`.
    public func gathers(_ code: String) -> Bool { variants.contains { $0.dispositions.contains(code) } }

    /// True when every answers along this path gather `code`.
    public func alwaysGathers(_ code: String) -> Bool { variants.allSatisfy { $0.dispositions.contains(code) } }
  }

  /// Walks that stopped on a problem (`check` reports the cause statically), by message.
  public struct Problem: Sendable, Hashable {
    public var protocolID: String
    public var message: String
    public var count: Int
    /// The first such walk's steps and answers.
    public var steps: [String]
    public var example: [Answer]
  }

  /// The paths that gather one disposition, or that end at one outcome step.
  public struct Group: Sendable, Hashable {
    /// The disposition's code.
    public var code: String
    public var level: String
    /// The outcome step, for groups by outcome.
    public var stepID: String?
    /// Indices into `paths`.
    public var paths: [Int]
    /// How many of them gather it whatever the answers along the path.
    public var always: Int

    public var count: Int { paths.count }
  }

  /// The protocol the walks start on.
  public var protocolID: String
  public var paths: [Path]
  /// By disposition, most urgent level first; every disposition some path gathers.
  public var dispositions: [Group]
  /// By outcome step, most urgent level first.
  public var outcomes: [Group]
  /// Dispositions of the protocols walked that no feasible path gathers.
  public var unreached: [String]
  public var problems: [Problem]
  public var truncation: Truncation?
  /// Conditions whose answers the enumeration cannot split exactly (it may miss paths there).
  public var approximations: [String]
  /// Answers tried in all (after deduplication).
  public var answersTried: Int

  /// True when a limit stopped the enumeration: counts are then lower bounds.
  public var truncated: Bool { truncation != nil }

  /// Paths × sets of dispositions.
  public var variantCount: Int { paths.reduce(0) { $0 + $1.variants.count } }

  /// Enumerates the feasible paths of `protocolID` (nil when the library lacks it).
  public static func enumerate(library: ProtocolLibrary, protocolID: String, limits: Limits = Limits())
    -> FeasiblePaths?
  {
    guard let start = library.protocolDefinition(protocolID) else { return nil }
    var enumerator = FeasiblePathEnumerator(library: library, start: start, limits: limits)
    enumerator.run()
    // Paths under the protocol asked for first, then those under an overlay the place selects.
    let paths =
      enumerator.paths.filter { $0.protocolID == start.id } + enumerator.paths.filter { $0.protocolID != start.id }
    var walked = [start]
    for id in Set(paths.map(\.protocolID)).sorted() where id != start.id {
      if let definition = library.protocolDefinition(id) { walked.append(definition) }
    }
    var levels: [String: String] = [:]
    for definition in walked.reversed() {
      for (code, disposition) in definition.dispositions { levels[code] = disposition.level }
    }
    func rank(_ code: String) -> Int { start.rank(ofLevel: levels[code] ?? "") ?? Int.max }

    var byCode: [String: [Int]] = [:]
    var alwaysByCode: [String: Int] = [:]
    var byOutcome: [String: (code: String, paths: [Int])] = [:]
    for (index, path) in paths.enumerated() {
      for code in Set(path.variants.flatMap(\.dispositions)) {
        byCode[code, default: []].append(index)
        if path.alwaysGathers(code) { alwaysByCode[code, default: 0] += 1 }
      }
      if let last = path.steps.last {
        byOutcome[last, default: (path.outcome ?? "", [])].paths.append(index)
      }
    }
    let dispositions = byCode.keys.sorted { (rank($0), $0) < (rank($1), $1) }.map { code in
      Group(
        code: code, level: levels[code] ?? "", stepID: nil, paths: byCode[code] ?? [],
        always: alwaysByCode[code] ?? 0)
    }
    let outcomes = byOutcome.keys.sorted {
      (rank(byOutcome[$0]?.code ?? ""), $0) < (rank(byOutcome[$1]?.code ?? ""), $1)
    }.compactMap { step -> Group? in
      guard let group = byOutcome[step] else { return nil }
      return Group(
        code: group.code, level: levels[group.code] ?? "", stepID: step, paths: group.paths, always: group.paths.count)
    }
    let unreached = levels.keys.filter { byCode[$0] == nil }.sorted { (rank($0), $0) < (rank($1), $1) }
    return FeasiblePaths(
      protocolID: start.id, paths: paths, dispositions: dispositions, outcomes: outcomes, unreached: unreached,
      problems: enumerator.problems, truncation: enumerator.truncation, approximations: enumerator.approximations,
      answersTried: enumerator.answersTried)
  }

  /// What walks (scenarios') cover of these paths.
  public struct Coverage: Sendable, Hashable {
    /// Indices of the paths some walk took.
    public var paths: Set<Int>
    /// (path index, variant index) of the variants some walk produced.
    public var variants: Set<[Int]>
    /// Dispositions gathered by a covered variant, in the order of `dispositions`.
    public var dispositions: [String]
    /// Dispositions some feasible path gathers but no covered variant does.
    public var uncoveredDispositions: [String]
    /// Indices of the walks given that match no feasible path.
    public var unmatchedWalks: [Int]
    public var pathPercent: Double
    public var variantPercent: Double
  }

  /// Which paths and variants `walks` take: a finished walk covers a path when it ends under
  /// the same protocol with the same steps, and a variant when it also gathers the same
  /// dispositions.
  public func coverage(of walks: [WalkState]) -> Coverage {
    var index: [String: [Int]] = [:]
    for (position, path) in paths.enumerated() {
      index[Self.key(path.protocolID, path.steps), default: []].append(position)
    }
    var coveredPaths = Set<Int>()
    var coveredVariants = Set<[Int]>()
    var unmatched: [Int] = []
    for (walkIndex, walk) in walks.enumerated() {
      guard walk.isFinished, let position = index[Self.key(walk.protocolID, walk.pathIDs)]?.first else {
        unmatched.append(walkIndex)
        continue
      }
      coveredPaths.insert(position)
      let codes = Set(walk.dispositionCodes)
      if let variant = paths[position].variants.firstIndex(where: { Set($0.dispositions) == codes }) {
        coveredVariants.insert([position, variant])
      }
    }
    var coveredCodes = Set<String>()
    for pair in coveredVariants { coveredCodes.formUnion(paths[pair[0]].variants[pair[1]].dispositions) }
    let ordered = dispositions.map(\.code)
    let variants = variantCount
    return Coverage(
      paths: coveredPaths, variants: coveredVariants, dispositions: ordered.filter { coveredCodes.contains($0) },
      uncoveredDispositions: ordered.filter { !coveredCodes.contains($0) }, unmatchedWalks: unmatched,
      pathPercent: paths.isEmpty ? 0 : Double(coveredPaths.count) / Double(paths.count) * 100,
      variantPercent: variants == 0 ? 0 : Double(coveredVariants.count) / Double(variants) * 100)
  }

  /// A path gathering `code`, preferring the shortest, with the variant that gathers it.
  public func example(gathering code: String) -> (path: Path, variant: Variant)? {
    guard let group = dispositions.first(where: { $0.code == code }) else { return nil }
    let candidates = group.paths.map { paths[$0] }
    guard let path = candidates.min(by: { $0.steps.count < $1.steps.count }),
      let variant = path.variants.first(where: { $0.dispositions.contains(code) })
    else { return nil }
    return (path, variant)
  }

  private static func key(_ protocolID: String, _ steps: [String]) -> String {
    ([protocolID] + steps).joined(separator: "\u{1}")
  }
}
