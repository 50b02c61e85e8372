import Foundation
import RepereBase
import RepereJournal
import Testing

@testable import RepereUI

/// Issue 12, point 9: the exported summary says what the screen says — answers that a change
/// set aside are not listed as answers, dispositions come in the screen's order, the ⚠ « aucune
/// structure répertoriée » lines are there — and the status line keeps the file's name.
@Suite struct ExportContentTests {
  /// The journal a whole session writes, read back as the exporter reads it.
  private func recorded(_ keys: [KeyPress], on state: AppState) -> (AppState, RecordedCase) {
    let (after, effects) = TestWorld.press(keys, on: state)
    let time = JournalTimestamp(date: TestWorld.now, timeZone: TimeZone(identifier: "Europe/Paris") ?? .current)
    let start = CaseStart(
      protocolInForce: ProtocolReference(id: "national/orientation", version: "1"), bundleProtocols: [],
      bundleHash: "sha256:0", programVersion: "test")
    var entries = [JournalEntry(sequence: 1, time: time, event: .opening(CaseOpening(caseID: "c", start: start)))]
    for case .journal(let events) in effects {
      for event in events { entries.append(JournalEntry(sequence: entries.count + 1, time: time, event: event)) }
    }
    return (after, RecordedCase(caseID: "c", entries: entries))
  }

  /// The keys of `TestWorld.finishedCase`, from a fresh state.
  private func finishingKeys(place: String) -> [KeyPress] {
    [.character("2"), .character("1")] + TestWorld.type(place) + [.enter] + TestWorld.type("15") + [.enter]
      + [.character("2"), .character("1"), .character("2"), .enter]
  }

  private func section(_ text: String, _ heading: String) -> String {
    guard let start = text.range(of: heading) else { return "" }
    let rest = text[start.upperBound...]
    return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
  }

  @Test func answersSetAsideByAChangeAreNotListedAsAnswers() throws {
    // Changing the first answer (« danger immédiat ? » Non → Oui) takes the five others off the path.
    let keys = finishingKeys(place: "95") + [.character("c"), .character("1"), .character("1"), .enter]
    let (state, record) = recorded(keys, on: try TestWorld.state())
    #expect(state.walk.setAside.count == 5)
    #expect(record.setAsideSteps.count == 5)
    #expect(record.pathAnswers.map(\.step) == state.walk.path.map(\.stepID))

    let text = MarkdownExporter.render(record, exportedAt: JournalTimestamp(date: TestWorld.now, timeZone: .current))
    let answers = section(text, "## Réponses, dans l'ordre")
    let setAside = section(text, "## Réponses mises de côté")
    #expect(answers.components(separatedBy: "\n").filter { $0.first?.isNumber == true }.count == 1)
    for entry in state.walk.setAside {
      #expect(!answers.contains(entry.question), "set aside but listed as an answer: \(entry.question)")
      #expect(setAside.contains(entry.question), "set aside and not said: \(entry.question)")
    }
  }

  @Test func dispositionsComeInTheScreensOrder() throws {
    for place in ["95", "27"] {
      let (state, record) = recorded(finishingKeys(place: place), on: try TestWorld.state())
      #expect(!state.walk.dispositions.isEmpty)
      #expect(record.orderedDispositions.map(\.event.code) == state.walk.dispositions.map(\.code))
      let text = MarkdownExporter.render(
        record, exportedAt: JournalTimestamp(date: TestWorld.now, timeZone: .current))
      let titles = text.components(separatedBy: "\n").filter { $0.hasPrefix("### ") }
      #expect(titles.count == state.walk.dispositions.count)
      for (line, disposition) in zip(titles, state.walk.dispositions) { #expect(line.contains(disposition.title)) }
    }
  }

  @Test func theMissingStructureLinesAreExported() throws {
    let (state, record) = recorded(finishingKeys(place: "27"), on: try TestWorld.state())
    let text = MarkdownExporter.render(record, exportedAt: JournalTimestamp(date: TestWorld.now, timeZone: .current))
    // The screen's ⚠ line for the CRIP missing in the 27 is in the export too.
    #expect(state.walk.dispositions.contains { !state.unmatchedQueryLabels($0.code).isEmpty })
    #expect(text.contains("- ⚠ Aucune structure « CRIP » répertoriée pour le 27 (à compléter dans l'annuaire local)"))
  }

  @Test func theStatusLineKeepsTheExportedFilesName() throws {
    let path = "/home/educatrice-specialisee/.local/state/repere/exports/k7q2m9x4bt3d-2.md"
    let state = UIProgram.update(try TestWorld.finishedCase(), .exported(path: path)).0
    let status = UIProgram.render(state).textLines[GridSize.minimum.rows - 3]
    #expect(status.contains("Synthèse exportée : …/"))
    #expect(status.contains("/exports/k7q2m9x4bt3d-2.md"), "\(status)")
    #expect(state.lastExport == path)
  }

  @Test func aPathIsShortenedFromItsFolders() {
    let path = "/home/a/.local/state/repere/exports/k7q2m9x4bt3d.md"
    #expect(TextLayout.shortenedPath(path, width: 80) == path)
    #expect(TextLayout.shortenedPath(path, width: 31) == "…/exports/k7q2m9x4bt3d.md")
    #expect(TextLayout.shortenedPath(path, width: 26) == "…/exports/k7q2m9x4bt3d.md")
    #expect(TextLayout.shortenedPath(path, width: 17) == "…/k7q2m9x4bt3d.md")
    #expect(TextLayout.shortenedPath(path, width: 8) == "…bt3d.md")
  }
}
