import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereJournal

/// Exports compared byte for byte with reviewed files under Golden/. To regenerate after an
/// intended change: `RECORD_SNAPSHOTS=1 swift test --filter ExportGoldenTests`, then review
/// the diff like code.
@Suite struct ExportGoldenTests {
  private static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden", isDirectory: true)

  /// The reference case written through the real store with an injected clock and a fixed id.
  private func leaCase(ended: Bool) throws -> RecordedCase {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let clock = TestClock(Fixtures.caseStart)
    let store = Fixtures.store(in: folder.journals, clock: clock)
    let journal = try store.create(Fixtures.start)
    for (minutes, event) in Fixtures.leaEvents {
      try journal.append(event, at: Fixtures.caseStart.addingTimeInterval(minutes * 60))
    }
    if ended {
      try journal.append(
        .end(EndEvent(outcome: .completed, level: "signalement")), at: Fixtures.caseStart.addingTimeInterval(14 * 60))
    } else {
      journal.suspendSettled()
    }
    return try store.recordedCase(id: journal.id)
  }

  private var exportTime: JournalTimestamp {
    JournalTimestamp(date: Fixtures.caseStart.addingTimeInterval(15 * 60), timeZone: Fixtures.paris)
  }

  private func compare(_ actual: String, golden name: String) throws {
    let url = Self.goldenFolder.appendingPathComponent(name)
    if let problem = Golden.problem(comparing: actual, with: url) { Issue.record(Comment(rawValue: problem)) }
  }

  /// The golden files the tests below write; any other file in Golden/ is an orphan.
  static let producedNames: Set<String> = ["lea-closed.md", "lea-unfinished.md", "lea-closed.json"]

  @Test func everyGoldenExportIsProducedByATest() {
    let orphans = Golden.orphans(in: Self.goldenFolder, produced: Self.producedNames)
    #expect(orphans.isEmpty, "golden exports no test produces: \(orphans)")
  }

  @Test func markdownSummaryOfAClosedCase() throws {
    let record = try leaCase(ended: true)
    try compare(MarkdownExporter.render(record, exportedAt: exportTime), golden: "lea-closed.md")
  }

  @Test func markdownSummaryOfAnUnfinishedCase() throws {
    var record = try leaCase(ended: false)
    record.findings.append(
      Finding(
        code: JournalReader.tornLineCode, severity: .warning,
        location: SourceLocation(file: "lea15hotel22.jsonl", line: 14, column: 1),
        message: "dernière ligne tronquée (31 octets, écriture interrompue) ignorée ; tout ce qui précède est conservé")
    )
    try compare(MarkdownExporter.render(record, exportedAt: exportTime), golden: "lea-unfinished.md")
  }

  @Test func jsonExportOfAClosedCase() throws {
    let record = try leaCase(ended: true)
    let json = try JSONExporter.render(record, exportedAt: exportTime)
    try compare(json, golden: "lea-closed.json")
    // It is valid JSON that tools can read back.
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(object?["format"] as? String == "repere/case-export@2")
    #expect(object?["level"] as? String == "signalement")
    #expect(object?["started_at"] is String && object?["startedAt"] == nil, "keys in snake_case")
  }

  @Test func theMarkdownHoldsWhatTheIssueAsksFor() throws {
    let text = MarkdownExporter.render(try leaCase(ended: true), exportedAt: exportTime)
    for expected in [
      "29/11/2026, 23:10 – 23:24", "version 2026.11", "Saint-Denis (93)", "INSEE 93066",
      "Quel âge a le ou la mineur·e ? — **14 ans** (modifiée)", "Motif : « l'appelante corrige l'âge »",
      "Signalement au procureur de la République", "un adulte attend la mineure devant le foyer ce soir",
      "Rédiger l'IP", "119 Allô Enfance en Danger — 119", "EXEMPLE FICTIF", "Elle rappellera demain matin.",
    ] {
      #expect(text.contains(expected), "missing: \(expected)")
    }
  }

  @Test func controlCharactersFromNotesNeverReachTheExport() throws {
    let time = JournalTimestamp(date: Fixtures.caseStart, timeZone: Fixtures.paris)
    let entries = [
      JournalEntry(sequence: 1, time: time, event: .opening(CaseOpening(caseID: "x", start: Fixtures.start))),
      JournalEntry(sequence: 2, time: time, event: .note(NoteEvent(text: "a\u{1B}[2Jb\u{07}\nc"))),
    ]
    let text = MarkdownExporter.render(RecordedCase(caseID: "x", entries: entries), exportedAt: time)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(text.contains("- 23:10 — a[2Jb\n  c"))
  }
}
