import RepereBase

/// The answers path enumeration tries at each question: one per class of answers that the
/// family's conditions cannot tell apart (see `ConditionFeatures`), so that trying them all is
/// the same as trying every possible answer.
///
/// - `yesno`: true, false; `choice`: every option; `info`: acknowledged.
/// - `number`: one value per interval between the cuts conditions draw on its variable, within
///   `min`/`max`, preferring values next to a boundary (`age < 15`, `age >= 18` → 14, 15, 18).
/// - `multi`: one checklist per combination of (options named by `has`, class of `count`,
///   class of `score`) that some checklist reaches; found by a dynamic programme over the
///   other options, whatever the number of options. Only when the checklist is used in a way
///   that is not captured (`has(v, x)` on a variable) and has at most 10 options are all
///   subsets tried instead.
/// - `text`: each literal it is compared with, and one other text.
/// - `place`: one département per class: each département an overlay of the family covers,
///   each compared with `departement` or holding a commune compared with `commune`, and one
///   département none of them names; with a commune per literal (and an unnamed one) when
///   `commune` is read.
/// - « je ne sais pas » wherever the step offers it.
///
/// Then answers that no protocol of the family can tell apart are merged, keeping the first:
/// two answers are interchangeable when, for every step of the family with this id, both are
/// valid or both refused and both lead to the same step, and every atomic condition reading
/// the variable (alone) holds for both or for neither — e.g. « non » and « je ne sais pas »
/// when the only test is `v = true` and both lead to the same step. Their walks are then
/// identical whatever the other answers. (Places are never merged: they select overlays.)
struct AnswerDomains: Sendable {
  let features: ConditionFeatures
  /// Départements that the family tells apart (overlay scopes and literals).
  let departements: [String]
  let communes: [String]
  let readsCommune: Bool
  /// Ways the enumeration may be incomplete, for the report.
  private(set) var approximations: [String]

  /// Every step of the family with a given id (a base step and the overlay's replacement).
  private let stepsByID: [String: [Step]]
  /// Atomic conditions that read one variable only, by that variable.
  private let atomsByVariable: [String: [Expression]]
  /// Variables read by an atom together with another variable: their answers are not merged.
  private let entangled: Set<String>

  /// Checklists with more option combinations than this are partly tried (and reported).
  static let checklistStateLimit = 20_000

  init(family: [ProtocolDefinition]) {
    var conditions: [Condition] = []
    var finite = Set<String>()
    var infinite = Set<String>()
    var scopes = Set<String>()
    var stepsByID: [String: [Step]] = [:]
    for definition in family {
      for step in definition.steps {
        stepsByID[step.id, default: []].append(step)
        conditions += step.routes.compactMap(\.condition) + step.recommend.compactMap(\.condition)
        switch step.kind {
        case .yesno, .choice: finite.insert(step.variable)
        case .number, .multi, .text, .place: infinite.insert(step.variable)
        case .info, .route, .outcome: break
        }
      }
      if definition.extends != nil, case .departements(let codes) = definition.scope { scopes.formUnion(codes) }
    }
    let features = ConditionFeatures(conditions: conditions, finiteVariables: finite.subtracting(infinite))
    self.features = features
    let communes = features.literals["commune"] ?? []
    self.communes = communes.sorted()
    self.readsCommune = conditions.contains { $0.expression?.variables.contains("commune") ?? false }
    var departements = scopes.union(features.literals["departement"] ?? [])
    departements.formUnion(communes.map(AnswerDomains.departement(ofCommune:)))
    self.departements = departements.sorted()
    self.approximations = features.approximations.map { "condition « \($0) »" }
    self.stepsByID = stepsByID
    var atomsByVariable: [String: [Expression]] = [:]
    var entangled = Set<String>()
    for atom in conditions.compactMap(\.expression).flatMap(AnswerDomains.atoms(of:)) {
      let names = Set(atom.variables)
      if names.count == 1, let name = names.first {
        atomsByVariable[name, default: []].append(atom)
      } else {
        entangled.formUnion(names)
      }
    }
    self.atomsByVariable = atomsByVariable
    self.entangled = entangled
  }

