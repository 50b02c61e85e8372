/// What a step does (spec: "Steps").
public enum StepKind: String, Sendable, Hashable, Codable, CaseIterable {
  case yesno, choice, multi, number, place, text, info, route, outcome

  /// Kinds that ask the person something and store an answer in a variable.
  public var asksQuestion: Bool {
    switch self {
    case .yesno, .choice, .multi, .number, .place, .text: return true
    case .info, .route, .outcome: return false
    }
  }

  /// Kinds that must carry a `text`.
  public var requiresText: Bool { self != .route && self != .outcome }
}
