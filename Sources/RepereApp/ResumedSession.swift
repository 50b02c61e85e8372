import RepereJournal
import RepereUI

/// A suspended case reopened (`--resume`, or picked in the interface's resume list): its
/// journal and its rebuilt walk.
public struct ResumedSession {
  public let `case`: ResumedCase
  public let walker: RulesCaseWalker

  public var journal: CaseJournal { `case`.journal }

  /// What the interface adopts in place of the new case: the walk, the notes, the opening time.
  public var walk: ResumedWalk {
    let record = `case`.record
    return ResumedWalk(
      caseID: record.caseID, walker: walker,
      notes: record.notes.map { CaseNote(text: $0.event.text, at: $0.time.date) }, openedAt: record.startedAt?.date,
      answerCount: record.answers.count, followUps: record.followUps.map(\.event))
  }

  /// Puts the case's walk, notes and opening time into `state`, and says it was resumed.
  public func apply(to state: inout AppState) {
    state = UIProgram.update(state, .resumed(walk)).0
  }
}
