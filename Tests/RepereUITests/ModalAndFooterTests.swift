import Foundation
import RepereBase
import RepereRules
import Testing

@testable import RepereUI

/// Every screen and modal reached from the start: the footer shows exactly the keys that act
/// there (from the action table), and the quit confirmation is a box over whatever was showing.
@Suite struct ModalAndFooterTests {
  static let size = GridSize(columns: 80, rows: 24)

  /// One state per screen of a real case (training screens have their own tests).
  static func states() throws -> [ScreenKind: AppState] {
    let start = try TestWorld.state(size: size)
    let finished = try TestWorld.finishedCase(size: size)
    let t = TestWorld.type
    func at(_ keys: [KeyPress], from state: AppState) -> AppState { TestWorld.press(keys, on: state).0 }
    return [
      .question: at([.character("2")], from: start),
      .typedQuestion: at([.character("2"), .character("1")], from: start),
      .orientation: finished,
      .search: at([.character("/")] + t("exemple"), from: finished),
      .detail: at([.character("/")] + t("crip") + [.enter], from: finished),
      .help: at([.character("2"), .character("?")], from: start),
      .notes: at([.character("n")] + t("Rappeler"), from: finished),
      .raiseLevel: at([.character("l")], from: finished),
      .levelReason: at([.character("l"), .character("1")] + t("sur place"), from: finished),
      .confirmQuit: at([.character("q")], from: finished),
      .placeChoice: at([.character("2"), .character("1")] + t("Saint-Denis") + [.enter], from: start),
      .changeAnswer: at([.character("c")], from: finished),
      .changeReason: at([.character("c"), .character("5"), .character("1")], from: finished),
      .resumeList: at([.character("r")], from: try TestWorld.stateOfferingResume(size: size)),
      .placeEntry: at([.character("p")] + t("Cergy"), from: finished),
      .followUp: at([.character("s")] + t("CRIP 95"), from: finished),
    ]
  }

