import RepereBase
import Testing

@testable import RepereRules

/// A walk's result as the enumeration reports it: protocol in force, steps, dispositions.
private struct Outcome: Hashable, CustomStringConvertible {
  var protocolID: String
  var steps: [String]
  var dispositions: Set<String>

  var description: String { "[\(protocolID)] \(steps.joined(separator: " → ")) ⇒ \(dispositions.sorted())" }
}

/// Independent oracle: every combination of concrete answers (not classes), each walked from
/// scratch with `Walker.walk(library:…)`, branching at the pending question.
private func bruteForce(_ library: ProtocolLibrary, _ protocolID: String, _ domains: [String: [AnswerValue]])
  -> Set<Outcome>
{
  var outcomes = Set<Outcome>()
  func explore(_ answers: [String: AnswerValue]) {
    let state = Walker.walk(library: library, protocolID: protocolID, answers: answers)
    if state.isFinished {
      outcomes.insert(
        Outcome(protocolID: state.protocolID, steps: state.pathIDs, dispositions: Set(state.dispositionCodes)))
      return
    }
    guard state.problem == nil, let step = state.pending, answers[step.id] == nil else { return }
    for value in domains[step.id] ?? [] where (try? AnswerParser.validate(value, for: step).get()) != nil {
      var next = answers
      next[step.id] = value
      explore(next)
    }
  }
  explore([:])
  return outcomes
}

private func outcomes(_ paths: FeasiblePaths) -> Set<Outcome> {
  Set(
    paths.paths.flatMap { path in
      path.variants.map { Outcome(protocolID: path.protocolID, steps: path.steps, dispositions: Set($0.dispositions)) }
    })
}

/// Each variant's example answers, walked, give exactly that path and those dispositions.
private func expectExamplesReplay(
  _ paths: FeasiblePaths, _ library: ProtocolLibrary, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  for path in paths.paths {
    for variant in path.variants {
      let answers = Dictionary(variant.example.map { ($0.stepID, $0.value) }) { first, _ in first }
      let state = Walker.walk(library: library, protocolID: paths.protocolID, answers: answers)
      #expect(state.protocolID == path.protocolID, sourceLocation: sourceLocation)
      #expect(state.pathIDs == path.steps, sourceLocation: sourceLocation)
      #expect(Set(state.dispositionCodes) == Set(variant.dispositions), sourceLocation: sourceLocation)
    }
  }
}

private func place(_ departement: String) -> AnswerValue {
  .place(PlaceValue(communeCode: nil, departement: departement, label: departement))
}

private let yesNoUnknown: [AnswerValue] = [.bool(true), .bool(false), .unknown]

private func subsets(_ values: [String]) -> [AnswerValue] {
  AnswerDomains.allSubsets(values).map { .checklist($0) }
}

@Suite struct FeasiblePathsTests {
  /// Who calls decides the advice and, later, the outcome: structurally the advice to a minor
  /// may be followed by the parents' outcome, but no answers do that.
  static let caller = """
    format: repere/protocol@1
    id: test/appelant
    title: Appelant
    version: "1"
    start: appelant
    steps:
      - id: appelant
        kind: choice
        text: Qui appelle ?
        options:
          - { value: mineur, label: Mineur }
          - { value: parent, label: Parent }
        next: route-conseils
      - id: route-conseils
        kind: route
        routes:
          - { when: "appelant = 'mineur'", next: conseils-mineur }
          - { next: conseils-parent }
      - { id: conseils-mineur, kind: info, text: Conseils au mineur, next: route-fin }
      - { id: conseils-parent, kind: info, text: Conseils aux parents, next: route-fin }
      - id: route-fin
        kind: route
        routes:
          - { when: "appelant = 'parent'", next: fin-parent }
          - { next: fin-mineur }
      - { id: fin-mineur, kind: outcome, disposition: soutien-jeune }
      - { id: fin-parent, kind: outcome, disposition: soutien-proches }
    dispositions:
      soutien-jeune: { level: accompagnement, title: Jeune }
      soutien-proches: { level: accompagnement, title: Proches }
    """

