import Foundation
import RepereBase
import Testing

@testable import RepereJournal

@Suite struct EventCodingTests {
  private let time = JournalTimestamp(date: Fixtures.caseStart, timeZone: Fixtures.paris)

  @Test func lineStartsWithTheEnvelopeAndEndsWithANewline() throws {
    let entry = JournalEntry(
      sequence: 3, time: time,
      event: .answer(
        AnswerEvent(step: "age", kind: "number", question: "Quel âge ?", value: .number(15), label: "15 ans")))
    let line = String(decoding: try entry.encodedLine(), as: UTF8.self)
    #expect(
      line
        == #"{"v":1,"seq":3,"t":"2026-11-29T23:10:00+01:00","type":"answer","kind":"number","label":"15 ans","#
        + #""question":"Quel âge ?","step":"age","value":15}"# + "\n")
  }

  @Test func everyEventTypeSurvivesARoundTrip() throws {
    var events = Fixtures.leaEvents.map(\.event)
    events.append(.opening(CaseOpening(caseID: "abc", start: Fixtures.start)))
    events.append(
      .protocolSwitch(
        ProtocolSwitchEvent(
          from: Fixtures.nationalProtocol, to: ProtocolReference(id: "95/orientation", version: "2026.10"),
          reason: "lieu dans le 95")))
    events.append(.dispositionWithdrawn(DispositionWithdrawnEvent(code: "ip-crip", reason: "âge corrigé")))
    events.append(.end(EndEvent(outcome: .abandoned, level: nil)))
    for (index, event) in events.enumerated() {
      let entry = JournalEntry(sequence: index + 1, time: time, event: event)
      let line = try entry.encodedLine()
      #expect(line.last == UInt8(ascii: "\n"))
      #expect(!line.dropLast().contains(UInt8(ascii: "\n")), "one event, one line: \(event.typeName)")
      let decoded = try JournalEntry.decode(line: line.dropLast())
      #expect(decoded == entry, "\(event.typeName)")
    }
  }

  @Test func answersUseTheSpecTextForm() throws {
    let cases: [(AnswerText, String, String)] = [
      (.bool(true), "true", "true"),
      (.bool(false), "false", "false"),
      (.number(14), "14", "14"),
      (.number(14.5), "14.5", "14.5"),
      (.text("93200"), "\"93200\"", "93200"),
      (.list(["fugues", "hotel"]), "[\"fugues\",\"hotel\"]", "fugues,hotel"),
      (.unknown, "{\"unknown\":true}", "unknown"),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    for (answer, json, text) in cases {
      #expect(String(decoding: try encoder.encode(answer), as: UTF8.self) == json)
      #expect(answer.specText == text)
      #expect(try JSONDecoder().decode(AnswerText.self, from: Data(json.utf8)) == answer)
    }
    // An option that happens to be called "unknown" stays an option.
    #expect(try JSONDecoder().decode(AnswerText.self, from: Data("\"unknown\"".utf8)) == .text("unknown"))
    #expect(throws: (any Error).self) { try JSONDecoder().decode(AnswerText.self, from: Data("{\"x\":1}".utf8)) }
  }

  @Test func timestampsKeepTheirOffset() throws {
    #expect(time.description == "2026-11-29T23:10:00+01:00")
    #expect(time.frenchDate == "29/11/2026")
    #expect(time.frenchTime == "23:10")
    let parsed = try #require(JournalTimestamp(parsing: "2026-07-14T08:05:09-03:30"))
    #expect(parsed.description == "2026-07-14T08:05:09-03:30")
    #expect(parsed.utcOffsetSeconds == -12_600)
    let utc = try #require(JournalTimestamp(parsing: "2026-11-29T22:10:00.250Z"))
    #expect(utc.date == Fixtures.caseStart)
    #expect(utc.description == "2026-11-29T22:10:00+00:00")
    for bad in ["", "2026-11-29", "2026-11-29T23:10:00", "2026-13-01T00:00:00Z", "2026-11-29T23:10:00+1:00", "x"] {
      #expect(JournalTimestamp(parsing: bad) == nil, "\(bad)")
    }
  }

  @Test func linesFromANewerSchemaAreRefused() {
    let line = Data(#"{"v":2,"seq":1,"t":"2026-11-29T23:10:00+01:00","type":"note","text":"x"}"#.utf8)
    #expect(throws: JournalLineError.unsupportedVersion(2)) { try JournalEntry.decode(line: line) }
    let unknown = Data(#"{"v":1,"seq":1,"t":"2026-11-29T23:10:00+01:00","type":"hologram"}"#.utf8)
    #expect(throws: JournalLineError.unknownType("hologram")) { try JournalEntry.decode(line: unknown) }
  }

  @Test func caseIDsAreRandomAndSafeAsFileNames() {
    let ids = (0..<200).map { _ in CaseID.random() }
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0.count == CaseID.length && CaseID.isValid($0) })
    for bad in ["", "../etc", "A1", "a/b", "-x", String(repeating: "a", count: 65), "é"] {
      #expect(!CaseID.isValid(bad), "\(bad)")
    }
  }
}
