import Foundation
import RepereBase
import RepereBundle
import Testing

@testable import RepereUI

/// A training session through the pure core: vignette, walk, reveals, debrief, presenter mode,
/// and what a session must not do (journal, notes on a projector).
@Suite struct TrainingUpdateTests {
  let t = TestWorld.type

  @Test func sessionOpensOnTheVignetteAtTheScenarioClock() throws {
    let state = try TrainingWorld.state()
    #expect(state.screen == .trainingVignette)
    #expect(state.now == TestWorld.now)  // the scenario's `now`: 29 Nov 2026 23:10, Paris
    #expect(state.openedAt == TestWorld.now)
    let text = UIProgram.render(state).text
    #expect(text.contains("dimanche 29 novembre 2026, 23 h 10"))
    #expect(text.contains("Formation · Lina, 17 ans"))
  }

  @Test func contactsAreResolvedAtTheScenarioClock() throws {
    let start = try TrainingWorld.state(contacts: ClockEchoContacts())
    let state = TestWorld.press(TrainingWorld.walkKeys(), on: start).0
    let reasons = state.contacts.values.flatMap { $0.map(\.reason) }
    #expect(!reasons.isEmpty)
    #expect(reasons.allSatisfy { $0 == "demandé à \(Int(TestWorld.now.timeIntervalSince1970))" })
  }

  @Test func sessionClockRunsFromTheScenarioNow() {
    let wallStart = Date(timeIntervalSince1970: 2_000_000_000)
    let time = TrainingProgram.sessionTime(
      origin: TestWorld.now, wallStart: wallStart, wallNow: wallStart.addingTimeInterval(90))
    #expect(time == TestWorld.now.addingTimeInterval(90))
  }

  @Test func enterStartsTheWalkAndVComesBackToTheVignette() throws {
    let walking = TestWorld.press([.enter], on: try TrainingWorld.state()).0
    #expect(walking.screen == .question)
    #expect(walking.displayedStep?.id == "securite")
    let vignette = TestWorld.press([.character("2"), .character("v")], on: walking).0
    #expect(vignette.screen == .trainingVignette)
    let back = TestWorld.press([.escape], on: vignette).0
    #expect(back.screen == .question)
    #expect(back.displayedStep?.id == "appelant")
  }

  @Test func revealShowsTheReferenceWithoutAnswering() throws {
    let walking = TestWorld.press([.enter], on: try TrainingWorld.state()).0
    let revealed = TestWorld.press([.character("r")], on: walking).0
    #expect(revealed.screen == .trainingReveal)
    #expect(revealed.training?.revealed == ["securite"])
    let text = UIProgram.render(revealed).text
    #expect(text.contains("Réponse du scénario : Non"))
    #expect(text.contains("CASF, art. L226-4 — avis au procureur"))
    #expect(text.contains("https://www.legifrance.gouv.fr/"))
    let closed = TestWorld.press([.escape], on: revealed).0
    #expect(closed.screen == .question)
    #expect(closed.walk.path.isEmpty)
    let again = TestWorld.press([.character("r"), .character("r")], on: walking).0
    #expect(again.screen == .question)
  }

  @Test func onATypedQuestionROnlyTypesAndF8Reveals() throws {
    let atPlace = TestWorld.press([.enter, .character("2"), .character("2")], on: try TrainingWorld.state()).0
    #expect(atPlace.screen == .typedQuestion)
    let typed = TestWorld.press([.character("r")], on: atPlace).0
    #expect(typed.question.input == "r")
    #expect(typed.screen == .typedQuestion)
    let revealed = TestWorld.press([.function(8)], on: atPlace).0
    #expect(revealed.screen == .trainingReveal)
    #expect(UIProgram.render(revealed).text.contains("Réponse du scénario : Cergy (95)"))
  }

