import Foundation
import RepereBase
import Testing

@testable import RepereJournal

@Suite struct JournalReaderTests {
  private func lines(_ count: Int) throws -> [String] {
    let time = JournalTimestamp(date: Fixtures.caseStart, timeZone: Fixtures.paris)
    var result = [
      String(
        decoding: try JournalEntry(
          sequence: 1, time: time, event: .opening(CaseOpening(caseID: "c", start: Fixtures.start))
        ).encodedLine(), as: UTF8.self)
    ]
    for sequence in 2...max(2, count) where sequence <= count {
      let entry = JournalEntry(sequence: sequence, time: time, event: .note(NoteEvent(text: "note \(sequence)")))
      result.append(String(decoding: try entry.encodedLine(), as: UTF8.self))
    }
    return result
  }

  /// The codes are stable identifiers, catalogued in docs/findings.md: tools match on them.
  @Test func findingCodesAreTheCataloguedOnes() {
    #expect(JournalReader.tornLineCode == "journal-torn-line")
    #expect(JournalReader.missingNewlineCode == "journal-missing-newline")
    #expect(JournalReader.badLineCode == "journal-bad-line")
    #expect(JournalReader.sequenceGapCode == "journal-sequence-gap")
    #expect(JournalReader.noOpeningCode == "journal-no-opening")
  }

  @Test func aTornLastLineIsReportedAndSkippedEverythingBeforeKept() throws {
    let whole = try lines(4)
    let torn = whole[0] + whole[1] + whole[2] + String(whole[3].prefix(25))
    let result = JournalReader.parse(Data(torn.utf8), file: "c.jsonl")
    #expect(result.entries.map(\.sequence) == [1, 2, 3])
    #expect(result.findings.map(\.code) == [JournalReader.tornLineCode])
    #expect(result.findings.first?.location == SourceLocation(file: "c.jsonl", line: 4, column: 1))
    #expect(result.findings.first?.severity == .warning)
    #expect(result.hasTornTail)
    #expect(result.cleanLength == (whole[0] + whole[1] + whole[2]).utf8.count)
  }

  @Test func aCompleteLastLineThatLostItsNewlineIsKept() throws {
    let whole = try lines(3)
    let text = whole[0] + whole[1] + whole[2].dropLast()
    let result = JournalReader.parse(Data(text.utf8), file: "c.jsonl")
    #expect(result.entries.map(\.sequence) == [1, 2, 3])
    #expect(result.findings.map(\.code) == [JournalReader.missingNewlineCode])
    #expect(result.missingFinalNewline)
    #expect(!result.hasTornTail)
  }

  @Test func aDamagedMiddleLineIsReportedAndTheRestKept() throws {
    let whole = try lines(4)
    let text = whole[0] + "{\"v\":1,\"seq\":2,garbage\n" + whole[2] + whole[3]
    let result = JournalReader.parse(Data(text.utf8), file: "c.jsonl")
    #expect(result.entries.map(\.sequence) == [1, 3, 4])
    let codes = result.findings.map(\.code)
    #expect(codes == [JournalReader.badLineCode, JournalReader.sequenceGapCode])
    #expect(result.findings[1].message.contains("2…2"))
  }

  @Test func invalidUTF8AndEmptyFilesDoNotCrash() throws {
    var data = Data(try lines(2).joined().utf8)
    data.append(contentsOf: [0xFF, 0xFE, 0x0A])
    let result = JournalReader.parse(data, file: "c.jsonl")
    #expect(result.entries.count == 2)
    #expect(result.findings.map(\.code) == [JournalReader.badLineCode])
    let empty = JournalReader.parse(Data(), file: "e.jsonl")
    #expect(empty.entries.isEmpty && empty.findings.isEmpty)
  }

  @Test func aJournalWithoutItsOpeningIsFlagged() throws {
    let whole = try lines(3)
    let result = JournalReader.parse(Data((whole[1] + whole[2]).utf8), file: "c.jsonl")
    #expect(result.findings.map(\.code) == [JournalReader.sequenceGapCode, JournalReader.noOpeningCode])
  }
}
