import Foundation
import RepereJournal
import Testing

@testable import RepereUI

@Suite struct PlainSessionTests {
  /// Feeds lines, acknowledging journal writes like the runner does.
  static func feed(_ lines: [String], to session: inout PlainSession) -> (effects: [Effect], output: [String]) {
    var allEffects: [Effect] = []
    var allOutput: [String] = []
    for line in lines {
      let (effects, output) = session.handle(line)
      allEffects += effects
      allOutput += output
      for case .journal(let events) in effects { _ = session.apply(.journalSaved(count: events.count)) }
    }
    return (allEffects, allOutput)
  }

  @Test func numberedPromptsWithoutAnyEscapeSequence() throws {
    let session = PlainSession(state: try TestWorld.state())
    #expect(
      session.screenText == [
        "Question 1 — L'enfant est-il en danger immédiat (retenu·e, blessé·e, avec un exploiteur) ?",
        "  1. Oui", "  2. Non", "  0. Je ne sais pas",
      ])
  }

  @Test func aScriptedCaseReachesTheOrientation() throws {
    var session = PlainSession(state: try TestWorld.state())
    let (effects, _) = Self.feed(["2", "1", "Cergy", "15", "2", "1,2"], to: &session)
    #expect(session.state.walk.isFinished)
    #expect(session.screenText.contains { $0.contains("Signaler au procureur") })
    #expect(session.screenText.contains { $0.contains("[EXEMPLE]") })
    #expect(effects.contains { if case .journal = $0 { true } else { false } })
  }

  @Test func typedAnswersCommandsAndRefusals() throws {
    var session = PlainSession(state: try TestWorld.state())
    _ = Self.feed(["2", "1", "Cergy"], to: &session)
    #expect(session.screenText.first?.hasPrefix("Question 4") == true)
    _ = Self.feed(["quinze"], to: &session)
    #expect(session.statusText?.hasPrefix("! ") == true)
    _ = Self.feed([":0"], to: &session)  // « je ne sais pas » for a typed answer
    #expect(session.state.walk.path.last?.answer == "Je ne sais pas")
    _ = Self.feed([":retour"], to: &session)
    #expect(session.state.displayedStep?.id == "age")
    let (_, help) = Self.feed([":aide"], to: &session)
    #expect(help.contains { $0.hasPrefix(":changer N") })
    let (_, unknown) = Self.feed([":xyz"], to: &session)
    #expect(unknown.count == 1)
    #expect(unknown.first?.hasPrefix("Commande « :xyz » inconnue — ") == true, "\(unknown)")
    var fresh = PlainSession(state: try TestWorld.state())
    let (_, outOfRange) = Self.feed(["7"], to: &fresh)  // not an option: refused, not « je ne sais pas »
    #expect(outOfRange == ["Réponse non comprise : tapez le numéro d'une option, de 1 à 2 (ou :aide)"])
    #expect(fresh.refusedLine)
    #expect(fresh.state.walk.path.isEmpty)
  }

  @Test func searchRecordNoteLevelAndChange() throws {
    var session = PlainSession(state: try TestWorld.state())
    _ = Self.feed(["2", "1", "Cergy", "15", "2", "1,2"], to: &session)
    let (_, results) = Self.feed([":annuaire exemple"], to: &session)
    #expect(results.first?.contains("1. EXEMPLE — CRIP du Val-d'Oise [EXEMPLE]") == true)
    let (_, record) = Self.feed([":fiche 2"], to: &session)
    #expect(record.contains { $0.contains("01 99 00 95 02") })
    #expect(session.state.overlays.isEmpty)
    let (noteEffects, _) = Self.feed([":note Rappeler demain"], to: &session)
    #expect(session.state.notes.map(\.text) == ["Rappeler demain"])
    #expect(!noteEffects.isEmpty)
    let (_, levels) = Self.feed([":niveau"], to: &session)
    #expect(levels.contains { $0.contains("URGENCE") })
    _ = Self.feed([":niveau 1 adulte sur place"], to: &session)
    #expect(session.state.walk.level?.id == "urgence")
    _ = Self.feed([":changer 1", "1"], to: &session)
    #expect(session.screenText.last == Chrome.plainChangeReason(.fr))
    #expect(session.screenText.contains("Non → Oui"))
    let (effects, _) = Self.feed(["adulte sur place"], to: &session)
    let reasons = effects.flatMap { effect -> [String] in
      guard case .journal(let events) = effect else { return [] }
      return events.compactMap { if case .change(let change) = $0 { change.reason } else { nil } }
    }
    #expect(reasons == ["adulte sur place"])
    #expect(session.state.walk.path.count == 1)
    #expect(session.state.walk.setAside.count == 5)
  }

  @Test func ambiguousPlacesAndQuitting() throws {
    var session = PlainSession(state: try TestWorld.state())
    _ = Self.feed(["2", "1", "Saint-Denis"], to: &session)
    #expect(session.screenText.contains("  2. Saint-Denis (974)"))
    _ = Self.feed(["1"], to: &session)
    #expect(session.state.walk.place?.departement == "93")
    let (asked, _) = Self.feed([":quitter"], to: &session)
    #expect(asked.isEmpty)
    #expect(session.screenText.last == Chrome.plainYesNo(.fr))
    let (leave, _) = Self.feed(["o"], to: &session)
    #expect(leave == [.quit(closeAs: nil)])
    #expect(session.finished)
  }

  /// Issue 12, point 10: after the orientation, a typo (« exprot », « :exprot ») got the whole
  /// orientation printed again. One line says what is accepted; the orientation is not repeated.
  @Test func aMistypedLineAfterTheOrientationGetsOneLine() throws {
    var session = PlainSession(state: try TestWorld.state())
    _ = Self.feed(["2", "1", "Cergy", "15", "2", "1,2"], to: &session)
    #expect(session.state.walk.isFinished)
    let shown = session.screenText
    #expect(shown.count > 5)
    for typo in ["exprot", ":exprot"] {
      let (effects, output) = Self.feed([typo], to: &session)
      #expect(effects.isEmpty)
      #expect(output.count == 1, "\(output)")
      #expect(output.first?.contains(":export, :note texte") == true, "\(output)")
      #expect(!session.reprints(session.screenText, shown: shown, output: output), "the orientation is not repeated")
    }
    // A command that did something still shows the screen when it changed.
    let (_, noteOutput) = Self.feed([":note"], to: &session)
    #expect(session.reprints(session.screenText, shown: shown, output: noteOutput))
  }

  /// The plain mode sends actions by name (`Msg.action`) where it used to press keys: on every
  /// screen it sends from, the table gives each of those keys exactly the action now sent (or
  /// none where the action does not apply), so the behaviour is the one the keys had.
  @Test func theActionsSentAreThoseItsFormerKeysGave() throws {
    // Commands leave only these screens open before they act.
    let commandScreens: [ScreenKind] = [.question, .typedQuestion, .orientation, .placeChoice, .confirmQuit]
    let formerKeys: [(key: KeyPress, action: ActionID, screens: [ScreenKind])] = [
      (
        .enter, .confirm,
        [
          .question, .typedQuestion, .placeChoice, .changeReason, .changeAnswer, .search, .levelReason, .placeEntry,
          .followUp,
        ]
      ),
      (.character("0"), .unknown, [.question]), (.function(9), .unknown, commandScreens),
      (.left, .back, commandScreens), (.function(6), .changeAnswer, commandScreens),
      (.function(3), .search, commandScreens), (.function(4), .raiseLevel, commandScreens),
      (.control("p"), .setPlace, commandScreens), (.function(5), .export, commandScreens),
      (.function(10), .quit, commandScreens), (.character("o"), .yes, [.confirmQuit]),
      (.escape, .no, [.confirmQuit]), (.character("f"), .closeCase, [.confirmQuit]),
    ]
    for (key, action, screens) in formerKeys {
      for screen in screens {
        let offered = try #require(ActionTable.spec(action)).screens.contains(screen)
        #expect(ActionTable.action(for: key, on: screen) == (offered ? action : nil), "\(key) on \(screen)")
      }
    }
  }

  @Test func anActionThatDoesNotApplySaysSoLikeAKeyThatDoesNothing() throws {
    var state = try TestWorld.state()
    let (afterKey, _) = UIProgram.update(state, .key(.function(12)))
    state = UIProgram.update(state, .action(.debrief)).0
    #expect(state.status == afterKey.status)
    #expect(state.status != nil)
  }
}
