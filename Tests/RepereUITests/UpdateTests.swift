import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

@Suite struct UpdateTests {
  let t = TestWorld.type

  func journalEvents(_ effects: [Effect]) -> [JournalEvent] {
    effects.flatMap { effect -> [JournalEvent] in
      if case .journal(let events) = effect { return events }
      return []
    }
  }

  @Test func aDigitAnswersAndIsJournaledAtOnce() throws {
    let (state, effects) = TestWorld.press([.character("2")], on: try TestWorld.state())
    #expect(state.walk.path.map(\.answer) == ["Non"])
    #expect(state.displayedStep?.id == "appelant")
    let events = journalEvents(effects)
    guard case .answer(let answer) = events.first else {
      Issue.record("expected an answer event, got \(events)")
      return
    }
    #expect(answer.step == "securite")
    #expect(answer.value == .bool(false))
    #expect(answer.label == "Non")
    #expect(state.journalPending == 0)
    #expect(UIProgram.render(state).text.contains("enregistré"))
  }

  @Test func arrowsThenEnterAnswerLikeDigits() throws {
    let (state, _) = TestWorld.press([.down, .down, .up, .enter, .character("j"), .enter], on: try TestWorld.state())
    #expect(state.walk.path.map(\.answer) == ["Non", "Un·e proche"])
  }

  @Test func zeroAnswersIDoNotKnowWhenTheProtocolOffersIt() throws {
    let (state, _) = TestWorld.press([.character("0")], on: try TestWorld.state())
    #expect(state.walk.path.map(\.answer) == ["Je ne sais pas"])
    let (same, effects) = TestWorld.press([.character("0")], on: state)  // « appelant » has no unknown
    #expect(same.walk.path.count == 1)
    #expect(effects.isEmpty)
  }

  @Test func goingBackWithdrawsTheLastAnswer() throws {
    let (state, _) = TestWorld.press([.character("2"), .character("1"), .left], on: try TestWorld.state())
    #expect(state.walk.path.map(\.stepID) == ["securite"])
    #expect(state.displayedStep?.id == "appelant")
    let (start, _) = TestWorld.press([.backspace, .backspace], on: state)
    #expect(start.walk.path.isEmpty)
  }

  @Test func typedNumbersAreCheckedAndBackspaceEditsTheLine() throws {
    let base = TestWorld.press([.character("2"), .character("1")] + t("95") + [.enter], on: try TestWorld.state()).0
    #expect(base.displayedStep?.id == "age")
    let (bad, badEffects) = TestWorld.press(t("quinze") + [.enter], on: base)
    #expect(bad.status?.kind == .error)
    #expect(badEffects.isEmpty)
    let (outOfRange, _) = TestWorld.press(t("99") + [.enter], on: base)
    #expect(outOfRange.status?.kind == .error)
    #expect(outOfRange.displayedStep?.id == "age")
    let (good, _) = TestWorld.press(t("155") + [.backspace, .enter], on: base)
    #expect(good.walk.path.last?.answer == "15 ans")
  }

  @Test func aPlaceOverlaySwitchesTheProtocolAndIsJournaled() throws {
    let (state, effects) = TestWorld.press(
      [.character("2"), .character("1")] + t("Cergy") + [.enter], on: try TestWorld.state())
    #expect(state.walk.place?.departement == "95")
    #expect(state.walk.protocolID == "95/orientation")
    let events = journalEvents(effects)
    #expect(events.contains { if case .place = $0 { true } else { false } })
    #expect(events.contains { if case .protocolSwitch = $0 { true } else { false } })
  }

  @Test func anAmbiguousPlaceAsksWhich() throws {
    let asked = TestWorld.press(
      [.character("2"), .character("1")] + t("Saint-Denis") + [.enter], on: try TestWorld.state()
    ).0
    #expect(asked.screen == .placeChoice)
    #expect(asked.placeChoice.candidates.count == 2)
    let (chosen, _) = TestWorld.press([.character("2")], on: asked)
    #expect(chosen.walk.place?.departement == "974")
    #expect(chosen.screen == .typedQuestion)
    let unknown = TestWorld.press(
      [.character("2"), .character("1")] + t("Atlantide") + [.enter], on: try TestWorld.state()
    ).0
    #expect(unknown.status?.text.contains("Atlantide") == true)
  }

