/// Something that changed in a case, reported so the journal can record it and the UI show it.
public enum WalkChange: Sendable, Hashable {
  /// A step got its first answer.
  case answered(step: String, value: AnswerValue)
  /// An answer was replaced.
  case changed(step: String, from: AnswerValue, to: AnswerValue)
  /// An answer was withdrawn (going back).
  case unanswered(step: String, value: AnswerValue)
  /// A step left the path: its answer is kept aside, no longer used.
  case setAside(step: String, value: AnswerValue)
  /// A step came back on the path: its earlier answer is used again (shown, never silent).
  case restored(step: String, value: AnswerValue)
  /// The place selected another protocol (an overlay, or back to the base).
  case protocolSwitched(from: String, to: String, departement: String?)
  case dispositionGathered(code: String, level: String, step: String)
  case dispositionDropped(code: String)
  /// The case's level moved because dispositions changed.
  case levelChanged(from: String?, to: String?)
  /// The professional raised the level by hand.
  case levelRaised(from: String?, to: String, reason: String)
  /// The answer was refused (not on the path, not an option, out of bounds); nothing changed.
  case rejected(step: String, reason: String)

  /// One line in French for the journal and the screen.
  public var summary: String {
    switch self {
    case .answered(let step, let value): return "\(step) : \(value.displayText)"
    case .changed(let step, let from, let to): return "\(step) : \(from.displayText) → \(to.displayText)"
    case .unanswered(let step, let value): return "\(step) : réponse retirée (\(value.displayText))"
    case .setAside(let step, let value): return "\(step) : réponse mise de côté (\(value.displayText))"
    case .restored(let step, let value): return "\(step) : réponse reprise (\(value.displayText))"
    case .protocolSwitched(let from, let to, let departement):
      return "protocole : \(from) → \(to)" + (departement.map { " (département \($0))" } ?? "")
    case .dispositionGathered(let code, let level, let step): return "orientation \(code) (\(level)) à l'étape \(step)"
    case .dispositionDropped(let code): return "orientation \(code) retirée"
    case .levelChanged(let from, let to): return "niveau : \(from ?? "aucun") → \(to ?? "aucun")"
    case .levelRaised(let from, let to, let reason): return "niveau relevé : \(from ?? "aucun") → \(to) (« \(reason) »)"
    case .rejected(let step, let reason): return "\(step) : réponse refusée — \(reason)"
    }
  }
}
