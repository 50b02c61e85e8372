import RepereBase
import Testing

@testable import RepereRules

@Suite struct WalkTests {
  let place93 = AnswerValue.place(PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)"))
  let place95 = AnswerValue.place(PlaceValue(communeCode: "95127", departement: "95", label: "Cergy (95)"))

  @Test func walkReachesAnOutcomeWithLevelAndExplanation() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let state = Walker.walk(
      library: library, protocolID: "national/orientation",
      answers: ["securite": .bool(false), "lieu": place93, "age": .number(15), "signes": .checklist(["hotel"])])
    #expect(state.isFinished)
    #expect(state.pathIDs == ["securite", "lieu", "age", "signes", "conseil-info", "orientation", "fin-signalement"])
    #expect(state.dispositionCodes == ["accompagnement", "signalement-procureur"])
    #expect(state.level == "signalement")
    #expect(
      state.explanation.lines.first
        == "Niveau : signalement — le plus élevé parmi accompagnement (accompagnement), signalement-procureur (signalement)"
    )
    let signalement = try #require(state.dispositions.last)
    #expect(signalement.explanation.decisions.last?.condition == "age < 18 and has(signes, 'hotel')")
    #expect(signalement.explanation.decisions.last?.reads == ["age = 15", "signes = hotel"])
    let recommended = try #require(state.dispositions.first)
    #expect(recommended.explanation.summary.contains("car « score(signes) >= 3 » (signes = hotel)"))
    #expect(state.place?.departement == "93")
  }

  @Test func pendingQuestionStopsTheWalk() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let state = Walker.walk(library: library, protocolID: "national/orientation", answers: ["securite": .bool(false)])
    #expect(!state.isFinished)
    #expect(state.pending?.id == "lieu")
    #expect(state.pathIDs == ["securite"])
    #expect(state.level == nil)
  }

  @Test func yesBranchAndUnknownBranch() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let yes = Walker.walk(library: library, protocolID: "national/orientation", answers: ["securite": .bool(true)])
    #expect(yes.pathIDs == ["securite", "urgence"])
    #expect(yes.level == "urgence")
    let unknown = Walker.walk(
      library: library, protocolID: "national/orientation", answers: ["securite": .unknown, "lieu": place93])
    #expect(unknown.pathIDs == ["securite", "lieu"])
    #expect(unknown.pending?.id == "age")
    let unknownAge = Walker.walk(
      library: library, protocolID: "national/orientation",
      answers: ["securite": .bool(false), "lieu": place93, "age": .unknown, "signes": .checklist(["hotel"])])
    // `age < 18` is false for an unknown age, so the route falls through to the IP.
    #expect(unknownAge.pathIDs.last == "fin-ip")
  }

  @Test func unknownIsRefusedWhereNotOffered() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let state = Walker.walk(
      library: library, protocolID: "national/orientation", answers: ["securite": .bool(false), "lieu": .unknown])
    #expect(state.pending?.id == "lieu")
    #expect(state.invalidAnswers["lieu"] != nil)
  }

  @Test func infoStepsWaitForAcknowledgementUnlessAutoPassed() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let answers: [String: AnswerValue] = [
      "securite": .bool(false), "lieu": place93, "age": .number(15), "signes": .checklist(["argent"]),
    ]
    let waiting = Walker.walk(
      library: library, protocolID: "national/orientation", answers: answers, acknowledgeInfo: false)
    #expect(waiting.pending?.id == "conseil-info")
    #expect(waiting.pending?.kind == .info)
    var session = CaseSession(library: library, protocolID: "national/orientation", answers: answers)
    #expect(session.state.pending?.kind == .info)
    let changes = session.acknowledge("conseil-info")
    #expect(changes.first == .answered(step: "conseil-info", value: .bool(true)))
    #expect(session.state.isFinished)
    #expect(session.state.path.first { $0.stepID == "conseil-info" }?.answer == .bool(true))
  }

  @Test func choiceOptionNextWinsOverStepNext() throws {
    let text = """
      format: repere/protocol@1
      id: t
      title: t
      version: "1"
      start: statut
      steps:
        - id: statut
          kind: choice
          text: Statut ?
          next: b
          options:
            - { value: ase, label: ASE, next: a }
            - { value: autre, label: Autre }
        - { id: a, kind: outcome, disposition: d }
        - { id: b, kind: outcome, disposition: d }
      dispositions:
        d: { level: conseil, title: D }
      """
    let library = try Fixtures.library(text)
    #expect(
      Walker.walk(library: library, protocolID: "t", answers: ["statut": .choice("ase")]).pathIDs == ["statut", "a"])
    #expect(
      Walker.walk(library: library, protocolID: "t", answers: ["statut": .choice("autre")]).pathIDs == ["statut", "b"])
  }

  @Test func textAndVariableNames() throws {
    let text = """
      format: repere/protocol@1
      id: t
      title: t
      version: "1"
      start: note-libre
      steps:
        - { id: note-libre, kind: text, text: Note, next: r }
        - { id: nombre, kind: number, text: N, var: n, next: r }
        - id: r
          kind: route
          routes:
            - { when: "note_libre = 'x'", next: a }
            - { next: b }
        - { id: a, kind: outcome, disposition: d }
        - { id: b, kind: outcome, disposition: d }
      dispositions:
        d: { level: conseil, title: D }
      """
    let library = try Fixtures.library(text)
    #expect(Walker.walk(library: library, protocolID: "t", answers: ["note-libre": .text("x")]).pathIDs.last == "a")
    #expect(Walker.walk(library: library, protocolID: "t", answers: ["note-libre": .text("y")]).pathIDs.last == "b")
    #expect(library.protocolDefinition("t")?.step("nombre")?.variable == "n")
  }

  @Test func changingAnEarlierAnswerSetsAsideAndRestores() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    var session = CaseSession(library: library, protocolID: "national/orientation", acknowledgeInfo: true)
    session.answer("securite", .bool(false))
    session.answer("lieu", place93)
    session.answer("age", .number(15))
    session.answer("signes", .checklist(["hotel"]))
    #expect(session.state.isFinished)
    let toYes = session.answer("securite", .bool(true))
    #expect(toYes.first == .changed(step: "securite", from: .bool(false), to: .bool(true)))
    #expect(toYes.contains(.setAside(step: "lieu", value: place93)))
    #expect(toYes.contains(.setAside(step: "age", value: .number(15))))
    #expect(toYes.contains(.dispositionDropped(code: "signalement-procureur")))
    #expect(toYes.contains(.dispositionGathered(code: "urgence-17", level: "urgence", step: "urgence")))
    #expect(toYes.contains(.levelChanged(from: "signalement", to: "urgence")))
    #expect(session.state.setAside.keys.sorted() == ["age", "lieu", "signes"])
    #expect(session.state.pathIDs == ["securite", "urgence"])
    // Set-aside answers are not used: the level comes from the new path only.
    #expect(session.state.dispositionCodes == ["urgence-17"])
    let back = session.answer("securite", .bool(false))
    #expect(back.contains(.restored(step: "lieu", value: place93)))
    #expect(back.contains(.restored(step: "signes", value: .checklist(["hotel"]))))
    #expect(session.state.setAside.isEmpty)
    #expect(session.state.isFinished)
  }

  @Test func answersOffThePathOrInvalidAreRejected() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    var session = CaseSession(library: library, protocolID: "national/orientation")
    #expect(session.answer("age", .number(15)).first.map { if case .rejected = $0 { true } else { false } } == true)
    #expect(session.answer("securite", .number(1)).first.map { if case .rejected = $0 { true } else { false } } == true)
    #expect(session.answer("nope", .bool(true)).first.map { if case .rejected = $0 { true } else { false } } == true)
    session.answer("securite", .bool(false))
    session.answer("lieu", place93)
    let outOfBounds = session.answer("age", .number(40))
    #expect(outOfBounds.count == 1)
    #expect(session.answers["age"] == nil)
    #expect(session.answer("lieu", place93).isEmpty)  // same answer: nothing changes
  }

  @Test func goBackUnanswersTheLastAnsweredStep() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    var session = CaseSession(library: library, protocolID: "national/orientation", acknowledgeInfo: true)
    session.answer("securite", .bool(false))
    session.answer("lieu", place93)
    let changes = session.goBack()
    #expect(changes == [.unanswered(step: "lieu", value: place93)])
    #expect(session.state.pending?.id == "lieu")
    session.goBack()
    #expect(session.state.pending?.id == "securite")
    #expect(session.goBack().isEmpty)
  }

  @Test func levelCanBeRaisedWithAReasonButNeverLowered() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    var session = CaseSession(
      library: library, protocolID: "national/orientation",
      answers: ["securite": .bool(false), "lieu": place93, "age": .number(19), "signes": .checklist(["argent"])],
      acknowledgeInfo: true)
    #expect(session.state.level == "information-preoccupante")
    #expect(throws: LevelRaiseError.notHigher("conseil", current: "information-preoccupante")) {
      try session.raiseLevel(to: "conseil", reason: "x")
    }
    #expect(throws: LevelRaiseError.notHigher("information-preoccupante", current: "information-preoccupante")) {
      try session.raiseLevel(to: "information-preoccupante", reason: "x")
    }
    #expect(throws: LevelRaiseError.emptyReason) { try session.raiseLevel(to: "signalement", reason: "  ") }
    #expect(throws: LevelRaiseError.self) { try session.raiseLevel(to: "inconnu", reason: "x") }
    let changes = try session.raiseLevel(to: "signalement", reason: "menaces rapportées")
    // The raised level brings its own disposition (its actions and contacts).
    #expect(
      changes == [
        .levelRaised(from: "information-preoccupante", to: "signalement", reason: "menaces rapportées"),
        .dispositionGathered(code: "signalement-procureur", level: "signalement", step: "fin-ip"),
      ])
    #expect(session.state.level == "signalement")
    #expect(session.state.computedLevel == "information-preoccupante")
    #expect(session.state.explanation.level?.contains("relevé à la main") == true)
    // A later answer giving a higher level wins over the raise; the raise is kept.
    session.answer("securite", .bool(true))
    #expect(session.state.level == "urgence")
    #expect(session.state.raise?.level == "signalement")
  }

  @Test func placeSwitchesToTheOverlayKeepingAnswers() throws {
    let library = try Fixtures.library(Fixtures.orientation, Fixtures.overlay95)
    var session = CaseSession(library: library, protocolID: "national/orientation", acknowledgeInfo: true)
    session.answer("securite", .bool(false))
    let changes = session.answer("lieu", place95)
    #expect(changes.contains(.protocolSwitched(from: "national/orientation", to: "95/orientation", departement: "95")))
    #expect(session.state.protocolID == "95/orientation")
    #expect(session.state.pathIDs == ["securite", "lieu"])
    session.answer("age", .number(15))
    #expect(session.state.pending?.id == "referent")
    session.answer("referent", .bool(true))
    session.answer("signes", .checklist(["argent"]))
    // conseil-info is removed by the overlay; ip-crip is the overlay's own.
    #expect(session.state.pathIDs == ["securite", "lieu", "age", "referent", "signes", "orientation", "fin-ip"])
    #expect(session.state.dispositions.first?.disposition.title == "IP 95")
    // Moving the case to 93 switches back to the base, setting aside the overlay-only answer.
    let moved = session.answer("lieu", place93)
    #expect(moved.contains(.protocolSwitched(from: "95/orientation", to: "national/orientation", departement: "93")))
    #expect(moved.contains(.setAside(step: "referent", value: .bool(true))))
    #expect(session.state.protocolID == "national/orientation")
  }

  @Test func brokenProtocolsStopWithAProblemInsteadOfLooping() {
    let loop = ProtocolDefinition(
      id: "l", title: "l", version: "1", start: "a",
      steps: [Step(id: "a", kind: .info, text: "A", next: "b"), Step(id: "b", kind: .info, text: "B", next: "a")])
    #expect(Walker.walk(loop, answers: [:]).problem == .loop(at: "a"))
    let missing = ProtocolDefinition(
      id: "m", title: "m", version: "1", start: "a", steps: [Step(id: "a", kind: .info, text: "A", next: "zz")])
    #expect(Walker.walk(missing, answers: [:]).problem == .missingStep("zz", from: "a"))
    let noDefault = ProtocolDefinition(
      id: "r", title: "r", version: "1", start: "a",
      steps: [
        Step(
          id: "a", kind: .route,
          routes: [
            Route(
              condition: Condition(source: "false", expression: Expression(.bool(false), at: 0), location: .unknown),
              next: "a")
          ])
      ])
    #expect(Walker.walk(noDefault, answers: [:]).problem == .deadEnd(at: "a"))
  }
}