  /// The atoms of a condition: what `and`, `or` and `not` combine (`holds` of a condition is a
  /// function of `holds` of its atoms).
  static func atoms(of expression: Expression) -> [Expression] {
    switch expression.node {
    case .and(let lhs, let rhs), .or(let lhs, let rhs): return atoms(of: lhs) + atoms(of: rhs)
    case .not(let inner): return atoms(of: inner)
    case .bool: return []
    default: return [expression]
    }
  }

  /// Keeps the first of each group of interchangeable answers (see the type's comment).
  private func merged(_ values: [AnswerValue], for step: Step) -> [AnswerValue] {
    guard step.kind != .place, !entangled.contains(step.variable) else { return values }
    let steps = stepsByID[step.id] ?? [step]
    let atoms = atomsByVariable[step.variable] ?? []
    var seen = Set<[String]>()
    return values.filter { value in
      var signature: [String] = []
      for candidate in steps {
        switch AnswerParser.validate(value, for: candidate) {
        case .success(let valid): signature.append("→" + (Walker.next(after: candidate, answer: valid) ?? ""))
        case .failure: signature.append("✗")
        }
      }
      var context = EvaluationContext(values: [step.variable: value])
      if step.kind == .multi {
        context.weights[step.variable] = Dictionary(step.options.map { ($0.value, $0.weight) }) { first, _ in first }
      }
      for atom in atoms { signature.append(ExpressionEvaluator.holds(atom, in: context) ? "1" : "0") }
      return seen.insert(signature).inserted
    }
  }

  /// The answers to try at `step`, each valid for it.
  mutating func values(for step: Step) -> [AnswerValue] {
    var values: [AnswerValue]
    switch step.kind {
    case .yesno: values = [.bool(true), .bool(false)]
    case .choice: values = unique(step.options.map(\.value)).map { .choice($0) }
    case .number: values = numbers(for: step).map { .number($0) }
    case .multi: values = checklists(for: step).map { .checklist($0) }
    case .text: values = texts(for: step.variable).map { .text($0) }
    case .place: values = places().map { .place($0) }
    case .info: values = [.bool(true)]
    case .route, .outcome: values = []
    }
    if step.kind.asksQuestion, step.unknownNext != nil { values.append(.unknown) }
    return merged(values.filter { (try? AnswerParser.validate($0, for: step).get()) != nil }, for: step)
  }

  // MARK: Numbers

  private func numbers(for step: Step) -> [Double] {
    AnswerDomains.representatives(cuts: features.sortedCuts(.value(step.variable)), min: step.min, max: step.max)
  }

  /// One value per class of the cuts within [min, max], the nicest first found: a boundary,
  /// its integer neighbours, a midpoint, the bounds.
  static func representatives(cuts: [Cut], min: Double?, max: Double?) -> [Double] {
    let boundaries = Array(Set(cuts.map(\.value))).sorted()
    var candidates: [Double] = []
    for value in boundaries { candidates += [value, value - 1, value + 1] }
    for (low, high) in zip(boundaries, boundaries.dropFirst()) { candidates.append((low + high) / 2) }
    candidates += [min, max].compactMap { $0 }
    candidates.append(0)
    var byClass: [Int: Double] = [:]
    for value in candidates where value.isFinite {
      if let min, value < min { continue }
      if let max, value > max { continue }
      let index = Cut.classIndex(of: value, among: cuts)
      if byClass[index] == nil { byClass[index] = value }
    }
    return byClass.keys.sorted().compactMap { byClass[$0] }
  }

  // MARK: Checklists

  private mutating func checklists(for step: Step) -> [[String]] {
    var options: [StepOption] = []
    var seen = Set<String>()
    for option in step.options where seen.insert(option.value).inserted { options.append(option) }
    let name = step.variable
    if features.hasUnnamed.contains(name), options.count <= 10 {
      return AnswerDomains.allSubsets(options.map(\.value))
    }
    let named = features.named[name] ?? []
    var namedOptions = options.filter { named.contains($0.value) }
    if features.hasUnnamed.contains(name) { namedOptions = options }
    if namedOptions.count > 12 {
      approximations.append("liste « \(name) » : \(namedOptions.count) options testées par has(), 12 essayées ensemble")
      namedOptions = Array(namedOptions.prefix(12))
    }
    let namedValues = Set(namedOptions.map(\.value))
    let free = options.filter { !namedValues.contains($0.value) }
    let countCuts = features.sortedCuts(.count(name))
    let scoreCuts = features.sortedCuts(.score(name))
    var result: [[String]] = []
    for mask in 0..<(1 << namedOptions.count) {
      let ticked = namedOptions.indices.filter { mask & (1 << $0) != 0 }.map { namedOptions[$0] }
      let completions = completions(
        free: free, count: Double(ticked.count), score: ticked.reduce(0) { $0 + $1.weight }, countCuts: countCuts,
        scoreCuts: scoreCuts, name: name)
      for completion in completions { result.append(ticked.map(\.value) + completion) }
    }
    return result
  }