  @Test func aRouteMakesAStructuralPathInfeasible() throws {
    let library = try Fixtures.library(Self.caller)
    let definition = try #require(library.protocolDefinition("test/appelant"))
    #expect(PathAnalysis.analyze(definition)?.totalPaths == 4)
    let paths = try #require(FeasiblePaths.enumerate(library: library, protocolID: "test/appelant"))
    #expect(
      paths.paths.map(\.steps) == [
        ["appelant", "route-conseils", "conseils-mineur", "route-fin", "fin-mineur"],
        ["appelant", "route-conseils", "conseils-parent", "route-fin", "fin-parent"],
      ])
    #expect(!paths.paths.contains { $0.steps.contains("conseils-mineur") && $0.steps.contains("fin-parent") })
    #expect(paths.dispositions.map { "\($0.code):\($0.count)" } == ["soutien-jeune:1", "soutien-proches:1"])
    #expect(paths.outcomes.map(\.stepID) == ["fin-mineur", "fin-parent"])
    #expect(!paths.truncated && paths.approximations.isEmpty && paths.problems.isEmpty && paths.unreached.isEmpty)
    #expect(paths.paths[1].variants.first?.example.map(\.text) == ["appelant=parent"])
  }

  static let ages = """
    format: repere/protocol@1
    id: test/age
    title: Âge
    version: "1"
    start: age
    steps:
      - id: age
        kind: number
        text: Âge ?
        min: 0
        max: 25
        unknown: fin-inconnu
        next: route-age
        recommend:
          - { disposition: tout-petit, when: "age <= 3" }
      - id: route-age
        kind: route
        routes:
          - { when: "age < 15", next: fin-moins-15 }
          - { when: "age >= 18", next: fin-majeur }
          - { when: "2 * age + 1 = 35", next: fin-17 }
          - { next: fin-mineur }
      - { id: fin-moins-15, kind: outcome, disposition: moins-15 }
      - { id: fin-majeur, kind: outcome, disposition: majeur }
      - { id: fin-17, kind: outcome, disposition: dix-sept }
      - { id: fin-mineur, kind: outcome, disposition: mineur }
      - { id: fin-inconnu, kind: outcome, disposition: inconnu }
    dispositions:
      tout-petit: { level: signalement, title: Tout-petit }
      moins-15: { level: signalement, title: Moins de 15 ans }
      majeur: { level: conseil, title: Majeur }
      dix-sept: { level: accompagnement, title: 17 ans }
      mineur: { level: accompagnement, title: Mineur }
      inconnu: { level: accompagnement, title: Âge inconnu }
    """

  @Test func numbersAreTriedOncePerIntervalBetweenTheBoundariesConditionsDraw() throws {
    let library = try Fixtures.library(Self.ages)
    let paths = try #require(FeasiblePaths.enumerate(library: library, protocolID: "test/age"))
    let examples = paths.paths.flatMap(\.variants).map { $0.example.map(\.text).joined() }
    // Cuts: `age <= 3` after 3, `age < 15` before 15, `2 * age + 1 = 35` on 17, `age >= 18`
    // before 18. 17.5 is tried too, but no condition tells it from 15: merged.
    #expect(Set(examples) == ["age=3", "age=4", "age=15", "age=17", "age=18", "age=unknown"])
    #expect(paths.outcomes.count == 5)
    #expect(paths.dispositions.first { $0.code == "tout-petit" }.map { [$0.count, $0.always] } == [1, 0])
    let concrete: [AnswerValue] = (0...25).map { .number(Double($0)) } + [.number(16.5), .unknown]
    #expect(outcomes(paths) == bruteForce(library, "test/age", ["age": concrete]))
  }

  @Test func representativesStayWithinBoundsAndCoverEveryClass() {
    let below15 = [Cut(value: 15, above: false)]
    #expect(AnswerDomains.representatives(cuts: below15, min: 0, max: 25) == [14, 15])
    #expect(AnswerDomains.representatives(cuts: below15, min: 16, max: 25) == [16])
    #expect(AnswerDomains.representatives(cuts: [Cut(value: 90, above: true)], min: 0, max: 100) == [90, 91])
    let equalFive = [Cut(value: 5, above: false), Cut(value: 5, above: true)]
    #expect(AnswerDomains.representatives(cuts: equalFive, min: nil, max: nil) == [4, 5, 6])
    #expect(AnswerDomains.representatives(cuts: [], min: 2, max: 9) == [2])
    let between = [Cut(value: 1, above: true), Cut(value: 1.5, above: false)]
    #expect(AnswerDomains.representatives(cuts: between, min: nil, max: nil) == [1, 1.25, 2])
  }

  /// Twelve options (4,096 checklists): tried by class of named options, count and score.
  static let checklist = """
    format: repere/protocol@1
    id: test/signes
    title: Signes
    version: "1"
    start: signes
    steps:
      - id: signes
        kind: multi
        text: Signes ?
        unknown: route
        options:
          - { value: echange, label: E, weight: 5 }
          - { value: tiers, label: T, weight: 5 }
          - { value: annonces, label: A, weight: 3 }
          - { value: fugues, label: F, weight: 2 }
          - { value: argent, label: G, weight: 2 }
          - { value: vehicules, label: V, weight: 2 }
          - { value: blessures, label: B, weight: 2 }
          - { value: sante, label: S, weight: 2 }
          - { value: telephones, label: P, weight: 1 }
          - { value: addictions, label: D, weight: 1 }
          - { value: hygiene, label: H, weight: 1 }
          - { value: langage, label: L, weight: 0.5 }
        next: route
        recommend:
          - { disposition: vigilance, when: "score(signes) >= 4 and count(signes) < 3" }
      - id: route
        kind: route
        routes:
          - { when: "has(signes, 'echange') or has(signes, 'tiers')", next: fin-signalement }
          - { when: "unknown(signes)", next: fin-inconnu }
          - { when: "score(signes) > 6.5", next: fin-ip }
          - { when: "count(signes) >= 3", next: fin-accompagnement }
          - { next: fin-conseil }
      - { id: fin-signalement, kind: outcome, disposition: signalement }
      - { id: fin-inconnu, kind: outcome, disposition: inconnu }
      - { id: fin-ip, kind: outcome, disposition: ip }
      - { id: fin-accompagnement, kind: outcome, disposition: accompagnement }
      - { id: fin-conseil, kind: outcome, disposition: conseil }
    dispositions:
      signalement: { level: signalement, title: S }
      inconnu: { level: accompagnement, title: I }
      ip: { level: information-preoccupante, title: IP }
      accompagnement: { level: accompagnement, title: A }
      conseil: { level: conseil, title: C }
      vigilance: { level: accompagnement, title: V }
    """

  @Test func checklistsWithScoreThresholdsMatchEverySubset() throws {
    let library = try Fixtures.library(Self.checklist)
    let definition = try #require(library.protocolDefinition("test/signes"))
    let paths = try #require(FeasiblePaths.enumerate(library: library, protocolID: "test/signes"))
    let step = try #require(definition.step("signes"))
    let every = subsets(step.options.map(\.value)) + [.unknown]
    #expect(outcomes(paths) == bruteForce(library, "test/signes", ["signes": every]))
    expectExamplesReplay(paths, library)
    #expect(paths.answersTried < 60, "classes, not the 4,097 answers")
    // « vigilance » (score ≥ 4 with fewer than 3 ticks) comes with a signalement (one heavy
    // sign) or a conseil (two middle ones), never with an IP (a score above 6.5 needs three
    // ticks without a heavy sign).
    let vigilance = try #require(paths.dispositions.first { $0.code == "vigilance" })
    #expect(Set(vigilance.paths.map { paths.paths[$0].outcome }) == ["signalement", "conseil"])
    #expect(vigilance.always == 0)
    #expect(paths.approximations.isEmpty)
  }

  @Test func unknownAnswersAreWalkedWhereOffered() throws {
    let concrete: [String: [AnswerValue]] = [
      "securite": yesNoUnknown, "lieu": [place("93"), place("60")],
      "age": (0...25).map { .number(Double($0)) } + [.unknown],
      "signes": subsets(["fugues", "hotel", "argent"]) + [.unknown],
    ]
    // « je ne sais pas » to `securite` goes to `lieu` like « non », and to `age` on to `signes`
    // like any age, with `age < 18` false as for 18: each is merged with that answer.
    let plain = try Fixtures.library(Fixtures.orientation)
    let plainDefinition = try #require(plain.protocolDefinition("national/orientation"))
    var plainDomains = AnswerDomains(family: [plainDefinition])
    #expect(plainDomains.values(for: try #require(plainDefinition.step("securite"))) == [.bool(true), .bool(false)])
    #expect(!plainDomains.values(for: try #require(plainDefinition.step("age"))).contains(.unknown))
    let merged = try #require(FeasiblePaths.enumerate(library: plain, protocolID: "national/orientation"))
    #expect(outcomes(merged) == bruteForce(plain, "national/orientation", concrete))
    // Once a condition tests `unknown(age)`, the unknown age is a class of its own: with no
    // sign, it alone leads to fin-ip.
    let text = Fixtures.orientation.replacingOccurrences(
      of: "- { when: \"count(signes) >= 1\", next: fin-ip }",
      with: "- { when: \"count(signes) >= 1 or unknown(age)\", next: fin-ip }")
    let library = try Fixtures.library(text)
    let definition = try #require(library.protocolDefinition("national/orientation"))
    var domains = AnswerDomains(family: [definition])
    #expect(domains.values(for: try #require(definition.step("age"))).last == .unknown)
    let paths = try #require(FeasiblePaths.enumerate(library: library, protocolID: "national/orientation"))
    let noSign = Walker.walk(
      library: library, protocolID: "national/orientation",
      answers: ["securite": .bool(false), "lieu": place("60"), "age": .unknown, "signes": .set([])])
    #expect(noSign.pathIDs.last == "fin-ip")
    #expect(paths.coverage(of: [noSign]).variants.count == 1)
    #expect(outcomes(paths) == bruteForce(library, "national/orientation", concrete))
    expectExamplesReplay(paths, library)
  }

  @Test func thePlaceSwitchesToTheOverlayOfItsDepartement() throws {
    let national = Fixtures.orientation.replacingOccurrences(
      of: "- { when: \"count(signes) >= 1\", next: fin-ip }",
      with: "- { when: \"count(signes) >= 1 or departement = '93'\", next: fin-ip }")
    let library = try Fixtures.library(national, Fixtures.overlay95)
    let paths = try #require(FeasiblePaths.enumerate(library: library, protocolID: "national/orientation"))
    let protocols = Set(paths.paths.map(\.protocolID))
    #expect(protocols == ["national/orientation", "95/orientation"])
    #expect(paths.paths.filter { $0.protocolID == "95/orientation" }.allSatisfy { $0.steps.contains("referent") })
    #expect(
      paths.paths.filter { $0.protocolID == "national/orientation" }.allSatisfy { !$0.steps.contains("referent") })
    // The 93 (named by a condition) and another département are both tried: with no sign,
    // only the 93 reaches fin-ip.
    let places = Set(
      paths.paths.flatMap(\.variants).flatMap(\.example).compactMap { answer -> String? in
        if case .place(let place) = answer.value { return place.departement }
        return nil
      })
    #expect(places.isSuperset(of: ["93", "95"]) && places.count == 3)
    let concrete: [String: [AnswerValue]] = [
      "securite": yesNoUnknown, "lieu": [place("93"), place("95"), place("60")],
      "age": (0...25).map { .number(Double($0)) } + [.number(40), .unknown],
      "referent": yesNoUnknown, "signes": subsets(["fugues", "hotel", "argent"]) + [.unknown],
    ]
    #expect(outcomes(paths) == bruteForce(library, "national/orientation", concrete))
    // Started on the overlay, a place outside the 95 switches back to the national protocol.
    let fromOverlay = try #require(FeasiblePaths.enumerate(library: library, protocolID: "95/orientation"))
    #expect(outcomes(fromOverlay) == bruteForce(library, "95/orientation", concrete))
    expectExamplesReplay(paths, library)
    expectExamplesReplay(fromOverlay, library)
  }

  @Test func coverageCountsPathsVariantsAndDispositionsScenariosReach() throws {
    let library = try Fixtures.library(Self.caller)
    let paths = try #require(FeasiblePaths.enumerate(library: library, protocolID: "test/appelant"))
    let minor = Walker.walk(library: library, protocolID: "test/appelant", answers: ["appelant": .choice("mineur")])
    let unfinished = Walker.walk(library: library, protocolID: "test/appelant", answers: [:])
    let coverage = paths.coverage(of: [minor, minor, unfinished])
    #expect(coverage.paths == [0])
    #expect(coverage.variants == [[0, 0]])
    #expect(coverage.pathPercent == 50 && coverage.variantPercent == 50)
    #expect(coverage.dispositions == ["soutien-jeune"])
    #expect(coverage.uncoveredDispositions == ["soutien-proches"])
    #expect(coverage.unmatchedWalks == [2])
    let example = try #require(paths.example(gathering: "soutien-proches"))
    let replayed = Walker.walk(
      library: library, protocolID: "test/appelant",
      answers: Dictionary(uniqueKeysWithValues: example.variant.example.map { ($0.stepID, $0.value) }))
    #expect(replayed.dispositionCodes == ["soutien-proches"])
  }

  @Test func statesThatConvergeAreExploredOnce() throws {
    // 30 blocks, each a yes/no and a number that a recommendation reads: 4^30 answer
    // combinations, one path, two sets of dispositions. Once past its block, a block's answers
    // are read by nothing: every state at the next block is one of two.
    var steps: [String] = []
    for block in 0..<30 {
      let next = block == 29 ? "fin" : "q\(block + 1)"
      steps += [
        "  - { id: q\(block), kind: yesno, text: Q, yes: n\(block), no: n\(block) }",
        "  - { id: n\(block), kind: number, text: N, min: 0, max: 10, next: s\(block) }",
        "  - id: s\(block)", "    kind: info", "    text: I", "    next: \(next)", "    recommend:",
        "      - { disposition: vigilance, when: \"q\(block) = true and n\(block) > 5\" }",
      ]
    }
    let text =
      """
      format: repere/protocol@1
      id: test/blocs
      title: Blocs
      version: "1"
      start: q0
      steps:
      \(steps.joined(separator: "\n"))
        - { id: fin, kind: outcome, disposition: conseil }
      dispositions:
        conseil: { level: conseil, title: C }
        vigilance: { level: accompagnement, title: V }
      """
    let library = try Fixtures.library(text)
    let paths = try #require(FeasiblePaths.enumerate(library: library, protocolID: "test/blocs"))
    #expect(!paths.truncated)
    #expect(paths.paths.count == 1 && paths.variantCount == 2)
    #expect(paths.answersTried < 500, "\(paths.answersTried) answers tried")
  }

  @Test func limitsTruncateInsteadOfRunningOn() throws {
    // 70 questions each with a detour: 2^70 paths.
    var steps: [Step] = []
    for index in 0..<70 {
      steps.append(Step(id: "q\(index)", kind: .yesno, text: "Q", yes: "d\(index)", no: "q\(index + 1)"))
      steps.append(Step(id: "d\(index)", kind: .info, text: "I", next: "q\(index + 1)"))
    }
    steps.append(Step(id: "q70", kind: .outcome, disposition: "d"))
    let definition = ProtocolDefinition(
      id: "big", title: "big", version: "1", start: "q0", steps: steps,
      dispositions: ["d": Disposition(code: "d", level: "conseil", title: "D")])
    let library = ProtocolLibrary(files: [definition])
    let limited = try #require(
      FeasiblePaths.enumerate(library: library, protocolID: "big", limits: .init(maxPaths: 25)))
    #expect(limited.truncation == .paths && limited.paths.count == 25)
    let worked = try #require(
      FeasiblePaths.enumerate(library: library, protocolID: "big", limits: .init(maxWork: 5_000)))
    #expect(worked.truncation == .work && worked.paths.count < 100)
  }

  @Test func walksThatStopOnAProblemAreReportedNotRecorded() throws {
    // `ailleurs` is missing: the walk stops there for one answer only.
    let definition = ProtocolDefinition(
      id: "p", title: "p", version: "1", start: "q",
      steps: [
        Step(id: "q", kind: .yesno, text: "Q", yes: "fin", no: "ailleurs"),
        Step(id: "fin", kind: .outcome, disposition: "d"),
      ],
      dispositions: ["d": Disposition(code: "d", level: "conseil", title: "D")])
    let paths = try #require(FeasiblePaths.enumerate(library: ProtocolLibrary(files: [definition]), protocolID: "p"))
    #expect(paths.paths.map(\.steps) == [["q", "fin"]])
    #expect(paths.problems.map(\.example) == [[FeasiblePaths.Answer(stepID: "q", value: .bool(false))]])
    #expect(FeasiblePaths.enumerate(library: ProtocolLibrary(files: [definition]), protocolID: "absent") == nil)
  }

  @Test func conditionsTheClassesCannotCaptureAreReported() throws {
    let text = Self.ages.replacingOccurrences(of: "2 * age + 1 = 35", with: "age * age > 200")
    let paths = try #require(FeasiblePaths.enumerate(library: try Fixtures.library(text), protocolID: "test/age"))
    #expect(paths.approximations == ["condition « age * age > 200 »"])
  }
}
