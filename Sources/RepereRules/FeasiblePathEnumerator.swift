import RepereBase

/// Depth-first enumeration of the walks of a protocol over the answer classes of
/// `AnswerDomains`. It keeps one `WalkRun` per protocol the walk has been under (the switch
/// to an overlay re-walks from the overlay's start, as `Walker.walk(library:…)` does), answers
/// the pending question of the last one with each class in turn, and rewinds before the next.
///
/// Memoisation: two states of the walk with the same protocols, the same path so far (hence
/// the same variables bound), the same dispositions gathered, standing at the same step, and
/// that no condition ahead can tell apart, have the same futures — the same paths to record —
/// so a state seen once is not explored again, whichever answers led to it. "Cannot tell
/// apart", for each condition ahead that reads a bound variable: when none of its variables
/// is asked again ahead, the same truth value; otherwise, for each of its atoms (comparisons,
/// `has`, `known`, … combined by `and`/`or`/`not`), the same truth value when its variables
/// are not asked again, the same values of its variables when they are. Not applied while a
/// `place` step lies ahead of any run (a switch of protocol re-walks everything).
struct FeasiblePathEnumerator {
  private struct Frame {
    var step: Step
    var values: [AnswerValue]
    var nextIndex = 0
    var applied: Applied?
  }

  /// What undoes one answer.
  private struct Applied {
    var marks: [WalkRun.Mark]
    /// The chain of runs before a switch changed it.
    var savedChain: [WalkRun]?
  }

  /// What the future of a state depends on (see the type's comment).
  private struct StateKey: Hashable {
    var protocols: [String]
    /// The path so far, as its node in `trie`.
    var path: Int
    /// Codes gathered, sorted.
    var gathered: [String]
    var position: String
    /// Per condition then atom: 0 false, 1 true, 2 decided by the future (values follow).
    var truths: [UInt8]
    var values: [AnswerValue?]
    /// Answers to steps off the last run's path (given under another protocol of the chain).
    var offPath: [String: AnswerValue]
  }

  private struct PathKey: Hashable {
    var protocolID: String
    var node: Int
  }

  private struct TrieEdge: Hashable {
    var parent: Int
    var step: String
  }

  private struct VariantKey: Hashable {
    var path: Int
    var dispositions: [String]
  }

  let library: ProtocolLibrary
  let family: String
  let limits: FeasiblePaths.Limits
  private var domains: AnswerDomains
  private var answers: [String: AnswerValue] = [:]
  private var chain: [WalkRun] = []
  private var layouts: [String: ProtocolLayout] = [:]
  private var visited: Set<StateKey> = []
  private var domainCache: [String: [String: [AnswerValue]]] = [:]
  private var pathIndex: [PathKey: Int] = [:]
  private var variantKeys: Set<VariantKey> = []
  /// Every path prefix seen, as a node: a path is identified by one integer, extended step by
  /// step as the walk advances, instead of by its array of step ids.
  private var trie: [TrieEdge: Int] = [:]
  /// The trie nodes of the last run's path, position by position.
  private var trail: [Int] = []
  private var trailProtocol = ""
  private var targets: [String: String] = [:]
  private(set) var paths: [FeasiblePaths.Path] = []
  private(set) var problems: [FeasiblePaths.Problem] = []
  private(set) var answersTried = 0
  private(set) var truncation: FeasiblePaths.Truncation?
  private var work = 0
  private var storedSteps = 0

  /// `given`: answers already known (a case under way); only the futures they allow are walked.
  init(
    library: ProtocolLibrary, start: ProtocolDefinition, limits: FeasiblePaths.Limits,
    given: [String: AnswerValue] = [:]
  ) {
    self.library = library
    self.limits = limits
    self.answers = given
    let family = library.root(of: start.id)
    self.family = family
    let members = library.ids.filter { library.root(of: $0) == family }.compactMap { library.protocolDefinition($0) }
    self.domains = AnswerDomains(family: members.isEmpty ? [start] : members)
    self.chain = [WalkRun(start, acknowledgeInfo: true, explains: false)]
  }

  var approximations: [String] { domains.approximations }

  private var last: Int { chain.count - 1 }

  /// Runs the enumeration to the end or to a limit.
  mutating func run() {
    chain[0].advance(answers: answers)
    _ = rebuildChain()
    syncTrail()
    var stack: [Frame] = []
    if let frame = settle() { stack.append(frame) }
    while truncation == nil, var frame = stack.popLast() {
      if let applied = frame.applied {
        undo(applied, step: frame.step)
        frame.applied = nil
      }
      guard frame.nextIndex < frame.values.count else { continue }
      let value = frame.values[frame.nextIndex]
      frame.nextIndex += 1
      let applied = apply(value, to: frame.step)
      frame.applied = applied
      answersTried += 1
      if work > limits.maxWork {
        truncation = .work
        break
      }
      if let key = stateKey(), !visited.insert(key).inserted {
        stack.append(frame)
        continue
      }
      let child = settle()
      stack.append(frame)
      if let child { stack.append(child) }
    }
  }

