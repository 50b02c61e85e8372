import RepereBase
import RepereRules
import Testing

@testable import RepereBundle

/// The one home of answer labels: a checklist reads in the protocol's order (the order on
/// screen) everywhere, values the protocol no longer offers last; the interface's change prompt
/// and path pane, `walk`, the journal and the training debriefs all ask here.
@Suite struct AnswerLabelTests {
  let signs = Step(
    id: "signes", kind: .multi,
    options: [
      StepOption(value: "tiers", label: "Un tiers organise"), StepOption(value: "fugues", label: "Fugues"),
      StepOption(value: "argent", label: "Argent inexpliqué"),
    ])

  @Test func aChecklistReadsInTheProtocolsOrder() {
    #expect(AnswerLabel.text(.checklist(["fugues", "tiers"]), for: signs) == "Un tiers organise, Fugues")
    #expect(AnswerLabel.text(.set(["retire", "argent"]), for: signs) == "Argent inexpliqué, retire")
    #expect(AnswerLabel.text(.set([]), for: signs) == "(aucun)")
    #expect(AnswerLabel.ticked(["argent", "tiers"], for: signs) == ["Un tiers organise", "Argent inexpliqué"])
  }

  @Test func otherAnswersReadAsPeopleSayThem() {
    let age = Step(id: "age", kind: .number, unit: "ans")
    #expect(AnswerLabel.text(.number(15), for: age) == "15 ans")
    #expect(AnswerLabel.text(.bool(true), for: Step(id: "danger", kind: .yesno)) == "Oui")
    #expect(AnswerLabel.text(.bool(true), for: Step(id: "lire", kind: .info)) == "lu")
    #expect(AnswerLabel.text(.unknown, for: age) == "Je ne sais pas")
    let english = AnswerLabel.Words(yes: "Yes", no: "No", unknown: "I don't know", read: "read")
    #expect(AnswerLabel.text(.bool(false), for: Step(id: "danger", kind: .yesno), words: english) == "No")
  }
}
