import Foundation
import RepereBase

/// The case as a JSON document (`repere/case-export@2`) for tools: the same content as the
/// Markdown summary, with codes and values instead of sentences. Keys sorted, two-space indent,
/// so the same case gives the same bytes.
public enum JSONExporter {
  /// @2: keys in snake_case like every other JSON output (docs/json.md); @1 wrote camelCase.
  public static let format = "repere/case-export@2"

  /// Renders `record`; `exportedAt` is the export's time (injected).
  public static func render(_ record: RecordedCase, exportedAt: JournalTimestamp) throws -> String {
    MachineJSON.encode(CaseExport(record, exportedAt: exportedAt)) + "\n"
  }
}

private struct CaseExport: Encodable {
  struct Answer: Encodable {
    var step: String
    var kind: String?
    var question: String
    var value: AnswerText
    var text: String
    var label: String
    var place: PlaceValue?
    var answeredAt: String
    var changed: Bool
    /// True for an answer a change took off the path (no longer used); absent otherwise.
    var setAside: Bool?
  }
  struct Change: Encodable {
    var at: String
    var step: String
    var question: String
    var from: AnswerText?
    var fromLabel: String?
    var to: AnswerText
    var toLabel: String
    var reason: String
  }
  struct Raise: Encodable {
    var at: String
    var from: String?
    var to: String
    var reason: String
  }
  struct Switch: Encodable {
    var at: String
    var from: ProtocolReference
    var to: ProtocolReference
    var reason: String?
  }
  struct Disposition: Encodable {
    var at: String
    var code: String
    var title: String
    var level: String
    var timeframe: String?
    var actions: [String]
    var contacts: [JournalContact]
    var sources: [String]
    var step: String?
    /// Contact queries that found no structure (« Parquet »), when any.
    var unlisted: [String]?
  }
  struct Note: Encodable {
    var at: String
    var text: String
    var step: String?
  }
  struct Warning: Encodable {
    var code: String
    var line: Int
    var message: String
  }

  var format = JSONExporter.format
  var caseID: String
  var training: Bool
  /// Present (true) only for a case run on a bundle holding fictional records.
  var demonstrationData: Bool?
  var startedAt: String?
  var lastEventAt: String?
  var endedAt: String?
  var outcome: CaseOutcome?
  var exportedAt: String
  var `protocol`: ProtocolReference?
  var protocolInForce: ProtocolReference?
  var protocolSwitches: [Switch]
  var bundleHash: String?
  var programVersion: String?
  var place: PlaceEvent?
  var level: String?
  var levelFromDispositions: String?
  var levelRaises: [Raise]
  var answers: [Answer]
  var changes: [Change]
  var dispositions: [Disposition]
  var notes: [Note]
  /// The « suites données » (follow-ups after the orientation), with when each was recorded.
  var followUps: [FollowUp]?
  var warnings: [Warning]

  struct FollowUp: Encodable {
    var at: String
    var contact: String
    var when: String?
    var reference: String?
    var outcome: String?
  }

  private enum CodingKeys: String, CodingKey {
    case format
    case caseID = "case"
    case training, demonstrationData, startedAt, lastEventAt, endedAt, outcome, exportedAt
    case `protocol`, protocolInForce, protocolSwitches, bundleHash, programVersion, place, level
    case levelFromDispositions, levelRaises, answers, changes, dispositions, notes, followUps, warnings
  }

  init(_ record: RecordedCase, exportedAt: JournalTimestamp) {
    caseID = record.caseID
    training = record.opening?.training ?? false
    demonstrationData = record.opening?.demonstrationData
    startedAt = record.startedAt?.description
    lastEventAt = record.lastEventAt?.description
    endedAt = record.end?.time.description
    outcome = record.end?.event.outcome
    self.exportedAt = exportedAt.description
    self.protocol = record.opening?.protocolInForce
    protocolInForce = record.protocolInForce
    protocolSwitches = record.protocolSwitches.map {
      Switch(at: $0.time.description, from: $0.event.from, to: $0.event.to, reason: $0.event.reason)
    }
    bundleHash = record.opening?.bundleHash
    programVersion = record.opening?.programVersion
    place = record.place
    level = record.level
    levelFromDispositions = record.dispositionLevel
    levelRaises = record.levelRaises.map {
      Raise(at: $0.time.description, from: $0.event.from, to: $0.event.to, reason: $0.event.reason)
    }
    answers = record.answers.map {
      Answer(
        step: $0.step, kind: $0.kind, question: $0.question, value: $0.value, text: $0.value.specText,
        label: $0.label, place: $0.place, answeredAt: $0.answeredAt.description, changed: $0.changed,
        setAside: record.setAsideSteps.contains($0.step) ? true : nil)
    }
    changes = record.changes.map {
      Change(
        at: $0.time.description, step: $0.event.step, question: $0.event.question, from: $0.event.from,
        fromLabel: $0.event.fromLabel, to: $0.event.to, toLabel: $0.event.toLabel, reason: $0.event.reason)
    }
    dispositions = record.orderedDispositions.map {
      let event = $0.event
      return Disposition(
        at: $0.time.description, code: event.code, title: event.title, level: event.level,
        timeframe: event.timeframe, actions: event.actions, contacts: event.contacts, sources: event.sources,
        step: event.step, unlisted: event.unlisted)
    }
    notes = record.notes.map { Note(at: $0.time.description, text: $0.event.text, step: $0.event.step) }
    // Absent when there are none, so exports of cases without follow-ups stay as they were.
    followUps =
      record.followUps.isEmpty
      ? nil
      : record.followUps.map {
        FollowUp(
          at: $0.time.description, contact: $0.event.contact, when: $0.event.when, reference: $0.event.reference,
          outcome: $0.event.outcome)
      }
    warnings = record.findings.map {
      Warning(code: $0.code, line: $0.location.line, message: $0.message)
    }
  }
}
