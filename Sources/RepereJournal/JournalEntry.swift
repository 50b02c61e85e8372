import Foundation

/// One line of a journal: schema version, sequence number, time and event.
///
/// On disk: `{"v":1,"seq":3,"t":"2026-11-29T23:10:00+01:00","type":"answer",…}` followed by a
/// newline — the envelope first so a person reading the file sees what and when, then the event's
/// own fields in sorted order so identical events give identical bytes.
public struct JournalEntry: Hashable, Sendable {
  /// The schema version this code writes. Readers refuse lines from a newer version.
  public static let currentVersion = 1

  public var version: Int
  /// 1 for the opening, then +1 per event; a gap means lost lines.
  public var sequence: Int
  public var time: JournalTimestamp
  public var event: JournalEvent

  public init(version: Int = JournalEntry.currentVersion, sequence: Int, time: JournalTimestamp, event: JournalEvent) {
    self.version = version
    self.sequence = sequence
    self.time = time
    self.event = event
  }
}

extension JournalEntry {
  /// The line's bytes, newline included.
  public func encodedLine() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let payload = try event.encodedPayload(with: encoder)
    var line = Data("{\"v\":\(version),\"seq\":\(sequence),\"t\":\"\(time)\",\"type\":\"\(event.typeName)\"".utf8)
    // The payload is a JSON object: splice its members after the envelope's.
    let members = payload.dropFirst().dropLast()
    if !members.isEmpty {
      line.append(UInt8(ascii: ","))
      line.append(contentsOf: members)
    }
    line.append(contentsOf: Array("}\n".utf8))
    return line
  }

  /// Decodes one line (without its newline).
  public static func decode(line: Data) throws -> JournalEntry {
    try JSONDecoder().decode(JournalEntry.self, from: line)
  }
}

/// Why a line could not be read, beyond JSON syntax.
enum JournalLineError: Error, Equatable {
  case unsupportedVersion(Int)
  case unknownType(String)
  case badTime(String)
}

extension JournalEntry: Decodable {
  private enum EnvelopeKeys: String, CodingKey {
    case version = "v"
    case sequence = "seq"
    case time = "t"
    case type
  }

  public init(from decoder: any Decoder) throws {
    let envelope = try decoder.container(keyedBy: EnvelopeKeys.self)
    version = try envelope.decode(Int.self, forKey: .version)
    guard version <= JournalEntry.currentVersion, version >= 1 else {
      throw JournalLineError.unsupportedVersion(version)
    }
    sequence = try envelope.decode(Int.self, forKey: .sequence)
    let timeText = try envelope.decode(String.self, forKey: .time)
    guard let time = JournalTimestamp(parsing: timeText) else { throw JournalLineError.badTime(timeText) }
    self.time = time
    let type = try envelope.decode(String.self, forKey: .type)
    event = try JournalEvent(type: type, from: decoder)
  }
}

extension JournalEvent {
  func encodedPayload(with encoder: JSONEncoder) throws -> Data {
    switch self {
    case .opening(let payload): return try encoder.encode(payload)
    case .answer(let payload): return try encoder.encode(payload)
    case .change(let payload): return try encoder.encode(payload)
    case .note(let payload): return try encoder.encode(payload)
    case .place(let payload): return try encoder.encode(payload)
    case .protocolSwitch(let payload): return try encoder.encode(payload)
    case .levelRaise(let payload): return try encoder.encode(payload)
    case .disposition(let payload): return try encoder.encode(payload)
    case .dispositionWithdrawn(let payload): return try encoder.encode(payload)
    case .export(let payload): return try encoder.encode(payload)
    case .followUp(let payload): return try encoder.encode(payload)
    case .end(let payload): return try encoder.encode(payload)
    }
  }

  init(type: String, from decoder: any Decoder) throws {
    switch type {
    case "open": self = .opening(try CaseOpening(from: decoder))
    case "answer": self = .answer(try AnswerEvent(from: decoder))
    case "change": self = .change(try ChangeEvent(from: decoder))
    case "note": self = .note(try NoteEvent(from: decoder))
    case "place": self = .place(try PlaceEvent(from: decoder))
    case "protocol_switch": self = .protocolSwitch(try ProtocolSwitchEvent(from: decoder))
    case "level_raise": self = .levelRaise(try LevelRaiseEvent(from: decoder))
    case "disposition": self = .disposition(try DispositionEvent(from: decoder))
    case "disposition_withdrawn": self = .dispositionWithdrawn(try DispositionWithdrawnEvent(from: decoder))
    case "export": self = .export(try ExportEvent(from: decoder))
    case "follow_up": self = .followUp(try FollowUpEvent(from: decoder))
    case "end": self = .end(try EndEvent(from: decoder))
    default: throw JournalLineError.unknownType(type)
    }
  }
}
