import RepereBase

/// One thing that happened in a case, as the journal keeps it. Each becomes one JSON line.
///
/// Events carry the texts the professional saw (question, answer label, disposition title) so an
/// export reads well without the bundle, and answers in their text form so `repere replay` can
/// parse them back through the rules module. No event holds an identity: the journal never asks
/// for one.
public enum JournalEvent: Hashable, Sendable {
  /// The first event of every journal, written by `JournalStore.create`.
  case opening(CaseOpening)
  /// A question answered for the first time.
  case answer(AnswerEvent)
  /// An answer changed afterwards, with the reason.
  case change(ChangeEvent)
  /// A free note.
  case note(NoteEvent)
  /// The case's place was set.
  case place(PlaceEvent)
  /// The walk continued under another protocol (a local overlay for the place).
  case protocolSwitch(ProtocolSwitchEvent)
  /// The professional raised the level (never lowered), with a reason.
  case levelRaise(LevelRaiseEvent)
  /// The walk gathered a disposition.
  case disposition(DispositionEvent)
  /// A disposition no longer holds (an answer changed and the walk no longer passes its step).
  case dispositionWithdrawn(DispositionWithdrawnEvent)
  /// The summary was exported.
  case export(ExportEvent)
  /// A follow-up (« suite donnée ») after the orientation: whom the professional called, when,
  /// the reference given and the outcome. The case stays open for them until it is closed.
  case followUp(FollowUpEvent)
  /// The case was closed. A journal without it is unfinished and offered for resuming.
  case end(EndEvent)

  /// The `type` field of the JSON line.
  public var typeName: String {
    switch self {
    case .opening: return "open"
    case .answer: return "answer"
    case .change: return "change"
    case .note: return "note"
    case .place: return "place"
    case .protocolSwitch: return "protocol_switch"
    case .levelRaise: return "level_raise"
    case .disposition: return "disposition"
    case .dispositionWithdrawn: return "disposition_withdrawn"
    case .export: return "export"
    case .followUp: return "follow_up"
    case .end: return "end"
    }
  }
}

/// A protocol as recorded: id, version and, when known, title.
public struct ProtocolReference: Hashable, Sendable, Codable {
  public var id: String
  public var version: String
  public var title: String?

  public init(id: String, version: String, title: String? = nil) {
    self.id = id
    self.version = version
    self.title = title
  }
}

/// What a case starts with, given by the caller of `JournalStore.create`.
public struct CaseStart: Hashable, Sendable {
  /// The protocol the walk starts under.
  public var protocolInForce: ProtocolReference
  /// Every protocol of the bundle (ids and versions), so a later reader knows what was loaded.
  public var bundleProtocols: [ProtocolReference]
  /// A content hash of the data folder (see `BundleFingerprint`).
  public var bundleHash: String
  /// The program's version.
  public var programVersion: String
  /// The protocol's level scale, highest first; empty means the spec's default scale.
  public var levels: [String]
  /// True for a training case (a scenario replayed by a trainer), so exports say so.
  public var training: Bool
  /// True when the data folder holds fictional records (« exemple fictif »), so exports say
  /// « données d'exemple ».
  public var demonstrationData: Bool

  public init(
    protocolInForce: ProtocolReference, bundleProtocols: [ProtocolReference], bundleHash: String,
    programVersion: String, levels: [String] = [], training: Bool = false, demonstrationData: Bool = false
  ) {
    self.protocolInForce = protocolInForce
    self.bundleProtocols = bundleProtocols
    self.bundleHash = bundleHash
    self.programVersion = programVersion
    self.levels = levels
    self.training = training
    self.demonstrationData = demonstrationData
  }
}

/// The first event: the case's random id and what the case ran on.
public struct CaseOpening: Hashable, Sendable, Codable {
  public var caseID: String
  /// The protocol the walk started under.
  public var protocolInForce: ProtocolReference
  /// Every protocol of the bundle.
  public var protocols: [ProtocolReference]
  public var bundleHash: String
  public var programVersion: String
  public var levels: [String]
  public var training: Bool
  /// Present (true) only when the case ran on a bundle holding fictional records; absent in
  /// journals written before it existed and on real bundles.
  public var demonstrationData: Bool?

