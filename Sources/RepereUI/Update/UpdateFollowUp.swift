import RepereBase
import RepereJournal

extension AppState {
  /// The « suite donnée » box (`s` on the orientation): four fields (called whom, when,
  /// reference, outcome); Tab or ↓ goes to the next field, ↑ back, Enter records it in the
  /// journal (who was called is required), Esc leaves without recording.
  mutating func handleFollowUp(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    let fields = FollowUpDraft.Field.allCases
    switch key {
    case .tab, .down:
      followUpDraft.field = fields[(followUpDraft.field.rawValue + 1) % fields.count]
      return []
    case .up:
      followUpDraft.field = fields[(followUpDraft.field.rawValue + fields.count - 1) % fields.count]
      return []
    default:
      break
    }
    switch action {
    case .confirm:
      guard let event = followUpDraft.event else {
        followUpDraft.field = .contact
        status = StatusMessage(.error, Chrome.followUpNeedContact(language))
        return []
      }
      overlays.removeLast()
      followUpDraft = FollowUpDraft()
      followUps.append(event)
      status = StatusMessage(.success, Chrome.followUpSaved(language))
      return journal([.followUp(event)])
    case .close:
      overlays.removeLast()
      followUpDraft = FollowUpDraft()
    default:
      break
    }
    return []
  }
}
