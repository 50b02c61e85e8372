import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Lists of ten options or more: two-digit numbers.
@Suite struct TwoDigitTests {
  /// One checklist of 12 options, then one choice of 12 options, then the end.
  struct LongListsWalker: CaseWalking {
    var answers: [String: AnswerInput] = [:]
    static let options = (1...12).map { OptionView(value: "v\($0)", label: "Option \($0)") }

    var view: WalkView {
      let current: StepView? =
        answers["signes"] == nil
        ? StepView(id: "signes", kind: .multi, text: "Signes ?", options: Self.options)
        : answers["motif"] == nil ? StepView(id: "motif", kind: .choice, text: "Motif ?", options: Self.options) : nil
      return WalkView(protocolID: "t", protocolTitle: "T", protocolVersion: "1", current: current)
    }
    func step(_ id: String) -> StepView? { view.current }
    mutating func answer(_ stepID: String, _ input: AnswerInput) -> Result<[WalkEvent], WalkRejection> {
      answers[stepID] = input
      return .success([.moved])
    }
    mutating func goBack() -> [WalkEvent] { [] }
    mutating func raiseLevel(to levelID: String, reason: String) -> Result<[WalkEvent], WalkRejection> { .success([]) }
    mutating func setPlace(_ place: PlaceValue, typed: String) -> [WalkEvent] { [] }
    func number(forVariable name: String) -> Double? { nil }
    func label(_ input: AnswerInput, stepID: String) -> String { "\(input)" }
  }

  func start() -> AppState {
    UIProgram.start(
      walker: LongListsWalker(), services: AppServices(), language: .fr, size: .minimum, now: TestWorld.now
    ).0
  }

  /// The state on the choice of 12 options (the checklist validated empty).
  func onChoice() -> AppState { TestWorld.press([.enter], on: start()).0 }

  func answered(_ state: AppState) -> String? {
    guard case .choice(let value) = (state.walker as? LongListsWalker)?.answers["motif"] else { return nil }
    return value
  }

  @Test func aLongChecklistNeverCombinesDigits() {
    // Grouped (6 + 6, each numbered from 1): a fast « 1 » then « 2 » ticks two options, never 12.
    let (state, _) = TestWorld.press([.character("1"), .character("2")], on: start())
    #expect(state.question.ticked == ["v1", "v2"])
    #expect(state.question.pendingDigit == nil)
    let (second, _) = TestWorld.press([.tab, .character("6")], on: state)
    #expect(second.question.ticked == ["v1", "v2", "v12"])
  }

  @Test func twoDigitsPickTheTenthOptionAndBeyondInAChoice() {
    let (state, _) = TestWorld.press([.character("1"), .character("2")], on: onChoice())
    #expect(answered(state) == "v12")
    #expect(state.question.pendingDigit == nil)
  }

  @Test func aDigitThatCannotStartANumberActsAtOnce() {
    let (state, _) = TestWorld.press([.character("7")], on: onChoice())
    #expect(answered(state) == "v7")
  }

  @Test func aWaitingDigitIsPickedWhenTimeIsUpOrByTheNextKey() {
    let choice = onChoice()
    let (waiting, _) = TestWorld.press([.character("1")], on: choice)
    #expect(answered(waiting) == nil)
    #expect(UIProgram.render(waiting).text.contains("1… (second chiffre, ou attendre)"))
    let early = UIProgram.update(waiting, .tick(TestWorld.now.addingTimeInterval(0.5))).0
    #expect(answered(early) == nil)
    let late = UIProgram.update(waiting, .tick(TestWorld.now.addingTimeInterval(0.9))).0
    #expect(answered(late) == "v1")
    let (answeredEleven, _) = TestWorld.press([.character("1"), .character("1")], on: choice)
    #expect(answeredEleven.walk.isFinished)  // option 11 of the choice
    let (single, _) = TestWorld.press([.character("1"), .enter, .enter], on: choice)
    #expect(single.walk.isFinished)  // « 1 » answered; the Enter meant for this question is dropped
    #expect(answered(single) == "v1")
  }
}
