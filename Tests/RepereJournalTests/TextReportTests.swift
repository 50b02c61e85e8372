import Foundation
import RepereBase
import Testing

@testable import RepereJournal

@Suite struct TextReportTests {
  private func leaStore(_ folder: TemporaryFolder) throws -> (JournalStore, CaseJournal) {
    let store = Fixtures.store(in: folder.journals, clock: TestClock(Fixtures.caseStart))
    let journal = try store.create(Fixtures.start)
    for (minutes, event) in Fixtures.leaEvents {
      try journal.append(event, at: Fixtures.caseStart.addingTimeInterval(minutes * 60))
    }
    return (store, journal)
  }

  @Test func theListShowsStateProtocolPlaceAndLevel() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (store, journal) = try leaStore(folder)
    journal.suspendSettled()
    let lines = JournalTextReport.list(try store.list())
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("DOSSIER       DÉBUT             DERNIÈRE SAISIE   ÉTAT"))
    #expect(
      lines[1]
        == "lea15hotel22  29/11/2026 23:10  29/11/2026 23:22  à reprendre  national/orientation 2026.11  "
        + "Saint-Denis (93)  signalement")
    #expect(JournalTextReport.list([]) == ["Aucun dossier."])
  }

  @Test func theTimelineShowsEveryEventAndNeutralisesControlCharacters() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (store, journal) = try leaStore(folder)
    try journal.append(.note(NoteEvent(text: "\u{1B}]0;titre\u{07}piégé")), at: Fixtures.caseStart)
    journal.suspendSettled()
    let lines = JournalTextReport.timeline(id: journal.id, reading: try store.read(id: journal.id))
    #expect(lines.first == "Dossier lea15hotel22 — 14 événements")
    #expect(lines.contains { $0.contains("modification   age : 15 ans → 14 ans — motif : l'appelante corrige l'âge") })
    #expect(lines.contains { $0.contains("niveau relevé  information-preoccupante → signalement") })
    #expect(!lines.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  @Test func replayComparisonSaysWhatChanged() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let (store, journal) = try leaStore(folder)
    try journal.close(level: "signalement", path: ["securite", "lieu", "age", "signes", "adulte", "orientation"])
    let reading = try store.read(id: journal.id)
    let record = RecordedCase(caseID: journal.id, reading: reading)

    let script = ReplayScript(record, entries: reading.entries)
    #expect(script.startProtocol == Fixtures.nationalProtocol)
    #expect(script.steps.count == 7)
    #expect(
      script.steps[5] == .change(step: "age", value: .number(14), place: nil, reason: "l'appelante corrige l'âge"))
    #expect(
      script.steps[6] == .raise(level: "signalement", reason: "un adulte attend la mineure devant le foyer ce soir"))

    let same = ReplayOutcome(
      protocolInForce: Fixtures.nationalProtocol, path: ["securite", "lieu", "age", "signes", "adulte", "orientation"],
      dispositions: [
        .init(code: "ip-crip", level: "information-preoccupante"),
        .init(code: "signalement-procureur", level: "signalement"),
      ],
      level: "signalement")
    let unchanged = ReplayComparison.lines(recorded: record, replayed: same, bundleHash: Fixtures.start.bundleHash)
    #expect(unchanged.allSatisfy { $0.contains("identique") })

    let different = ReplayOutcome(
      protocolInForce: ProtocolReference(id: "national/orientation", version: "2027.01"),
      path: ["securite", "lieu", "age", "signes", "orientation"],
      dispositions: [.init(code: "ip-crip", level: "information-preoccupante")], level: "information-preoccupante",
      rejected: ["adulte : cette question n'existe plus"])
    let lines = ReplayComparison.lines(recorded: record, replayed: different, bundleHash: "sha256:0000")
    #expect(
      lines == [
        "Données : sha256:5f1c0a9e3b7d2c4e au moment du dossier → sha256:0000 maintenant",
        "Protocole : national/orientation 2026.11 → national/orientation 2027.01",
        "Parcours : différent",
        "  avant : securite → lieu → age → signes → adulte → orientation",
        "  après : securite → lieu → age → signes → orientation",
        "  en moins : adulte",
        "Orientations : différent",
        "  avant : ip-crip (information-preoccupante), signalement-procureur (signalement)",
        "  après : ip-crip (information-preoccupante)",
        "  en moins : signalement-procureur (signalement)",
        "Niveau : signalement → information-preoccupante",
        "Non rejoué : adulte : cette question n'existe plus",
      ])
  }
}