  @Test func placeGivenAtStartAnswersThePlaceStep() throws {
    let (start, effects) = UIProgram.start(
      walker: try TestWorld.walker(), services: TestWorld.services, language: .fr, size: .minimum, now: TestWorld.now,
      placeText: "95")
    #expect(start.walk.place?.label == "Cergy (95)")
    #expect(!journalEvents(effects).isEmpty)
    let (state, _) = TestWorld.press([.character("2"), .character("1")], on: start)
    #expect(state.displayedStep?.id == "age")
    #expect(state.walk.protocolID == "95/orientation")
  }

  @Test func checklistTogglesWithDigitsAndSpaceThenValidates() throws {
    let base = TestWorld.press(
      [.character("2"), .character("1")] + t("93") + [.enter] + t("15") + [.enter], on: try TestWorld.state()
    ).0
    #expect(base.displayedStep?.kind == .multi)
    let (ticked, none) = TestWorld.press(
      [.character("1"), .character("3"), .character("3"), .up, .character(" ")], on: base)
    #expect(ticked.question.ticked == ["fugues", "hotel"])
    #expect(none.isEmpty)
    let (done, _) = TestWorld.press([.enter], on: ticked)
    #expect(done.walk.isFinished)
    #expect(done.screen == .orientation)
    #expect(done.walk.dispositions.map(\.code) == ["signalement-procureur", "accompagnement"])
    #expect(done.contacts["signalement-procureur"]?.map(\.structureID) == ["95/parquet-exemple", "national/119"])
  }

  /// The case-journal issue wants « change (old, new, reason) »: what the professional types in
  /// the optional prompt is the journal's reason; Escape leaves the answer as it was.
  @Test func aChangedAnswerRecordsTheReasonTyped() throws {
    let finished = try TestWorld.finishedCase()
    let (asking, _) = TestWorld.press([.character("c"), .character("5"), .character("1")], on: finished)
    #expect(asking.screen == .changeReason)
    // Letters are text in the prompt: « o », « n », « q » do not act.
    let (cancelled, noEffect) = TestWorld.press(TestWorld.type("on") + [.escape], on: asking)
    #expect(noEffect.isEmpty)
    #expect(cancelled.screen == .question)
    #expect(cancelled.editingStepID == "referent")
    #expect(cancelled.walk.path.map(\.answer) == finished.walk.path.map(\.answer))
    let typed = TestWorld.type("  la mère rappelle : suivi ASE confirmé ") + [.enter]
    let (changed, effects) = TestWorld.press([.character("1")] + typed, on: cancelled)
    #expect(changed.screen != .changeReason)
    let changes = journalEvents(effects).compactMap { if case .change(let change) = $0 { change } else { nil } }
    #expect(changes.map(\.reason) == ["la mère rappelle : suivi ASE confirmé"])
    #expect(changes.first?.step == "referent")
    #expect(changed.walk.path.first { $0.stepID == "referent" }?.changed == true)
  }

  @Test func changingAnEarlierAnswerRecomputesAndSetsAside() throws {
    let finished = try TestWorld.finishedCase()
    let (editing, _) = TestWorld.press([.character("c"), .character("1")], on: finished)
    #expect(editing.editingStepID == "securite")
    #expect(editing.question.cursor.index == 1)  // the current answer, « Non », is preselected
    // The new answer first asks for an optional reason; Enter on an empty line keeps the generic one.
    let (asking, nothingYet) = TestWorld.press([.character("1")], on: editing)
    #expect(asking.screen == .changeReason)
    #expect(asking.change.pending?.fromLabel == "Non")
    #expect(asking.change.pending?.toLabel == "Oui")
    #expect(nothingYet.isEmpty)
    #expect(asking.walk.path.count == finished.walk.path.count)
    let (changed, effects) = TestWorld.press([.enter], on: asking)
    #expect(changed.walk.path.map(\.stepID) == ["securite"])
    #expect(changed.walk.path.first?.changed == true)
    #expect(changed.walk.setAside.count == 5)
    #expect(changed.walk.level?.id == "urgence")
    let events = journalEvents(effects)
    let reasons = events.compactMap { if case .change(let change) = $0 { change.reason } else { nil } }
    #expect(reasons == [RulesCaseWalker.defaultChangeReason])
    #expect(events.contains { if case .disposition = $0 { true } else { false } })
    let (restored, _) = TestWorld.press([.character("c"), .character("1"), .character("2"), .enter], on: changed)
    #expect(restored.walk.isFinished)
    #expect(restored.walk.setAside.isEmpty)
    #expect(restored.walk.path.count == 6)
  }

