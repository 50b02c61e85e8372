import Foundation
import RepereBase
import Testing

@testable import RepereJournal

/// Issue 12, item 7: « suites données » are journal events (`follow_up`), read back into the
/// record, exported and shown by `journal show`.
@Suite struct FollowUpEventTests {
  let followUp = FollowUpEvent(
    contact: "17 — Police secours", when: "23 h 20", reference: "PV 2026-118", outcome: "patrouille envoyée")

  func entries(_ events: [JournalEvent]) -> [JournalEntry] {
    var time = JournalTimestamp(date: Fixtures.caseStart, timeZone: Fixtures.paris)
    var entries = [
      JournalEntry(sequence: 1, time: time, event: .opening(CaseOpening(caseID: "c", start: Fixtures.start)))
    ]
    for event in events {
      time.date.addTimeInterval(60)
      entries.append(JournalEntry(sequence: entries.count + 1, time: time, event: event))
    }
    return entries
  }

  @Test func aFollowUpLineSurvivesARoundTrip() throws {
    let time = JournalTimestamp(date: Fixtures.caseStart, timeZone: Fixtures.paris)
    let entry = JournalEntry(sequence: 9, time: time, event: .followUp(followUp))
    let line = try entry.encodedLine()
    #expect(String(decoding: line, as: UTF8.self).contains(#""type":"follow_up""#))
    let decoded = try JSONDecoder().decode(JournalEntry.self, from: line.dropLast())
    #expect(decoded.event == .followUp(followUp))
    // Only who was called is required.
    let bare = JournalEntry(sequence: 10, time: time, event: .followUp(FollowUpEvent(contact: "CRIP 95")))
    let bareDecoded = try JSONDecoder().decode(JournalEntry.self, from: try bare.encodedLine().dropLast())
    #expect(bareDecoded.event == .followUp(FollowUpEvent(contact: "CRIP 95")))
  }

  @Test func theRecordTheExportsAndTheTimelineShowThem() throws {
    let entries = entries([.note(NoteEvent(text: "appel")), .followUp(followUp)])
    let recorded = RecordedCase(caseID: "c", entries: entries)
    #expect(recorded.followUps.map(\.event) == [followUp])
    #expect(recorded.end == nil)
    let markdown = MarkdownExporter.render(recorded, exportedAt: try #require(recorded.lastEventAt))
    #expect(markdown.contains("## Suites données"))
    #expect(
      markdown.contains(
        "**17 — Police secours** ; appel : 23 h 20 ; référence : PV 2026-118 ; suite : patrouille envoyée"))
    let json = try JSONExporter.render(recorded, exportedAt: try #require(recorded.lastEventAt))
    #expect(json.contains("\"follow_ups\""))
    #expect(json.contains("PV 2026-118"))
    let reading = JournalReadResult(
      entries: entries, findings: [], cleanLength: 0, fileLength: 0, missingFinalNewline: false)
    let timeline = JournalTextReport.timeline(id: "c", reading: reading)
    #expect(timeline.contains { $0.contains("suite donnée") && $0.contains("PV 2026-118") })
    #expect(followUp.summary == "17 — Police secours (23 h 20) · réf. PV 2026-118 · patrouille envoyée")
  }
}