  @Test func revealOffThePathSaysWhereTheGroupLeftIt() throws {
    // The group says « danger immédiat »: its walk ends at a step the scenario never reaches.
    let state = TestWorld.press([.enter, .character("1")], on: try TrainingWorld.state()).0
    #expect(state.walk.isFinished)
    let debrief = try #require(state.trainingDebrief)
    #expect(debrief.firstMismatch?.stepID == "securite")
    var revealing = state
    revealing.training?.revealing = "urgence"
    revealing.training?.phase = .walking
    let text = UIProgram.render(revealing).text
    #expect(text.contains("Le scénario ne passe pas par cette étape."))
    #expect(text.contains("Le groupe a quitté le chemin de référence"))
  }

  @Test func aSessionNeverWritesTheJournal() throws {
    let (state, effects) = TestWorld.press(TrainingWorld.walkKeys(), on: try TrainingWorld.state())
    #expect(state.walk.isFinished)
    #expect(!effects.contains { if case .journal = $0 { true } else { false } })
    #expect(state.journalPending == 0)
    #expect(!UIProgram.render(state).text.contains("enregistré"))
  }

  @Test func debriefOfTheReferenceWalkMatchesEverywhere() throws {
    let finished = TestWorld.press(TrainingWorld.walkKeys(), on: try TrainingWorld.state()).0
    let debriefing = TestWorld.press([.character("d")], on: finished).0
    #expect(debriefing.screen == .trainingDebrief)
    let debrief = try #require(debriefing.trainingDebrief)
    #expect(debrief.allMatch, "\(debrief)")
    let text = UIProgram.render(debriefing.resized(GridSize(columns: 120, rows: 80))).text
    #expect(text.contains("Tout est conforme à la référence."))
    #expect(text.contains("✓ 4  Quel âge a l'enfant ? (protocole 95)"))
    #expect(text.contains("Points clés pour la discussion"))
    #expect(!text.contains("✗"))
  }

  @Test func debriefMarksTheUncorrectedAgeAndTheOutcome() throws {
    let finished = TestWorld.press(TrainingWorld.walkKeys(age: "19"), on: try TrainingWorld.state()).0
    let state = TestWorld.press([.character("d")], on: finished).0.resized(GridSize(columns: 120, rows: 80))
    let text = UIProgram.render(state).text
    #expect(text.contains("✗ 4  Quel âge a l'enfant ? (protocole 95)"))
    #expect(text.contains("groupe : 19 ans · référence : 17 ans (corrigée dans le scénario)"))
    #expect(text.contains("✗ Niveau — attendu : SIGNALEMENT · obtenu : INFO. PRÉOCCUPANTE"))
    #expect(text.contains("attendue, non retenue"))
    #expect(text.contains("retenue, non attendue"))
  }

  @Test func debriefBeforeTheEndSaysTheWalkIsUnfinished() throws {
    let state = TestWorld.press([.enter, .character("2"), .character("d")], on: try TrainingWorld.state()).0
    #expect(state.screen == .trainingDebrief)
    let text = UIProgram.render(state.resized(GridSize(columns: 120, rows: 80))).text
    #expect(text.contains("Parcours inachevé"))
    #expect(text.contains("non atteinte par le groupe"))
    let back = TestWorld.press([.escape], on: state).0
    #expect(back.screen == .question)
    #expect(back.displayedStep?.id == "appelant")
  }

  @Test func debriefScrollsWithinItsText() throws {
    let finished = TestWorld.press(TrainingWorld.walkKeys(age: "19") + [.character("d")], on: try TrainingWorld.state())
      .0
    let bottom = TestWorld.press(Array(repeating: .pageDown, count: 20), on: finished).0
    let scroll = try #require(bottom.training?.scroll)
    #expect(scroll > 0)
    let lines = TrainingScreens(state: bottom).lines.count
    #expect(scroll == lines - Frame(size: bottom.size).bodyHeight)
    #expect(UIProgram.render(bottom).text.contains("que deviner."))
    let top = TestWorld.press(Array(repeating: .up, count: 100), on: bottom).0
    #expect(top.training?.scroll == 0)
  }

