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
  }

  func start() -> AppState {
    UIProgram.start(
      walker: LongListsWalker(), services: AppServices(), language: .fr, size: .minimum, now: TestWorld.now
    ).0
  }

  @Test func twoDigitsPickTheTenthOptionAndBeyond() {
    let (state, _) = TestWorld.press([.character("1"), .character("2"), .character("1"), .character("0")], on: start())
    #expect(state.ticked == ["v12", "v10"])
    #expect(state.pendingDigit == nil)
  }

  @Test func aDigitThatCannotStartANumberActsAtOnce() {
    let (state, _) = TestWorld.press([.character("7")], on: start())
    #expect(state.ticked == ["v7"])
  }

  @Test func aWaitingDigitIsPickedWhenTimeIsUpOrByTheNextKey() {
    let (waiting, _) = TestWorld.press([.character("1")], on: start())
    #expect(waiting.ticked.isEmpty)
    #expect(UIProgram.render(waiting).text.contains("1… (second chiffre, ou attendre)"))
    let early = UIProgram.update(waiting, .tick(TestWorld.now.addingTimeInterval(0.5))).0
    #expect(early.ticked.isEmpty)
    let late = UIProgram.update(waiting, .tick(TestWorld.now.addingTimeInterval(0.9))).0
    #expect(late.ticked == ["v1"])
    let (validated, _) = TestWorld.press([.character("1"), .enter], on: start())
    #expect(validated.displayedStep?.id == "motif")  // « 1 » ticked, then Enter validated the list
    let (answered, _) = TestWorld.press([.character("1"), .character("1")], on: validated)
    #expect(answered.walk.isFinished)  // option 11 of the choice
    let (single, _) = TestWorld.press([.character("1"), .enter, .enter], on: validated)
    #expect(single.walk.isFinished)  // « 1 » answered; the Enter meant for this question is dropped
  }
}