  @Test func escapeCancelsAChangeWithoutTouchingTheAnswer() throws {
    let finished = try TestWorld.finishedCase()
    let (cancelled, effects) = TestWorld.press([.character("c"), .character("2"), .escape], on: finished)
    #expect(cancelled.editingStepID == nil)
    #expect(cancelled.screen == .orientation)
    #expect(effects.isEmpty)
  }

  @Test func searchShowsResultsAsYouTypeAndOpensTheRecord() throws {
    let (searching, _) = TestWorld.press([.character("/")] + t("exemple"), on: try TestWorld.state())
    #expect(searching.screen == .search)
    #expect(searching.search.results.count == 3)
    let (narrower, _) = TestWorld.press(t(" crip"), on: searching)
    #expect(narrower.search.query == "exemple crip")
    let (wider, _) = TestWorld.press([.backspace, .backspace, .backspace, .backspace, .backspace], on: narrower)
    #expect(wider.search.results.count == 3)
    let (detail, _) = TestWorld.press([.down, .enter], on: wider)
    guard case .detail(let id, _, _) = detail.overlays.last else {
      Issue.record("no detail")
      return
    }
    #expect(id == "95/parquet-exemple")
    let text = UIProgram.render(detail).text
    #expect(text.contains("01 99 00 95 02"))
    #expect(text.contains("EXEMPLE"))
    #expect(text.contains("réservé aux professionnels"))
    let (back, _) = TestWorld.press([.escape, .escape], on: detail)
    #expect(back.overlays.isEmpty)
    #expect(back.screen == .question)
  }

  @Test func searchIsReachableWhileTypingAnAnswerWithF3() throws {
    let typing = TestWorld.press([.character("2"), .character("1")] + t("Cer"), on: try TestWorld.state()).0
    let (searching, _) = TestWorld.press([.function(3)] + t("119"), on: typing)
    #expect(searching.search.results.map(\.id) == ["national/119"])
    let (back, _) = TestWorld.press([.escape], on: searching)
    #expect(back.question.input == "Cer")
  }

  @Test func notesAreMultiLineUTF8AndJournaledWhenSaved() throws {
    let (state, effects) = TestWorld.press(
      [.character("n")] + t("Léa dit « il m'attend »") + [.enter] + t("漢字 ✓") + [.escape], on: try TestWorld.state())
    #expect(state.notes.map(\.text) == ["Léa dit « il m'attend »\n漢字 ✓"])
    guard case .note(let note) = journalEvents(effects).last else {
      Issue.record("no note journaled")
      return
    }
    #expect(note.text == "Léa dit « il m'attend »\n漢字 ✓")
    let (empty, none) = TestWorld.press([.character("n"), .function(2)], on: state)
    #expect(empty.notes.count == 1)
    #expect(none.isEmpty)
  }

  @Test func raisingTheLevelNeedsAReason() throws {
    let finished = try TestWorld.finishedCase()
    #expect(finished.walk.level?.id == "signalement")
    #expect(finished.higherLevels.map(\.id) == ["urgence"])
    let (noReason, _) = TestWorld.press([.character("l"), .character("1"), .enter], on: finished)
    #expect(noReason.status?.kind == .error)
    #expect(noReason.walk.level?.id == "signalement")
    let (raised, effects) = TestWorld.press(t("L'adulte est là") + [.enter], on: noReason)
    #expect(raised.walk.level?.id == "urgence")
    #expect(raised.walk.raisedReason == "L'adulte est là")
    #expect(raised.overlays.isEmpty)
    guard case .levelRaise(let event) = journalEvents(effects).first else {
      Issue.record("no level raise journaled")
      return
    }
    #expect(event.to == "urgence")
    #expect(event.reason == "L'adulte est là")
  }