  // MARK: Answering and undoing

  private mutating func apply(_ value: AnswerValue, to step: Step) -> Applied {
    answers[step.id] = value
    let marks = chain.map { $0.mark() }
    var placeMoved = false
    for index in chain.indices where chain[index].isWaiting && chain[index].current == step.id {
      // A run that cannot reach a place step never changes the protocol in force: it need
      // not follow the answers (only the last run's walk is the result).
      guard index == last || placeAhead(index) else { continue }
      let before = chain[index].path.count
      let place = chain[index].context.place
      chain[index].advance(answers: answers)
      work += chain[index].path.count - before + 1
      if chain[index].context.place != place { placeMoved = true }
    }
    let saved = placeMoved ? rebuildChain() : nil
    syncTrail()
    return Applied(marks: marks, savedChain: saved)
  }

  private mutating func undo(_ applied: Applied, step: Step) {
    if let saved = applied.savedChain { chain = saved }
    for (index, mark) in applied.marks.enumerated() { chain[index].rewind(to: mark) }
    answers[step.id] = nil
    syncTrail()
  }

  /// Applies `Walker.walk(library:…)`'s switching rule along the chain: after the run under
  /// each protocol, the protocol its place selects (not one already walked) comes next.
  /// Returns the chain as it was when it had to change.
  private mutating func rebuildChain() -> [WalkRun]? {
    var saved: [WalkRun]?
    var index = 0
    while index < chain.count {
      let wanted = target(after: index)
      if index + 1 < chain.count {
        if let wanted, wanted.id == chain[index + 1].definition.id {
          index += 1
          continue
        }
        if saved == nil { saved = chain }
        chain.removeSubrange((index + 1)...)
      }
      guard let wanted else { break }
      if saved == nil { saved = chain }
      var run = WalkRun(wanted, acknowledgeInfo: true, explains: false)
      run.advance(answers: answers)
      work += run.path.count + 1
      chain.append(run)
      index += 1
    }
    return saved
  }

  /// The protocol the run at `index` switches to (`Walker.switchTarget`, cached by
  /// département), unless the chain already went through it.
  private mutating func target(after index: Int) -> ProtocolDefinition? {
    let from = chain[index].definition.id
    guard let place = chain[index].context.place else { return nil }
    let key = from + "\u{1}" + place.departement
    let id: String
    if let cached = targets[key] {
      id = cached
    } else {
      id = Walker.switchTarget(library: library, family: family, from: from, place: place)?.id ?? ""
      targets[key] = id
    }
    guard !id.isEmpty, !chain[...index].contains(where: { $0.definition.id == id }) else { return nil }
    return library.protocolDefinition(id)
  }

  /// Brings `trail` in line with the last run's path.
  private mutating func syncTrail() {
    if trailProtocol != chain[last].definition.id {
      trailProtocol = chain[last].definition.id
      trail.removeAll(keepingCapacity: true)
    }
    let count = chain[last].path.count
    if trail.count > count { trail.removeLast(trail.count - count) }
    while trail.count < count {
      let edge = TrieEdge(parent: trail.last ?? 0, step: chain[last].path[trail.count].stepID)
      if let node = trie[edge] {
        trail.append(node)
      } else {
        let node = trie.count + 1
        trie[edge] = node
        trail.append(node)
      }
      work += 1
    }
  }

  // MARK: Where the walk stands

  /// Records a finished walk or a problem, or returns the frame of the next question.
  private mutating func settle() -> Frame? {
    if chain[last].isFinished {
      record()
      return nil
    }
    if let problem = chain[last].problem {
      recordProblem(problem.message)
      return nil
    }
    guard let step = chain[last].pending, chain[last].invalidAnswers[step.id] == nil else {
      recordProblem("l'étape « \(chain[last].previous) » refuse les réponses essayées")
      return nil
    }
    return Frame(step: step, values: values(for: step, in: chain[last].definition.id))
  }

  private mutating func values(for step: Step, in protocolID: String) -> [AnswerValue] {
    if let cached = domainCache[protocolID]?[step.id] { return cached }
    let values = domains.values(for: step)
    domainCache[protocolID, default: [:]][step.id] = values
    return values
  }