  @Test func exportWritesTheDebriefOnlyFromTheDebrief() throws {
    let finished = TestWorld.press(TrainingWorld.walkKeys(), on: try TrainingWorld.state()).0
    let (_, onOrientation) = TestWorld.press([.character("e")], on: finished)
    #expect(onOrientation.isEmpty)
    let (_, effects) = TestWorld.press([.character("d"), .character("e")], on: finished)
    guard case .export(let text, let name) = effects.first else {
      Issue.record("expected an export, got \(effects)")
      return
    }
    #expect(name == "repere-formation-lina-cergy.txt")
    #expect(text.hasPrefix("Repère — Formation · Lina, 17 ans"))
    #expect(text.contains("Moment de l'appel : dimanche 29 novembre 2026, 23 h 10"))
    #expect(text.contains("✓ 7  Issue : Signaler au procureur de la République"))
    #expect(text.hasSuffix("que deviner.\n"))
  }

  @Test func quittingAsksOnceTheGroupHasAnsweredAndSaysNothingIsRecorded() throws {
    let (_, atStart) = TestWorld.press([.character("q")], on: try TrainingWorld.state())
    #expect(atStart == [.quit(closeAs: nil)])
    let asked = TestWorld.press([.enter, .character("2"), .character("q")], on: try TrainingWorld.state()).0
    #expect(asked.screen == .confirmQuit)
    #expect(UIProgram.render(asked).text.contains("La séance de formation n'est pas enregistrée"))
  }

  @Test func presenterModeHasNoTimerNoNotesAndRoomBetweenOptions() throws {
    let start = try TrainingWorld.state(presenter: true)
    let walking = TrainingWorld.after([.enter, .character("2")], from: start)
    let text = UIProgram.render(walking).text
    #expect(!text.contains("03:12"))
    #expect(!text.contains("notes"))
    let notes = TestWorld.press([.character("n")], on: walking).0
    #expect(notes.overlays.isEmpty)
    let lines = UIProgram.render(walking).textLines
    let first = try #require(lines.firstIndex { $0.contains("1  Un·e professionnel·le") })
    #expect(lines[first + 1].prefix(40).trimmingCharacters(in: .whitespaces).isEmpty)
    #expect(lines[first + 2].contains("2  Un·e proche"))

    let ordinary = TrainingWorld.after([.enter, .character("2")], from: try TrainingWorld.state())
    #expect(UIProgram.render(ordinary).text.contains("03:12"))
    #expect(UIProgram.render(ordinary).text.contains("notes"))
  }

  @Test func trainingActionsStayOutOfARealCase() throws {
    let state = try TestWorld.state()
    let (same, effects) = TestWorld.press([.character("r"), .character("d"), .character("v")], on: state)
    #expect(effects.isEmpty)
    #expect(same.screen == .question)
    #expect(same.training == nil)
    let text = UIProgram.render(same).text
    #expect(!text.contains("réponse réf."))
    #expect(!text.contains("débriefing"))
  }

  @Test func englishSession() throws {
    let state = TestWorld.press(
      TrainingWorld.walkKeys(age: "19") + [.character("d")], on: try TrainingWorld.state(language: .en)
    ).0
    let text = UIProgram.render(state.resized(GridSize(columns: 120, rows: 80))).text
    #expect(text.contains("Debrief — Lina"))
    #expect(text.contains("group: 19 ans · reference: 17 ans (corrected in the scenario)"))
    #expect(text.contains("✗ Level — expected: PROSECUTOR · reached: CONCERN REPORT"))
  }

  @Test func trainingChromeExistsInBothLanguagesWithTheSamePlaceholders() {
    for key in TrainingChrome.allCases {
      let text = key.text
      #expect(!text.fr.isEmpty && !text.en.isEmpty, "\(key)")
      #expect(
        text.fr.components(separatedBy: "%@").count == text.en.components(separatedBy: "%@").count, "\(key)")
    }
  }

  @Test func scenarioTextIsReflowedToTheScreen() {
    #expect(TrainingText.reflow("un\ndeux\n\ntrois\n- quatre\n") == "un deux\n\ntrois\n- quatre")
    #expect(TrainingText.clock(TestWorld.now, .en) == "Sunday 29 November 2026, 23:10")
  }
}

extension AppState {
  /// The same state drawn at another size.
  func resized(_ size: GridSize) -> AppState {
    var copy = self
    copy.size = size
    return copy
  }
}