  public init(caseID: String, start: CaseStart) {
    self.caseID = caseID
    self.protocolInForce = start.protocolInForce
    self.protocols = start.bundleProtocols
    self.bundleHash = start.bundleHash
    self.programVersion = start.programVersion
    self.levels = start.levels
    self.training = start.training
    self.demonstrationData = start.demonstrationData ? true : nil
  }

  private enum CodingKeys: String, CodingKey {
    case caseID = "case"
    case protocolInForce = "protocol"
    case protocols, bundleHash, programVersion, levels, training, demonstrationData
  }
}

/// A question answered.
public struct AnswerEvent: Hashable, Sendable, Codable {
  /// The step's id.
  public var step: String
  /// The step's kind (`yesno`, `choice`, `multi`, `number`, `place`, `text`), when known.
  public var kind: String?
  /// The question as shown.
  public var question: String
  /// The answer in the spec's text form.
  public var value: AnswerText
  /// The answer as shown: « Non », « Fugues, Hôtel », « 15 ans », « Saint-Denis (93) ».
  public var label: String
  /// For a place answer: the place it resolved to.
  public var place: PlaceValue?
  /// What this answer moved on the path (a place can switch protocol); absent when nothing moved.
  public var moved: PathMove?

  public init(
    step: String, kind: String? = nil, question: String, value: AnswerText, label: String, place: PlaceValue? = nil,
    moved: PathMove? = nil
  ) {
    self.step = step
    self.kind = kind
    self.question = question
    self.value = value
    self.label = label
    self.place = place
    self.moved = moved
  }
}

/// Steps whose answers left the walk's path after an answer or a change (kept, no longer used:
/// « mis de côté ») and steps that came back on it. Recorded with the answer or change that
/// moved them, so an export lists only the answers that still count; both fields are absent
/// from journals written before they existed, which read as « nothing moved ».
public struct PathMove: Hashable, Sendable, Codable {
  public var setAside: [String]
  public var restored: [String]

  public init(setAside: [String] = [], restored: [String] = []) {
    self.setAside = setAside
    self.restored = restored
  }

  public var isEmpty: Bool { setAside.isEmpty && restored.isEmpty }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    setAside = try container.decodeIfPresent([String].self, forKey: .setAside) ?? []
    restored = try container.decodeIfPresent([String].self, forKey: .restored) ?? []
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    if !setAside.isEmpty { try container.encode(setAside, forKey: .setAside) }
    if !restored.isEmpty { try container.encode(restored, forKey: .restored) }
  }

  private enum CodingKeys: String, CodingKey { case setAside, restored }
}

/// An answer changed afterwards.
public struct ChangeEvent: Hashable, Sendable, Codable {
  public var step: String
  public var question: String
  /// The answer before, when there was one.
  public var from: AnswerText?
  public var fromLabel: String?
  public var to: AnswerText
  public var toLabel: String
  /// For a place answer: the place the new answer resolved to.
  public var place: PlaceValue?
  /// Why it changed, as the professional typed it.
  public var reason: String
  /// What the change moved on the path (answers set aside or back in use).
  public var moved: PathMove?

  public init(
    step: String, question: String, from: AnswerText?, fromLabel: String?, to: AnswerText, toLabel: String,
    place: PlaceValue? = nil, reason: String, moved: PathMove? = nil
  ) {
    self.moved = moved
    self.step = step
    self.question = question
    self.from = from
    self.fromLabel = fromLabel
    self.to = to
    self.toLabel = toLabel
    self.place = place
    self.reason = reason
  }
}

/// A free note.
public struct NoteEvent: Hashable, Sendable, Codable {
  public var text: String
  /// The step on screen when the note was taken, if any.
  public var step: String?

  public init(text: String, step: String? = nil) {
    self.text = text
    self.step = step
  }
}

/// The case's place, as typed and as resolved.
public struct PlaceEvent: Hashable, Sendable, Codable {
  public var typed: String
  public var place: PlaceValue
  /// The place step that set it, if any.
  public var step: String?

  public init(typed: String, place: PlaceValue, step: String? = nil) {
    self.typed = typed
    self.place = place
    self.step = step
  }
}

/// The walk switched protocol (to a local overlay, or back to the base).
public struct ProtocolSwitchEvent: Hashable, Sendable, Codable {
  public var from: ProtocolReference
  public var to: ProtocolReference
  /// « lieu dans le 95 : protocole local »
  public var reason: String?

  public init(from: ProtocolReference, to: ProtocolReference, reason: String? = nil) {
    self.from = from
    self.to = to
    self.reason = reason
  }
}

