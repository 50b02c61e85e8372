import Foundation
import RepereBase
import RepereBundle
import RepereRules
import Testing

/// The reference of a training scenario (answers, corrections, reveals) and the debrief that
/// compares a group's walk with it.
@Suite struct TrainingReferenceTests {
  @Test func referenceRunUsesTheScenarioClockAndPasses() throws {
    let reference = try TrainingFixture.reference()
    #expect(reference.now == TrainingFixture.scenarioNow)
    #expect(reference.result.failures.isEmpty, "\(reference.result.failures)")
    #expect(reference.state?.protocolID == "95/orientation")
    #expect(reference.expectedLevel == "signalement")
    #expect(reference.expectedContacts == ["national/119"])
    #expect(reference.answerProblems.isEmpty)
  }

  @Test func correctedAnswerKeepsTheEarlierValueAndReason() throws {
    let reference = try TrainingFixture.reference()
    let age = try #require(reference.answer(for: "age"))
    #expect(age.value == .number(17))
    #expect(age.corrections == [.init(from: .number(19), reason: "la mère corrige : Lina a 17 ans")])
    #expect(age.onReferencePath)
    #expect(reference.answer(for: "securite")?.corrections.isEmpty == true)
  }

  @Test func revealGivesAnswerLabelHelpAndSources() throws {
    let reference = try TrainingFixture.reference()
    let securite = try #require(reference.reveal("securite"))
    #expect(securite.answerLabel == "Non")
    #expect(securite.help?.hasPrefix("En cas de doute") == true)
    #expect(securite.sources.map(\.title) == ["CASF, art. L226-4 — avis au procureur"])
    #expect(securite.sources.first?.url?.hasPrefix("https://www.legifrance.gouv.fr/") == true)

    let appelant = try #require(reference.reveal("appelant"))
    #expect(appelant.answerLabel == "Un·e proche")
    #expect(appelant.optionHelp == "Parent, ami·e, voisin·e.")

    let age = try #require(reference.reveal("age", protocolID: "95/orientation"))
    #expect(age.question == "Quel âge a l'enfant ? (protocole 95)")
    #expect(age.answerLabel == "17 ans")
    #expect(age.corrections.map(\.label) == ["19 ans"])

    let signes = try #require(reference.reveal("signes"))
    #expect(signes.answerLabel == "Fugues répétées, Séjours à l'hôtel ou en location courte")
  }

  @Test func revealOffTheReferencePath() throws {
    let reference = try TrainingFixture.reference()
    let urgence = try #require(reference.reveal("urgence"))
    #expect(urgence.answer == nil)
    #expect(!urgence.onReferencePath)
    #expect(reference.reveal("no-such-step") == nil)
  }

  @Test func scenarioWithoutClockUsesTheDefaultAndReportsBadAnswers() throws {
    let bundle = try TrainingFixture.bundle()
    var scenario = try #require(bundle.scenarios.first)
    scenario.now = nil
    scenario.answers.append(Scenario.Answer(stepID: "inconnue", items: ["x"]))
    let fallback = Date(timeIntervalSince1970: 1_800_000_000)
    let reference = TrainingReference(bundle: bundle, scenario: scenario, defaultNow: fallback)
    #expect(reference.now == fallback)
    #expect(reference.answerProblems.count == 1)
    #expect(reference.answerProblems.first?.contains("inconnue") == true)
  }
}

@Suite struct TrainingDebriefTests {
  func debrief(_ answers: [(String, AnswerValue)], raise: (String, String)? = nil) throws -> TrainingDebrief {
    let bundle = try TrainingFixture.bundle()
    let reference = TrainingReference(
      bundle: bundle, scenario: try #require(bundle.scenarios.first), defaultNow: .distantPast)
    var session = TrainingFixture.groupWalk(answers, bundle: bundle)
    if let raise { try session.raiseLevel(to: raise.0, reason: raise.1) }
    let contacts = bundle.contacts(for: session.state, now: reference.now)
    return TrainingDebrief(reference: reference, group: session.state, groupContacts: contacts)
  }

  @Test func groupFollowingTheReferenceMatchesEverywhere() throws {
    let result = try debrief(TrainingFixture.referenceAnswers)
    #expect(result.allMatch)
    #expect(result.pathMatches)
    #expect(
      result.rows.map(\.stepID) == ["securite", "appelant", "lieu", "age", "referent", "signes", "fin-signalement"])
    #expect(result.rows.allSatisfy { $0.matches })
    #expect(result.rows.first { $0.stepID == "age" }?.referenceCorrected == true)
    #expect(result.rows.last?.question == "Signaler au procureur de la République")
    #expect(result.level == .init(expected: "signalement", actual: "signalement", computed: "signalement", raise: nil))
    #expect(result.dispositions.map(\.id) == ["accompagnement", "signalement-procureur"])
    #expect(result.contacts.map(\.matches) == [true])
    #expect(result.contacts.first?.title == "Ligne national/119")
    #expect(result.text?.hasPrefix("Une mineure") == true)
  }

