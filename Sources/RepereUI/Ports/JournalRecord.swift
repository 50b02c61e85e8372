import Foundation

/// One line of the case journal, as the interface asks for it to be written. The runtime hands
/// it to the journal module (append-only, fsync'd) and answers with `Msg.journalSaved`.
public struct JournalRecord: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case caseOpened = "case-opened"
    case answered
    case changed
    case withdrawn
    case setAside = "set-aside"
    case protocolSwitched = "protocol-switched"
    case placeSet = "place-set"
    case levelRaised = "level-raised"
    case note
    case finished
    case exported
    case closed
  }

  public var kind: Kind
  public var at: Date
  /// Named fields (`step`, `answer`, `from`, `to`, `reason`, `text`, `protocol`, `version`…).
  public var fields: [String: String]

  public init(kind: Kind, at: Date, fields: [String: String] = [:]) {
    self.kind = kind
    self.at = at
    self.fields = fields
  }

  /// The journal lines for what the walk did.
  public static func records(for events: [WalkEvent], at date: Date) -> [JournalRecord] {
    events.map { event in
      switch event {
      case .answered(let step, let answer):
        JournalRecord(kind: .answered, at: date, fields: ["step": step, "answer": answer])
      case .changed(let step, let from, let to):
        JournalRecord(kind: .changed, at: date, fields: ["step": step, "from": from, "to": to])
      case .withdrawn(let step):
        JournalRecord(kind: .withdrawn, at: date, fields: ["step": step])
      case .setAside(let step):
        JournalRecord(kind: .setAside, at: date, fields: ["step": step])
      case .switchedProtocol(let from, let to):
        JournalRecord(kind: .protocolSwitched, at: date, fields: ["from": from, "to": to])
      case .levelRaised(let from, let to, let reason):
        JournalRecord(kind: .levelRaised, at: date, fields: ["from": from ?? "", "to": to, "reason": reason])
      case .placeSet(let place):
        JournalRecord(kind: .placeSet, at: date, fields: ["place": place])
      case .finished(let codes):
        JournalRecord(kind: .finished, at: date, fields: ["dispositions": codes.joined(separator: ",")])
      }
    }
  }
}

/// Writes journal records. Implemented over the journal module; a test double records them.
public protocol JournalWriting: AnyObject {
  /// Appends and makes durable; throws when the write failed.
  func append(_ record: JournalRecord) throws
  /// Where the journal lives (shown after an export).
  var location: String { get }
}
