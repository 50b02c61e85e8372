import Foundation
import RepereBase
import Testing

@testable import RepereJournal

@Suite struct RecordedCaseTests {
  private func record(_ events: [JournalEvent], levels: [String] = []) -> RecordedCase {
    var start = Fixtures.start
    start.levels = levels
    var time = JournalTimestamp(date: Fixtures.caseStart, timeZone: Fixtures.paris)
    var entries = [JournalEntry(sequence: 1, time: time, event: .opening(CaseOpening(caseID: "c", start: start)))]
    for event in events {
      time.date.addTimeInterval(60)
      entries.append(JournalEntry(sequence: entries.count + 1, time: time, event: event))
    }
    return RecordedCase(caseID: "c", entries: entries)
  }

  private func answer(_ step: String, _ value: AnswerText) -> JournalEvent {
    .answer(AnswerEvent(step: step, question: "\(step) ?", value: value, label: value.specText))
  }

  private func disposition(_ code: String, _ level: String) -> JournalEvent {
    .disposition(DispositionEvent(code: code, title: code, level: level))
  }

  @Test func answeringAgainKeepsTheFirstPositionAndTheLatestValue() {
    let recorded = record([answer("a", .bool(true)), answer("b", .number(3)), answer("a", .bool(false))])
    #expect(recorded.answers.map(\.step) == ["a", "b"])
    #expect(recorded.answers.map(\.value) == [.bool(false), .number(3)])
    #expect(recorded.answers[0].changed == false, "re-answering while walking back is not a recorded change")
  }

  @Test func theLevelIsTheHighestOfDispositionsAndRaisesAndNeverGoesDown() {
    var recorded = record([disposition("conseil", "conseil"), disposition("ip", "information-preoccupante")])
    #expect(recorded.level == "information-preoccupante")
    recorded = record([
      disposition("ip", "information-preoccupante"),
      .levelRaise(LevelRaiseEvent(from: "information-preoccupante", to: "urgence", reason: "danger ce soir")),
      disposition("signalement", "signalement"),
    ])
    #expect(recorded.level == "urgence")
    #expect(recorded.dispositionLevel == "signalement")
    #expect(record([]).level == nil)
  }

  @Test func aProtocolsOwnScaleIsUsed() {
    let recorded = record(
      [disposition("x", "bas"), disposition("y", "haut")], levels: ["haut", "moyen", "bas"])
    #expect(recorded.level == "haut")
    #expect(recorded.levelScale == ["haut", "moyen", "bas"])
  }

  @Test func withdrawnDispositionsLeaveAndRegatheredOnesReplace() {
    let recorded = record([
      disposition("ip", "information-preoccupante"), disposition("conseil", "conseil"),
      .dispositionWithdrawn(DispositionWithdrawnEvent(code: "ip", reason: "âge corrigé")),
      disposition("conseil", "accompagnement"),
    ])
    #expect(recorded.dispositions.map(\.event.code) == ["conseil"])
    #expect(recorded.level == "accompagnement")
    #expect(recorded.withdrawals.count == 1)
  }

  @Test func aSwitchChangesTheProtocolInForceAndAChangeCanMoveThePlace() {
    let overlay = ProtocolReference(id: "95/orientation", version: "2026.10", title: "Protocole du Val-d'Oise")
    let argenteuil = PlaceValue(communeCode: "95018", departement: "95", label: "Argenteuil (95)")
    let recorded = record([
      .answer(
        AnswerEvent(
          step: "lieu", kind: "place", question: "Où ?", value: .text("93200"), label: "Saint-Denis (93)",
          place: Fixtures.saintDenis)),
      .change(
        ChangeEvent(
          step: "lieu", question: "Où ?", from: .text("93200"), fromLabel: "Saint-Denis (93)", to: .text("95100"),
          toLabel: "Argenteuil (95)", place: argenteuil, reason: "erreur de saisie")),
      .protocolSwitch(ProtocolSwitchEvent(from: Fixtures.nationalProtocol, to: overlay, reason: "lieu dans le 95")),
    ])
    #expect(recorded.protocolInForce == overlay)
    #expect(recorded.place?.place == argenteuil)
    #expect(recorded.place?.typed == "95100")
    #expect(recorded.answers.first?.changed == true)
    let markdown = MarkdownExporter.render(
      recorded, exportedAt: recorded.lastEventAt ?? JournalTimestamp(date: Fixtures.caseStart, utcOffsetSeconds: 0))
    #expect(
      markdown.contains(
        "- **Protocole appliqué ensuite** : Protocole du Val-d'Oise (95/orientation, version 2026.10) — lieu dans le 95"
      ))
  }

  @Test func answersSetAsideByAChangeLeaveTheAnswersUntilBackOnThePath() {
    var events = [answer("a", .bool(false)), answer("b", .number(3)), answer("c", .bool(true))]
    events.append(
      .change(
        ChangeEvent(
          step: "a", question: "a ?", from: .bool(false), fromLabel: "Non", to: .bool(true), toLabel: "Oui",
          reason: "corrigé", moved: PathMove(setAside: ["b", "c"]))))
    var recorded = record(events)
    #expect(recorded.pathAnswers.map(\.step) == ["a"])
    #expect(recorded.setAsideAnswers.map(\.step) == ["b", "c"])
    #expect(recorded.answers.count == 3, "set-aside answers stay in the journal (a resume may restore them)")
    events.append(
      .change(
        ChangeEvent(
          step: "a", question: "a ?", from: .bool(true), fromLabel: "Oui", to: .bool(false), toLabel: "Non",
          reason: "finalement non", moved: PathMove(restored: ["b"]))))
    recorded = record(events)
    #expect(recorded.pathAnswers.map(\.step) == ["a", "b"])
    #expect(recorded.setAsideSteps == ["c"])
    events.append(answer("c", .bool(false)))
    #expect(record(events).setAsideSteps.isEmpty, "an answer given again is back on the path")
  }

  @Test func dispositionsAreOrderedAsOnScreenMostUrgentFirst() {
    let recorded = record([
      disposition("conseil", "conseil"), disposition("ip", "information-preoccupante"),
      disposition("accompagnement", "accompagnement"), disposition("parquet", "signalement"),
      disposition("crip", "information-preoccupante"),
    ])
    #expect(recorded.dispositions.map(\.event.code) == ["conseil", "ip", "accompagnement", "parquet", "crip"])
    #expect(recorded.orderedDispositions.map(\.event.code) == ["parquet", "ip", "crip", "accompagnement", "conseil"])
  }

  @Test func aPathMoveIsLeftOutOfTheLineWhenNothingMoved() throws {
    let line = try JournalEntry(
      sequence: 2, time: JournalTimestamp(date: Fixtures.caseStart, timeZone: Fixtures.paris),
      event: .answer(AnswerEvent(step: "a", question: "a ?", value: .bool(true), label: "Oui"))
    ).encodedLine()
    #expect(!String(decoding: line, as: UTF8.self).contains("moved"))
  }
}