  @Test func uncorrectedAgeLeadsElsewhere() throws {
    var answers = TrainingFixture.referenceAnswers
    answers[3] = ("age", .number(19))
    let result = try debrief(answers)
    #expect(!result.allMatch)
    #expect(!result.pathMatches)
    let age = try #require(result.rows.first { $0.stepID == "age" })
    #expect(!age.matches)
    #expect(age.groupLabel == "19 ans")
    #expect(age.referenceLabel == "17 ans")
    #expect(result.firstMismatch?.stepID == "age")
    let presence = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.stepID, $0.presence) })
    #expect(presence["fin-signalement"] == .referenceOnly)
    #expect(presence["fin-ip"] == .groupOnly)
    #expect(result.level.expected == "signalement")
    #expect(result.level.actual == "information-preoccupante")
    #expect(!result.level.matches)
    let items = Dictionary(uniqueKeysWithValues: result.dispositions.map { ($0.id, $0) })
    #expect(items["accompagnement"]?.matches == true)
    let procureur = try #require(items["signalement-procureur"])
    #expect(procureur.expected && !procureur.obtained)
    let crip = try #require(items["ip-crip"])
    #expect(!crip.expected && crip.obtained)
    #expect(items["ip-crip"]?.title == "Transmettre une information préoccupante à la CRIP")
    // The 119 still appears (the IP names it too); the CRIP and the association are beyond it.
    #expect(result.contacts.allSatisfy { $0.matches })
    #expect(result.otherContacts == 2)
  }

  @Test func dangerAnswerLeavesTheReferenceAtTheFirstStep() throws {
    let result = try debrief([("securite", .bool(true))])
    #expect(result.firstMismatch?.stepID == "securite")
    #expect(result.groupFinished)
    let referenceOnly = result.rows.filter { $0.presence == .referenceOnly }.map(\.stepID)
    #expect(referenceOnly == ["appelant", "lieu", "age", "referent", "signes", "fin-signalement"])
    #expect(result.rows.filter { $0.presence == .groupOnly }.map(\.stepID) == ["urgence"])
    #expect(result.contacts.map(\.obtained) == [false])
    #expect(result.level.actual == "urgence")
  }

  @Test func unfinishedWalkIsNeverAllMatching() throws {
    let result = try debrief(Array(TrainingFixture.referenceAnswers.prefix(3)))
    #expect(!result.groupFinished)
    #expect(!result.allMatch)
    #expect(result.rows.prefix(3).allSatisfy { $0.matches })
    #expect(result.rows.dropFirst(3).allSatisfy { $0.presence == .referenceOnly && !$0.matches })
  }

  @Test func raisedLevelIsComparedAndExplained() throws {
    let result = try debrief(TrainingFixture.referenceAnswers, raise: ("urgence", "l'homme est sur place"))
    #expect(result.level.actual == "urgence")
    #expect(result.level.computed == "signalement")
    #expect(result.level.raise?.reason == "l'homme est sur place")
    #expect(!result.level.matches)
    #expect(!result.allMatch)
  }

  @Test func sameAnswerComparesPlacesByDepartementAndCommune() {
    let departement = PlaceValue(communeCode: nil, departement: "95", label: "Val-d'Oise (95)")
    #expect(TrainingDebrief.sameAnswer(.place(TrainingFixture.cergy), .place(departement)))
    #expect(!TrainingDebrief.sameAnswer(.place(TrainingFixture.cergy), .place(TrainingFixture.pontoise)))
    #expect(TrainingDebrief.sameAnswer(.text(" Oui merci "), .text("oui merci")))
    #expect(TrainingDebrief.sameAnswer(.checklist(["b", "a"]), .checklist(["a", "b"])))
    #expect(!TrainingDebrief.sameAnswer(.unknown, .bool(false)))
    #expect(!TrainingDebrief.sameAnswer(.number(17), .number(17.5)))
  }

  @Test func differentCommuneSameDepartementIsAMismatch() throws {
    var answers = TrainingFixture.referenceAnswers
    answers[2] = ("lieu", .place(TrainingFixture.pontoise))
    let result = try debrief(answers)
    #expect(result.rows.first { $0.stepID == "lieu" }?.matches == false)
    #expect(result.pathMatches)
    #expect(!result.allMatch)
  }
}
