import Foundation

/// Why a level cannot be raised.
public enum LevelRaiseError: Error, Sendable, Hashable, CustomStringConvertible {
  case unknownLevel(String, scale: [String])
  case notHigher(String, current: String)
  case emptyReason

  public var description: String {
    switch self {
    case .unknownLevel(let level, let scale):
      return "niveau « \(level) » inconnu (échelle : \(scale.joined(separator: " > ")))"
    case .notHigher(let level, let current):
      return "« \(level) » n'est pas plus élevé que « \(current) » : un niveau ne se baisse jamais"
    case .emptyReason: return "relever le niveau demande une raison"
    }
  }
}

/// A case being walked: the answers given, the raised level, and the state recomputed from
/// them after every change. Pure: no I/O, no clock.
///
/// `info` steps: with `acknowledgeInfo` false (the default, for the UI) a pending `info` step
/// waits for `acknowledge(_:)` (an answer of `.bool(true)`); with true they are passed at once
/// (scenarios and `repere walk`, whose answers list questions only). Either way they appear in
/// the path.
public struct CaseSession: Sendable {
  public let library: ProtocolLibrary
  /// The protocol the case was started on (the walk may switch to an overlay of its family).
  public let startProtocolID: String
  public let acknowledgeInfo: Bool
  /// Every answer given, by step id, including those set aside.
  public private(set) var answers: [String: AnswerValue]
  public private(set) var raise: LevelRaise?
  public private(set) var state: WalkState

  public init(
    library: ProtocolLibrary, protocolID: String, answers: [String: AnswerValue] = [:], acknowledgeInfo: Bool = false
  ) {
    self.library = library
    self.startProtocolID = protocolID
    self.acknowledgeInfo = acknowledgeInfo
    self.answers = answers
    self.raise = nil
    self.state = Walker.walk(
      library: library, protocolID: protocolID, answers: answers, acknowledgeInfo: acknowledgeInfo)
  }

  /// The protocol in force.
  public var protocolDefinition: ProtocolDefinition? { library.protocolDefinition(state.protocolID) }

  /// The step with this id in the protocol in force.
  public func step(_ id: String) -> Step? { protocolDefinition?.step(id) }

  /// Answers the pending step or changes the answer of a step on the path. Refuses (reporting
  /// `.rejected`) steps off the path and values that do not fit the step.
  @discardableResult
  public mutating func answer(_ stepID: String, _ value: AnswerValue) -> [WalkChange] {
    guard let step = step(stepID) else {
      return [.rejected(step: stepID, reason: "étape inconnue dans « \(state.protocolID) »")]
    }
    let reachable = state.pending?.id == stepID || state.path.contains { $0.stepID == stepID }
    guard reachable, step.kind.asksQuestion || step.kind == .info else {
      return [.rejected(step: stepID, reason: "cette étape n'est pas sur le parcours en cours")]
    }
    let valid: AnswerValue
    switch AnswerParser.validate(value, for: step) {
    case .success(let checked): valid = checked
    case .failure(let problem): return [.rejected(step: stepID, reason: problem.description)]
    }
    let old = answers[stepID]
    guard old != valid else { return [] }
    answers[stepID] = valid
    let first: WalkChange =
      old.map { .changed(step: stepID, from: $0, to: valid) } ?? .answered(step: stepID, value: valid)
    return [first] + recompute(excluding: stepID)
  }

  /// Acknowledges a pending `info` step.
  @discardableResult
  public mutating func acknowledge(_ stepID: String) -> [WalkChange] {
    answer(stepID, .bool(true))
  }

  /// Withdraws the answer of the last answered step on the path; that step is pending again.
  @discardableResult
  public mutating func goBack() -> [WalkChange] {
    guard let last = state.path.last(where: { answers[$0.stepID] != nil }), let old = answers[last.stepID] else {
      return []
    }
    answers[last.stepID] = nil
    return [.unanswered(step: last.stepID, value: old)] + recompute(excluding: last.stepID)
  }

  /// Raises the case's level by hand. Refuses a level outside the scale, one not above the
  /// current level (a level is never lowered) and an empty reason.
  @discardableResult
  public mutating func raiseLevel(to level: String, reason: String) throws -> [WalkChange] {
    let scale = protocolDefinition?.levels ?? ProtocolDefinition.defaultLevels
    guard let rank = scale.firstIndex(of: level) else { throw LevelRaiseError.unknownLevel(level, scale: scale) }
    if let current = state.level, let currentRank = scale.firstIndex(of: current), currentRank <= rank {
      throw LevelRaiseError.notHigher(level, current: current)
    }
    let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw LevelRaiseError.emptyReason }
    let before = state
    raise = LevelRaise(level: level, reason: trimmed)
    state = Walker.walk(
      library: library, protocolID: startProtocolID, answers: answers, acknowledgeInfo: acknowledgeInfo, raise: raise)
    // The raised level's own disposition (its actions and contacts) comes with the raise.
    let beforeCodes = Set(before.dispositionCodes)
    let brought = state.dispositions.filter { !beforeCodes.contains($0.code) }.map {
      WalkChange.dispositionGathered(code: $0.code, level: $0.disposition.level, step: $0.stepID)
    }
    return [.levelRaised(from: before.level, to: level, reason: trimmed)] + brought
  }

  /// Walks again and reports what moved; `excluding` is the step whose own change is already
  /// reported.
  private mutating func recompute(excluding changedStep: String) -> [WalkChange] {
    let before = state
    state = Walker.walk(
      library: library, protocolID: startProtocolID, answers: answers, acknowledgeInfo: acknowledgeInfo, raise: raise)
    return CaseSession.changes(from: before, to: state, answers: answers, excluding: changedStep)
  }

  /// The differences between two states that a journal records.
  static func changes(from before: WalkState, to after: WalkState, answers: [String: AnswerValue], excluding: String)
    -> [WalkChange]
  {
    var changes: [WalkChange] = []
    if before.protocolID != after.protocolID {
      let departement = after.switches.last?.departement ?? after.place?.departement
      changes.append(.protocolSwitched(from: before.protocolID, to: after.protocolID, departement: departement))
    }
    let beforeOnPath = Set(before.path.map(\.stepID))
    let afterOnPath = Set(after.path.map(\.stepID))
    for entry in before.path where entry.stepID != excluding && !afterOnPath.contains(entry.stepID) {
      if let value = answers[entry.stepID] { changes.append(.setAside(step: entry.stepID, value: value)) }
    }
    for entry in after.path where entry.stepID != excluding && !beforeOnPath.contains(entry.stepID) {
      if let value = answers[entry.stepID] { changes.append(.restored(step: entry.stepID, value: value)) }
    }
    let beforeCodes = Set(before.dispositionCodes)
    let afterCodes = Set(after.dispositionCodes)
    for code in before.dispositionCodes where !afterCodes.contains(code) {
      changes.append(.dispositionDropped(code: code))
    }
    for gathered in after.dispositions where !beforeCodes.contains(gathered.code) {
      changes.append(
        .dispositionGathered(code: gathered.code, level: gathered.disposition.level, step: gathered.stepID))
    }
    if before.level != after.level { changes.append(.levelChanged(from: before.level, to: after.level)) }
    return changes
  }
}