  /// The state's key for memoisation; nil when it would not be exact (a protocol switch may
  /// still come).
  private mutating func stateKey() -> StateKey? {
    for index in chain.indices where !chain[index].hasEnded {
      if placeAhead(index) { return nil }
    }
    let run = chain[last]
    var key = StateKey(
      protocols: chain.map(\.definition.id), path: trail.last ?? 0, gathered: run.gathered.map(\.code).sorted(),
      position: run.current ?? "", truths: [], values: [], offPath: [:])
    if run.isFinished {
      key.position = "\u{1}fin"
      return key
    }
    if run.problem != nil {
      key.position = "\u{1}problème"
      return key
    }
    if run.answeredCount != answers.count {
      let onPath = Set(run.path.map(\.stepID))
      key.offPath = answers.filter { !onPath.contains($0.key) }
    }
    let layout = layout(last)
    guard let current = run.current, let position = run.definition.position(ofStep: current) else { return key }
    let reach = layout.reach(from: position)
    // The conditions ahead that read a bound variable: found from whichever list is shorter,
    // the conditions ahead or the variables bound.
    let ahead = layout.conditions(from: position)
    var touched: [Int] = []
    if ahead.count <= run.context.values.count + 2 {
      work += ahead.count
      touched = ahead.filter { index in
        layout.conditions[index].variables.contains { run.context.value(of: $0) != nil }
      }
    } else {
      var bound = Array(run.context.values.keys)
      if run.context.place != nil { bound += ["departement", "commune"] }
      work += bound.count
      for name in bound {
        for index in layout.conditionsReading[name] ?? []
        where ProtocolLayout.contains(reach, layout.conditions[index].step) {
          touched.append(index)
        }
      }
      touched.sort()
    }
    var previous = -1
    for index in touched where index != previous {
      previous = index
      let condition = layout.conditions[index]
      if !condition.variables.contains(where: { layout.isAsked($0, in: reach) }) {
        key.truths.append(ExpressionEvaluator.holds(condition.expression, in: run.context) ? 1 : 0)
        continue
      }
      key.truths.append(2)
      for atom in condition.atoms {
        if atom.variables.contains(where: { layout.isAsked($0, in: reach) }) {
          key.truths.append(2)
          for name in atom.variables { key.values.append(run.context.value(of: name)) }
        } else {
          key.truths.append(ExpressionEvaluator.holds(atom.expression, in: run.context) ? 1 : 0)
        }
      }
    }
    return key
  }

  /// True when a `place` step lies at or after where the run at `index` stands.
  private mutating func placeAhead(_ index: Int) -> Bool {
    guard let current = chain[index].current, let position = chain[index].definition.position(ofStep: current) else {
      return false
    }
    return layout(index).placeAhead(from: position)
  }

  private mutating func layout(_ index: Int) -> ProtocolLayout {
    let id = chain[index].definition.id
    if let known = layouts[id] { return known }
    let layout = ProtocolLayout(chain[index].definition)
    layouts[id] = layout
    return layout
  }

  // MARK: Results

  private mutating func record() {
    let codes = chain[last].gathered.map(\.code)
    let protocolID = chain[last].definition.id
    let key = PathKey(protocolID: protocolID, node: trail.last ?? 0)
    if let index = pathIndex[key] {
      let variant = VariantKey(path: index, dispositions: codes.sorted())
      guard !variantKeys.contains(variant) else { return }
      guard storedSteps + answers.count <= limits.maxStoredSteps else {
        truncation = .storedSteps
        return
      }
      storedSteps += answers.count
      work += paths[index].steps.count
      variantKeys.insert(variant)
      paths[index].variants.append(
        FeasiblePaths.Variant(dispositions: codes, example: example()))
      return
    }
    let steps = chain[last].path.map(\.stepID)
    work += 2 * steps.count
    guard paths.count < limits.maxPaths else {
      truncation = .paths
      return
    }
    guard storedSteps + steps.count + answers.count <= limits.maxStoredSteps else {
      truncation = .storedSteps
      return
    }
    storedSteps += steps.count + answers.count
    variantKeys.insert(VariantKey(path: paths.count, dispositions: codes.sorted()))
    pathIndex[key] = paths.count
    paths.append(
      FeasiblePaths.Path(
        protocolID: protocolID, steps: steps, outcome: chain[last].definition.step(steps.last ?? "")?.disposition,
        variants: [FeasiblePaths.Variant(dispositions: codes, example: example())]))
  }

  /// The answers given on this branch: those of the last run's path in path order, then any
  /// other (given under another protocol of the chain) by step id.
  private func example() -> [FeasiblePaths.Answer] {
    var result: [FeasiblePaths.Answer] = []
    result.reserveCapacity(answers.count)
    for entry in chain[last].path {
      if let value = entry.answer { result.append(FeasiblePaths.Answer(stepID: entry.stepID, value: value)) }
    }
    if result.count != answers.count {
      let onPath = Set(result.map(\.stepID))
      for (id, value) in answers.sorted(by: { $0.key < $1.key }) where !onPath.contains(id) {
        result.append(FeasiblePaths.Answer(stepID: id, value: value))
      }
    }
    return result
  }

  private mutating func recordProblem(_ message: String) {
    if let index = problems.firstIndex(where: { $0.message == message }) {
      problems[index].count += 1
      return
    }
    let steps = chain[last].path.map(\.stepID)
    problems.append(
      FeasiblePaths.Problem(
        protocolID: chain[last].definition.id, message: message, count: 1, steps: steps,
        example: example()))
  }
}