  @Test func quittingAsksFirstWhenACaseIsOpen() throws {
    let (empty, quitNow) = TestWorld.press([.character("q")], on: try TestWorld.state())
    #expect(quitNow == [.quit(closeAs: nil)])
    #expect(empty.overlays.isEmpty)
    let open = TestWorld.press([.character("2")], on: try TestWorld.state()).0
    let (asking, none) = TestWorld.press([.character("q")], on: open)
    #expect(asking.screen == .confirmQuit)
    #expect(none.isEmpty)
    let (stayed, _) = TestWorld.press([.character("n")], on: asking)
    #expect(stayed.screen == .question)
    let (_, leave) = TestWorld.press([.character("q"), .character("o")], on: stayed)
    #expect(leave == [.quit(closeAs: nil)])
    let (_, finishedLeave) = TestWorld.press([.character("q"), .character("o")], on: try TestWorld.finishedCase())
    // After the orientation the case stays open for follow-ups; `f` closes it.
    #expect(finishedLeave == [.quit(closeAs: nil)])
    let (_, closing) = TestWorld.press([.character("q"), .character("f")], on: try TestWorld.finishedCase())
    #expect(closing == [.quit(closeAs: .completed)])
  }

  @Test func aSignalLeavesAtOnceAndSuspends() throws {
    let open = TestWorld.press([.character("2")], on: try TestWorld.state()).0
    let (_, effects) = UIProgram.update(open, .terminate)
    #expect(effects == [.quit(closeAs: nil)])
  }

  @Test func exportAsksTheRuntimeWithATextSummary() throws {
    let (state, effects) = TestWorld.press([.character("e")], on: try TestWorld.finishedCase())
    guard case .export(let summary, let name) = effects.first else {
      Issue.record("no export")
      return
    }
    #expect(name.hasPrefix("repere-synthese-20261129"))
    #expect(summary.contains("Signaler au procureur"))
    #expect(summary.contains("Cergy (95)"))
    let (done, _) = UIProgram.update(state, .exported(path: "/tmp/x.md"))
    #expect(done.status?.text.contains("/tmp/x.md") == true)
  }

  @Test func belowTheMinimumOnlyQuitWorks() throws {
    var state = try TestWorld.state()
    state = UIProgram.update(state, .resized(GridSize(columns: 60, rows: 20))).0
    let (same, none) = TestWorld.press([.character("2")], on: state)
    #expect(same.walk.path.isEmpty)
    #expect(none.isEmpty)
    #expect(UIProgram.render(same).text.contains("Agrandissez le terminal (80×24 minimum)"))
    let (_, quit) = TestWorld.press([.character("q")], on: same)
    #expect(quit == [.quit(closeAs: nil)])
    let resized = UIProgram.update(same, .resized(.minimum)).0
    #expect(UIProgram.render(resized).text.contains("Question 1"))
  }

  @Test func aClickOnAnOptionAnswersIt() throws {
    let state = try TestWorld.state()
    let grid = UIProgram.render(state)
    let row = try #require(grid.textLines.firstIndex { $0.contains("2  Non") })
    let (clicked, _) = UIProgram.update(state, .click(x: 5, y: row))
    #expect(clicked.walk.path.map(\.answer) == ["Non"])
    let (missed, none) = UIProgram.update(state, .click(x: 5, y: 0))
    #expect(missed.walk.path.isEmpty)
    #expect(none.isEmpty)
  }

  @Test func theTimerCountsFromTheOpeningOfTheCase() throws {
    let state = UIProgram.update(try TestWorld.state(), .tick(TestWorld.now.addingTimeInterval(754))).0
    #expect(UIProgram.render(state).textLines[0].hasSuffix("12:34"))
    #expect(Renderer.timer(from: TestWorld.now, to: TestWorld.now.addingTimeInterval(7384)) == "2:03:04")
  }
}

@Suite struct RobustnessTests {
  /// A walker whose texts carry terminal escape sequences.
  struct HostileWalker: CaseWalking {
    var view: WalkView {
      WalkView(
        protocolID: "x", protocolTitle: "Titre\u{1B}]0;pwned\u{07}", protocolVersion: "1\u{1B}[2J",
        current: StepView(
          id: "q", kind: .choice, text: "Question\u{1B}[31m rouge\u{9B}2J", help: "aide\u{1B}c",
          options: [OptionView(value: "a", label: "Option\u{1B}[1mA\u{202E}")]),
        path: [PathItem(stepID: "p", question: "Avant\u{1B}[H", answer: "oui\u{08}\u{08}")],
        place: PlaceValue(communeCode: nil, departement: "93", label: "Lieu\u{1B}[5m"))
    }
    func step(_ id: String) -> StepView? { view.current }
    mutating func answer(_ stepID: String, _ input: AnswerInput) -> Result<[WalkEvent], WalkRejection> {
      .failure(WalkRejection("refus\u{1B}[2J"))
    }
    mutating func goBack() -> [WalkEvent] { [] }
    mutating func raiseLevel(to levelID: String, reason: String) -> Result<[WalkEvent], WalkRejection> { .success([]) }
    mutating func setPlace(_ place: PlaceValue, typed: String) -> [WalkEvent] { [] }
    func number(forVariable name: String) -> Double? { nil }
    func label(_ input: AnswerInput, stepID: String) -> String { "\(input)" }
  }