  /// The « key label » items of the footer's two rows, as drawn.
  static func footerItems(_ grid: CellGrid) -> [String] {
    let rows = grid.textLines.suffix(2).joined(separator: "  ")
    return rows.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  @Test func everyScreenOfACaseIsCovered() throws {
    let states = try Self.states()
    for (screen, state) in states { #expect(state.screen == screen, "\(screen) reached \(state.screen)") }
    let training: Set<ScreenKind> = [.trainingVignette, .trainingReveal, .trainingDebrief]
    #expect(Set(states.keys) == Set(ScreenKind.allCases).subtracting(training))
  }

  /// The integrator saw « o oui  n non  Entrée valider … o orientation … n notes » under the
  /// quit box: the footer of the screen below showed through. Each footer must be exactly the
  /// screen's own actions, each key once.
  @Test func theFooterListsOnlyTheScreensOwnKeysEachOnce() throws {
    for (screen, state) in try Self.states() {
      let expected = ActionTable.footer(on: screen).filter { state.allows($0.id, on: screen) }.map {
        $0.keyLabel(on: screen, .fr) + " " + $0.label(.fr)
      }
      let drawn = Self.footerItems(UIProgram.render(state))
      #expect(drawn == expected, "\(screen)")
      let keys = expected.map { $0.split(separator: " ").first.map(String.init) ?? "" }
      #expect(Set(keys).count == keys.count, "\(screen): a key shown twice in \(keys)")
    }
  }

  /// Each action in a footer does something on its screen: the drawing, the windows open or the
  /// effects change when its key is pressed.
  @Test func everyFooterActionActsOnItsScreen() throws {
    func fingerprint(_ state: AppState) -> String {
      UIProgram.render(state).text + "\(state.overlays) \(state.orientation.selection)"
    }
    for (screen, state) in try Self.states() {
      for spec in ActionTable.footer(on: screen) where state.allows(spec.id, on: screen) {
        guard let pattern = spec.keys(on: screen).first else { continue }
        let key: KeyPress
        switch pattern {
        case .digits: key = .character("1")
        case .key(let press): key = press
        }
        let (after, effects) = UIProgram.update(state, .key(key))
        #expect(!effects.isEmpty || fingerprint(after) != fingerprint(state), "\(screen): \(spec.id) does nothing")
      }
    }
  }

  /// Integrator: on the orientation, `q` showed no « Quitter Repère ? » box. The box is drawn
  /// over every screen it can be asked from, and the screen stays visible around it.
  @Test func theQuitBoxIsDrawnOverEveryScreen() throws {
    for (screen, state) in try Self.states() where screen != .confirmQuit && screen != .changeReason {
      var asking = state
      asking.overlays.append(.confirmQuit)
      let below = UIProgram.render(state).textLines
      let lines = UIProgram.render(asking).textLines
      #expect(lines.contains { $0.contains("│  Quitter Repère ?") }, "\(screen): no quit box")
      // After the orientation the box also offers to close the case.
      let closes = asking.allows(.closeCase, on: .confirmQuit)
      let ask = closes ? "o : quitter   f : clore le dossier et quitter   n : rester" : "o : quitter   n : rester"
      #expect(lines.contains { $0.contains(ask) }, "\(screen)")
      #expect(lines[0] == below[0], "\(screen): the header changed")
      #expect(lines[2] == below[2], "\(screen): the screen under the box is gone")
      let items = closes ? ["o oui", "f clore le dossier", "n non"] : ["o oui", "n non"]
      #expect(Self.footerItems(UIProgram.render(asking)) == items, "\(screen)")
    }
  }

  /// F10 reaches the quit confirmation from every window of a case (q where it is not text).
  @Test func quittingIsAskedFromEveryWindow() throws {
    for (screen, state) in try Self.states() where screen != .confirmQuit && screen != .changeReason {
      let (after, effects) = UIProgram.update(state, .key(.function(10)))
      guard state.caseIsOpen else {
        // The resume list is offered only while the new case is empty: nothing to confirm.
        #expect(effects == [.quit(closeAs: nil)], "\(screen)")
        continue
      }
      #expect(effects.isEmpty, "\(screen)")
      #expect(after.screen == .confirmQuit, "\(screen)")
    }
  }

  @Test func quittingFromTheNotesEditorKeepsTheNote() throws {
    let state = try Self.states()[.notes]
    let (_, effects) = TestWorld.press([.function(10), .character("o")], on: try #require(state))
    let notes = effects.flatMap { effect -> [String] in
      guard case .journal(let events) = effect else { return [] }
      return events.compactMap { if case .note(let note) = $0 { note.text } else { nil } }
    }
    #expect(notes == ["Rappeler"])
    #expect(effects.last == .quit(closeAs: nil))
  }
}

/// The bundled protocols (`Protocols/`), where the integrator found the defects.
@Suite struct BundledProtocolScreenTests {
  static func state() throws -> AppState {
    let folder = TestWorld.packageRoot.appendingPathComponent("Protocols/protocoles")
    var definitions: [ProtocolDefinition] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".yaml")
    {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let (definition, findings) = ProtocolLoader.load(text: text, file: name)
      #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings)")
      definitions.append(try #require(definition))
    }
    let walker = RulesCaseWalker(
      session: CaseSession(library: ProtocolLibrary(files: definitions), protocolID: "national/orientation"),
      today: CalendarDay(year: 2026, month: 11, day: 29))
    return UIProgram.start(
      walker: walker, services: TestWorld.services, language: .fr, size: GridSize(columns: 80, rows: 24),
      now: TestWorld.now
    ).0
  }

  /// An `info` step was titled « Question 5 », then the next question too: a step that is only
  /// read is « À lire » and the counter counts questions.
  @Test func aStepToReadIsNotAQuestion() throws {
    // Not in danger, missing, no exploiter known, a professional: the runaway procedure to read.
    let (reading, _) = TestWorld.press(
      [.character("2"), .character("1"), .character("2"), .character("1")], on: try Self.state())
    #expect(reading.displayedStep?.kind == .info)
    let lines = UIProgram.render(reading).textLines
    #expect(lines[2].hasPrefix(" À lire"))
    #expect(!lines.contains { $0.contains("Question") })
    let (next, _) = TestWorld.press([.enter], on: reading)
    #expect(next.displayedStep?.id == "lieu")
    #expect(UIProgram.render(next).textLines[2].hasPrefix(" Question 5"))
    var english = reading
    english.language = .en
    #expect(UIProgram.render(english).textLines[2].hasPrefix(" To read"))
  }

  /// The 18 signs at 80×24: the path pane showed only the first ticked label; it now gives the
  /// count and the start of each label. In the 95 the local question comes after the age.
  @Test func aLongChecklistAnswerIsCountedInThePathPane() throws {
    let keys: [KeyPress] =
      [.character("2"), .character("2"), .character("1")] + TestWorld.type("95") + [.enter]
      + TestWorld.type("15") + [.enter, .character("2")]
    let (signs, _) = TestWorld.press(keys, on: try Self.state())
    #expect(signs.displayedStep?.id == "signes")
    #expect(signs.displayedStep?.options.count == 18)
    // 4 Fugues, 5 Argent, 6 Voitures: the count, then as many label starts as the 31 columns hold.
    let (ticked, _) = TestWorld.press([.character("4"), .character("5"), .character("6"), .enter], on: signs)
    #expect(ticked.displayedStep?.id == "suivi")
    let lines = UIProgram.render(ticked).textLines
    #expect(lines.contains { $0.hasSuffix("│    › 3 choix : Fugues…, Argen…") }, "\(lines.joined(separator: "\n"))")
  }
}
