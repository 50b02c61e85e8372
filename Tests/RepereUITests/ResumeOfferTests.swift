import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// The offer to resume an unfinished case: shown only while the new case is empty, a list that
/// refuses a case open elsewhere, and the reopened case adopted whole.
@Suite struct ResumeOfferTests {
  @Test func theOfferStandsOnlyWhileTheNewCaseIsEmpty() throws {
    let offering = try TestWorld.stateOfferingResume()
    #expect(offering.offersResume)
    #expect(offering.allows(.resume, on: .question))
    #expect(offering.status?.text == "2 dossier(s) non terminé(s) — r pour reprendre")
    #expect(UIProgram.render(offering).textLines.suffix(2).joined().contains("r reprendre  "))
    #expect(UIProgram.render(offering).textLines.last?.contains("q quitter") == true)

    let answered = TestWorld.press([.character("2")], on: offering).0
    #expect(!answered.offersResume)
    #expect(!UIProgram.render(answered).textLines.suffix(2).joined().contains("reprendre"))
    #expect(TestWorld.press([.character("r")], on: answered).0.overlays.isEmpty)

    let noted = TestWorld.press([.character("n")] + TestWorld.type("appel") + [.function(2)], on: offering).0
    #expect(!noted.offersResume)
    // Without unfinished cases there is nothing to offer.
    #expect(!(try TestWorld.state()).offersResume)
  }

  @Test func typingScreensOfferItOnF8() throws {
    var services = TestWorld.services
    services.unfinishedCases = TestWorld.unfinished
    // A protocol starting on a typed question: reach one, then withdraw the answers.
    let typed = TestWorld.press([.character("2"), .character("1")], on: try TestWorld.state()).0
    var state = typed
    state.unfinishedCases = TestWorld.unfinished
    #expect(state.screen == .typedQuestion)
    #expect(!state.offersResume)  // answers given: no offer
    let fresh = UIProgram.servicesLoaded(try TestWorld.state(), services).0
    #expect(
      ActionTable.action(for: .function(8), on: .typedQuestion) { fresh.allows($0, on: .typedQuestion) } == .resume)
    #expect(ActionTable.action(for: .character("r"), on: .typedQuestion) == nil)
  }

  @Test func theListRefusesACaseOpenElsewhereAndResumesTheOther() throws {
    let list = TestWorld.press([.character("r")], on: try TestWorld.stateOfferingResume()).0
    #expect(list.screen == .resumeList)
    let text = UIProgram.render(list).textLines.joined(separator: "\n")
    #expect(text.contains("Cergy (95)"))
    #expect(text.contains("ouvert dans une autre fenêtre"))

    let (refused, refusedEffects) = TestWorld.press([.down, .enter], on: list)
    #expect(refusedEffects.isEmpty)
    #expect(refused.status?.kind == .error)
    #expect(refused.screen == .resumeList)

    let (_, effects) = TestWorld.press([.character("1")], on: list)
    #expect(effects == [.resume(caseID: "k3v9q2m7x4aa")])

    #expect(TestWorld.press([.escape], on: list).0.screen == .question)
  }

  @Test func aResumedCaseReplacesTheNewOneWhole() throws {
    let list = TestWorld.press([.character("r")], on: try TestWorld.stateOfferingResume()).0
    // The reopened walk: two answers given (no danger, a professional).
    let walked = TestWorld.press([.character("2"), .character("1")], on: try TestWorld.state()).0
    let started = TestWorld.now.addingTimeInterval(-3_900)
    let note = CaseNote(text: "Appel de la CPE", at: started.addingTimeInterval(60))
    let resumed = ResumedWalk(
      caseID: "k3v9q2m7x4aa", walker: walked.walker, notes: [note], openedAt: started, answerCount: 2)
    let state = UIProgram.update(list, .resumed(resumed)).0
    #expect(state.overlays.isEmpty)
    #expect(state.walk.path.count == 2)
    #expect(state.displayedStep?.id == walked.displayedStep?.id)
    #expect(state.notes == [note])
    #expect(state.openedAt == started)
    #expect(!state.offersResume)
    #expect(state.status?.text == "Dossier k3v9q2m7x4aa repris (2 réponses)")
    #expect(UIProgram.render(state).textLines[0].contains("65:00"))

    let failed = UIProgram.update(list, .resumeFailed("dossier déjà clos")).0
    #expect(failed.status == StatusMessage(.error, "Reprise impossible : dossier déjà clos"))
  }
}
