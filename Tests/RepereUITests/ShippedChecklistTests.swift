import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

/// The national protocol's sixteen signs (issue 12, item 3): unambiguous keys and readable at
/// 80×24.
@Suite struct ShippedChecklistTests {
  /// The shipped national walk up to the signs checklist (Cergy, 15 years old).
  static func atSigns(size: GridSize = .minimum) throws -> AppState {
    var state = ShippedWorld.state(size: size)
    var guardCount = 0
    while let step = state.displayedStep, step.kind != .multi, guardCount < 30 {
      guardCount += 1
      let input: AnswerInput =
        switch step.kind {
        case .yesno: .bool(false)
        case .info: .acknowledged
        case .number: .number(15)
        case .place: .place(try #require(ShippedWorld.bundle.places?.candidates(for: "95000").first))
        case .choice: .choice(step.id == "appelant" ? "professionnel" : step.options.first?.value ?? "")
        default: .unknown
        }
      let effects = state.apply(input, to: step.id, changeReason: nil)
      for case .journal(let events) in effects {
        state = UIProgram.update(state, .journalSaved(count: events.count)).0
      }
    }
    try #require(state.displayedStep?.kind == .multi)
    try #require(state.choices(for: try #require(state.displayedStep)).count == 18)
    return state
  }

  func ticked(_ effects: [Effect]) -> Set<String>? {
    for case .journal(let events) in effects {
      for case .answer(let answer) in events {
        if case .list(let values) = answer.value { return Set(values) }
      }
    }
    return nil
  }

  @Test func aFastOneThenTwoTicksSignsOneAndTwoNeverTwelve() throws {
    let state = try Self.atSigns()
    let (after, effects) = TestWorld.press([.character("1"), .character("2"), .enter], on: state)
    #expect(ticked(effects) == ["echange-sexuel", "tiers-organisateur"])
    #expect(after.displayedStep?.kind != .multi)
  }

  @Test func theSecondGroupIsNumberedFromOneAfterTab() throws {
    let state = try Self.atSigns()
    let keys: [KeyPress] = [.character("1"), .tab, .character("3"), .tab, .character("4"), .enter]
    let (_, effects) = TestWorld.press(keys, on: state)
    // 18 signs make three groups of six: the 9th and 16th signs are « telephones » and « argent-poche ».
    #expect(ticked(effects) == ["echange-sexuel", "telephones", "argent-poche"])
  }

  @Test func aDigitBeyondTheGroupSaysSoAndTicksNothing() throws {
    let (after, _) = TestWorld.press([.character("9")], on: try Self.atSigns())
    #expect(after.question.ticked.isEmpty)
    #expect(after.status?.kind == .error)
  }

  @Test func everyOptionOfTheGroupAndTheHintsAreVisibleAt80x24() throws {
    let text = UIProgram.render(try Self.atSigns()).text
    for number in 1...6 { #expect(text.contains("[ ] \(number)  "), "option \(number)") }
    #expect(text.contains("Je ne sais pas"))
    #expect(text.contains("Tab : autre groupe"))
    #expect(text.contains("Groupe 1 sur 3"))
  }
}