  static func hasControlCharacters(_ grid: CellGrid) -> Bool {
    grid.cells.contains { cell in
      cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
    }
  }

  @Test func noControlCharacterFromDataReachesTheGrid() {
    var (state, _) = UIProgram.start(
      walker: HostileWalker(), services: TestWorld.services, language: .fr, size: .minimum, now: TestWorld.now)
    state = UIProgram.update(state, .key(.enter)).0  // refused: the message is shown
    for overlays: [Overlay] in [[], [.help(scroll: 0)], [.changeAnswer], [.notes]] {
      state.overlays = overlays
      let grid = UIProgram.render(state)
      #expect(!Self.hasControlCharacters(grid))
      #expect(grid.text.contains("Question[31m rouge2J") || !overlays.isEmpty)
    }
  }

  @Test func everySizeDownToOneByOneRendersWithoutGarbage() throws {
    let states = [try TestWorld.state(), try TestWorld.finishedCase()]
    for state in states {
      for columns in [1, 2, 5, 20, 79, 80, 81, 133] {
        for rows in [1, 2, 7, 23, 24, 25, 50] {
          var sized = state
          sized = UIProgram.update(sized, .resized(GridSize(columns: columns, rows: rows))).0
          let grid = UIProgram.render(sized)
          #expect(grid.size == GridSize(columns: columns, rows: rows))
          #expect(grid.cells.count == columns * rows)
          #expect(!Self.hasControlCharacters(grid))
        }
      }
    }
  }
}

@Suite struct BackgroundLoadingTests {
  @Test func theFirstQuestionComesBeforeTheDirectoryAndThePlaceWaitsForIt() throws {
    let (start, effects) = UIProgram.start(
      walker: try TestWorld.walker(), services: AppServices(), language: .fr, size: .minimum, now: TestWorld.now,
      placeText: "95")
    #expect(effects.isEmpty)
    #expect(start.pendingPlaceText == "95")
    #expect(UIProgram.render(start).text.contains("Question 1"))
    var loaded = TestWorld.services
    loaded.dataErrors = ["annuaire/x.yaml:3:5: error: unknown key 'nom2' [unknown-key]"]
    let (ready, placeEffects) = UIProgram.servicesLoaded(start, loaded)
    #expect(ready.walk.place?.label == "Cergy (95)")
    #expect(!placeEffects.isEmpty)
    #expect(ready.status?.kind == .error)
    #expect(ready.status?.text.contains("annuaire/x.yaml:3:5") == true)
  }

  @Test func anOpenSearchSaysItIsLoadingAndIsRefreshedWhenTheDirectoryArrives() throws {
    var loading = AppServices()
    loading.isLoading = true
    let (start, _) = UIProgram.start(
      walker: try TestWorld.walker(), services: loading, language: .fr, size: .minimum, now: TestWorld.now)
    let (searching, _) = TestWorld.press([.character("/")] + TestWorld.type("119"), on: start)
    #expect(searching.search.results.isEmpty)
    #expect(UIProgram.render(searching).text.contains("Chargement de l'annuaire"))
    // The background load arrives as a message through `update`, like every other event.
    let (ready, _) = UIProgram.update(searching, .servicesLoaded(LoadedServices(TestWorld.services)))
    #expect(ready.search.results.map(\.id) == ["national/119"])
    #expect(!UIProgram.render(ready).text.contains("Chargement de l'annuaire"))
  }

  @Test func aBundleWithoutDirectoryDoesNotClaimToBeLoadingIt() throws {
    let (start, _) = UIProgram.start(
      walker: try TestWorld.walker(), services: AppServices(), language: .fr, size: .minimum, now: TestWorld.now)
    let (searching, _) = TestWorld.press([.character("/")] + TestWorld.type("119"), on: start)
    let screen = UIProgram.render(searching).text
    #expect(!screen.contains("Chargement de l'annuaire"))
    #expect(screen.contains("absent"))
  }
}
