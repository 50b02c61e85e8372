import Foundation
import RepereBase
import RepereJournal

/// A case left unfinished in the journal (crash, closed terminal, dropped connection), as the
/// resume list shows it. No identity: none is ever recorded.
public struct UnfinishedCase: Hashable, Sendable {
  public var id: String
  public var startedAt: Date?
  public var lastEntryAt: Date?
  /// The protocol in force when the case stopped (title, else id).
  public var protocolTitle: String
  /// The case's place as resolved (« Cergy (95) »), nil when none was given.
  public var placeLabel: String?
  /// The case's level id (raised or from the dispositions), nil when none.
  public var levelID: String?
  public var answerCount: Int
  /// Open in another Repère window: listed, but not resumable from here.
  public var inUse: Bool

  public init(
    id: String, startedAt: Date?, lastEntryAt: Date?, protocolTitle: String, placeLabel: String?, levelID: String?,
    answerCount: Int, inUse: Bool
  ) {
    self.id = id
    self.startedAt = startedAt
    self.lastEntryAt = lastEntryAt
    self.protocolTitle = protocolTitle
    self.placeLabel = placeLabel
    self.levelID = levelID
    self.answerCount = answerCount
    self.inUse = inUse
  }

  /// The line of `JournalStore.unfinishedCases()` for this case.
  public init(summary: JournalSummary) {
    let record = summary.record
    let protocolInForce = record.protocolSwitches.last?.event.to ?? record.protocolInForce
    self.init(
      id: summary.id, startedAt: summary.startedAt?.date, lastEntryAt: summary.lastEventAt?.date,
      protocolTitle: protocolInForce.map { $0.title ?? $0.id } ?? "?",
      placeLabel: record.place?.place.label, levelID: record.level, answerCount: record.answers.count,
      inUse: summary.inUse)
  }
}

/// A suspended case reopened by the runtime (the resume list or `--resume`): its rebuilt walk,
/// notes and opening time, which replace the new, empty case.
public struct ResumedWalk: Hashable, Sendable {
  public var caseID: String
  public var walker: any CaseWalking
  public var notes: [CaseNote]
  /// When the case was first opened (the call timer goes on from there).
  public var openedAt: Date?
  public var answerCount: Int
  /// The « suites données » already recorded (a case kept open after its orientation).
  public var followUps: [FollowUpEvent]

  public init(
    caseID: String, walker: any CaseWalking, notes: [CaseNote], openedAt: Date?, answerCount: Int,
    followUps: [FollowUpEvent] = []
  ) {
    self.caseID = caseID
    self.walker = walker
    self.notes = notes
    self.openedAt = openedAt
    self.answerCount = answerCount
    self.followUps = followUps
  }

  // A resumed case is identified by its journal id (walkers are not comparable).
  public static func == (lhs: ResumedWalk, rhs: ResumedWalk) -> Bool {
    lhs.caseID == rhs.caseID && lhs.notes == rhs.notes && lhs.openedAt == rhs.openedAt
      && lhs.followUps == rhs.followUps
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(caseID) }
}