  /// For checklists starting at (`count`, `score`): one set of the `free` options to add per
  /// reachable (class of count, class of score), fewest options first.
  private mutating func completions(
    free: [StepOption], count: Double, score: Double, countCuts: [Cut], scoreCuts: [Cut], name: String
  ) -> [[String]] {
    struct State: Hashable {
      var count: Double
      var score: Double
    }
    // A quantity no condition compares is not tracked; beyond the highest cut, adding options
    // cannot change the class, so it saturates (for the score, only when no weight is
    // negative). The states stay few.
    let countCap = countCuts.last.map { $0.value.rounded(.down) + 1 }
    let scoreTop = free.allSatisfy({ $0.weight >= 0 }) ? scoreCuts.last?.value : nil
    func saturated(_ state: State) -> State {
      var state = state
      if let countCap { state.count = Swift.min(state.count, countCap) } else { state.count = 0 }
      if scoreCuts.isEmpty {
        state.score = 0
      } else if let scoreTop, state.score > scoreTop {
        state.score = scoreTop + 1
      }
      return state
    }
    let first = saturated(State(count: count, score: score))
    var witness: [State: [String]] = [first: []]
    var order = [first]
    var complete = true
    for option in free {
      for state in order {
        let next = saturated(State(count: state.count + 1, score: state.score + option.weight))
        guard witness[next] == nil else { continue }
        guard order.count < AnswerDomains.checklistStateLimit else {
          complete = false
          break
        }
        witness[next] = (witness[state] ?? []) + [option.value]
        order.append(next)
      }
    }
    if !complete {
      approximations.append("liste « \(name) » : trop de combinaisons de poids, \(order.count) essayées")
    }
    var byClass: [[Int]: [String]] = [:]
    var classes: [[Int]] = []
    for state in order.sorted(by: { ($0.count, $0.score) < ($1.count, $1.score) }) {
      let key = [Cut.classIndex(of: state.count, among: countCuts), Cut.classIndex(of: state.score, among: scoreCuts)]
      guard byClass[key] == nil else { continue }
      byClass[key] = witness[state] ?? []
      classes.append(key)
    }
    return classes.compactMap { byClass[$0] }
  }

  static func allSubsets(_ values: [String]) -> [[String]] {
    (0..<(1 << values.count)).map { mask in values.indices.filter { mask & (1 << $0) != 0 }.map { values[$0] } }
  }

  // MARK: Texts and places

  private func texts(for variable: String) -> [String] {
    let literals = (features.literals[variable] ?? []).sorted()
    var other = "texte"
    var suffix = 1
    while literals.contains(other) {
      other = "texte-\(suffix)"
      suffix += 1
    }
    return literals + [other]
  }

  private func places() -> [PlaceValue] {
    var result: [PlaceValue] = []
    let named = Set(departements)
    let other = AnswerDomains.departementCodes.first { !named.contains($0) } ?? "00"
    for departement in departements + [other] {
      result.append(PlaceValue(communeCode: nil, departement: departement, label: departement))
      if readsCommune {
        var code = String((departement + "000").prefix(5))
        if communes.contains(code) { code = String((departement + "999").prefix(5)) }
        result.append(PlaceValue(communeCode: code, departement: departement, label: code))
      }
    }
    for commune in communes {
      result.append(
        PlaceValue(
          communeCode: commune, departement: AnswerDomains.departement(ofCommune: commune), label: commune))
    }
    return result
  }

  /// The département of an INSEE commune code (three characters overseas).
  static func departement(ofCommune code: String) -> String {
    String(code.prefix(code.hasPrefix("97") ? 3 : 2))
  }

  /// Département codes in order, to pick one that no condition or overlay names.
  static let departementCodes: [String] =
    (1...95).filter { $0 != 20 }.map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B", "971", "972", "973", "974", "976"]

  private func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
  }
}