/// The professional raised the level.
public struct LevelRaiseEvent: Hashable, Sendable, Codable {
  /// The level before (nil when no disposition had been gathered yet).
  public var from: String?
  public var to: String
  public var reason: String

  public init(from: String?, to: String, reason: String) {
    self.from = from
    self.to = to
    self.reason = reason
  }
}

/// A structure to call, as resolved when the disposition was gathered.
public struct JournalContact: Hashable, Sendable, Codable {
  public var id: String
  public var name: String
  /// The number or address as shown (from the directory, never typed by the journal).
  public var phone: String?
  /// Why this structure: « département voisin (95) : aucune fiche de ce type dans l'annuaire pour le 93 ».
  public var reason: String?
  /// A demonstration record (« exemple fictif »): exports flag it so no one calls it.
  public var example: Bool

  public init(id: String, name: String, phone: String? = nil, reason: String? = nil, example: Bool = false) {
    self.id = id
    self.name = name
    self.phone = phone
    self.reason = reason
    self.example = example
  }
}

/// A disposition gathered by the walk, with what to do and whom to call.
public struct DispositionEvent: Hashable, Sendable, Codable {
  public var code: String
  public var title: String
  public var level: String
  public var timeframe: String?
  public var actions: [String]
  public var contacts: [JournalContact]
  /// Titles of the sources it cites (« CASF, art. L226-3 … »).
  public var sources: [String]
  /// The step whose `recommend` or `outcome` gathered it.
  public var step: String?
  /// The contact queries that found no structure, as named on screen (« Parquet »): the
  /// orientation's ⚠ lines, so the export shows what is missing too. Absent when all matched.
  public var unlisted: [String]?

  public init(
    code: String, title: String, level: String, timeframe: String? = nil, actions: [String] = [],
    contacts: [JournalContact] = [], sources: [String] = [], step: String? = nil, unlisted: [String]? = nil
  ) {
    self.unlisted = unlisted
    self.code = code
    self.title = title
    self.level = level
    self.timeframe = timeframe
    self.actions = actions
    self.contacts = contacts
    self.sources = sources
    self.step = step
  }
}

/// A disposition dropped after a change.
public struct DispositionWithdrawnEvent: Hashable, Sendable, Codable {
  public var code: String
  public var reason: String?

  public init(code: String, reason: String? = nil) {
    self.code = code
    self.reason = reason
  }
}

/// The summary was exported (where to is not recorded).
public struct ExportEvent: Hashable, Sendable, Codable {
  /// `markdown` or `json`.
  public var format: String

  public init(format: String) {
    self.format = format
  }
}

/// A « suite donnée »: who was called (the 17, the CRIP of the 95…), when (as typed: « 14 h 30 »,
/// « hier soir »; the entry's own time says when it was recorded), the reference given (a
/// report number) and what came of it. Only `contact` is required.
public struct FollowUpEvent: Hashable, Sendable, Codable {
  public var contact: String
  public var when: String?
  public var reference: String?
  public var outcome: String?

  public init(contact: String, when: String? = nil, reference: String? = nil, outcome: String? = nil) {
    self.contact = contact
    self.when = when
    self.reference = reference
    self.outcome = outcome
  }

  /// « 17 — Police secours (14 h 30) · réf. 2026-118 · patrouille envoyée ».
  public var summary: String {
    var text = contact
    if let when, !when.isEmpty { text += " (\(when))" }
    if let reference, !reference.isEmpty { text += " · réf. \(reference)" }
    if let outcome, !outcome.isEmpty { text += " · \(outcome)" }
    return text
  }
}

/// How a case ended.
public enum CaseOutcome: String, Hashable, Sendable, Codable {
  /// The walk reached its orientation.
  case completed
  /// The professional stopped before the end and chose not to resume.
  case abandoned
}

/// The last event of a finished case.
public struct EndEvent: Hashable, Sendable, Codable {
  public var outcome: CaseOutcome
  /// The case's level when it closed.
  public var level: String?
  /// Every step the walk passed, in order, all kinds included (as a scenario's `path`), when the
  /// caller knows it; `repere replay` compares it with the path under another bundle.
  public var path: [String]?

  public init(outcome: CaseOutcome, level: String?, path: [String]? = nil) {
    self.outcome = outcome
    self.level = level
    self.path = path
  }
}
