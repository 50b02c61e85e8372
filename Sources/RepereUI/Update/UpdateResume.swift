import Foundation
import RepereBase

extension AppState {
  /// The resume offer stands while the new case has nothing in it (no answer, no note) and the
  /// journal holds unfinished cases: an operator taking a new call is never slowed by it.
  public var offersResume: Bool {
    training == nil && !unfinishedCases.isEmpty && walk.path.isEmpty && notes.isEmpty
  }

  mutating func openResumeList() -> [Effect] {
    guard offersResume else { return [] }
    resumeList.cursor.index = 0
    status = nil
    overlays.append(.resumeList)
    return []
  }

  mutating func handleResumeList(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    let count = unfinishedCases.count
    switch action {
    case .answer:
      guard case .character(let character) = key, let digit = character.wholeNumberValue, digit <= count else {
        return []
      }
      resumeList.cursor.index = digit - 1
      return resumeSelected()
    case .previous:
      resumeList.cursor.up()
    case .next:
      resumeList.cursor.down(count: count)
    case .confirm:
      return resumeSelected()
    case .close:
      overlays.removeLast()
    default:
      break
    }
    return []
  }

  /// Asks the runtime to reopen the highlighted case; one open in another window is refused.
  private mutating func resumeSelected() -> [Effect] {
    guard let chosen = resumeList.cursor.row(in: unfinishedCases) else { return [] }
    guard !chosen.inUse else {
      status = StatusMessage(.error, chosen.id + " : " + Chrome.resumeInUse(language))
      return []
    }
    return [.resume(caseID: chosen.id)]
  }

  /// Replaces the new, empty case with the reopened one: its walk (answers, changes, place,
  /// protocol switch, raised level), its notes and its timer, windows closed.
  mutating func adopt(_ resumed: ResumedWalk) {
    walker = resumed.walker
    refreshWalk()
    notes = resumed.notes
    followUps = resumed.followUps
    notesWindow = NotesWindow()
    if let started = resumed.openedAt { openedAt = started }
    overlays = []
    showOrientation = false
    editingStepID = nil
    change.pending = nil
    unfinishedCases = []
    resumeList.cursor.index = 0
    resolveContacts()
    prepareDisplayedStep()
    status = StatusMessage(.info, Chrome.caseResumed(language, resumed.caseID, String(resumed.answerCount)))
  }
}
