import Foundation
import RepereBase
import RepereRules

/// The end of a training session: what the group did compared with the scenario's reference,
/// step by step (✓ / ✗), then level, dispositions and contacts. Pure: built from the reference
/// and the group's walk.
public struct TrainingDebrief: Sendable, Hashable {
  /// One step of either walk. Routes are left out of the rows (nobody answers them) but count
  /// in `pathMatches`.
  public struct StepRow: Sendable, Hashable {
    public enum Presence: Sendable, Hashable {
      /// Both walks passed the step.
      case both
      /// Only the reference passed it: the group did not reach it.
      case referenceOnly
      /// Only the group passed it: off the reference path.
      case groupOnly
    }

    public var stepID: String
    public var kind: StepKind
    /// The step's text; for an outcome, its disposition's title.
    public var question: String
    public var presence: Presence
    public var groupAnswer: AnswerValue?
    public var referenceAnswer: AnswerValue?
    /// The answers as people read them.
    public var groupLabel: String?
    public var referenceLabel: String?
    /// The scenario changed this answer along the way (its final value is the reference).
    public var referenceCorrected: Bool
    /// Both passed the step and, for a question, gave the same answer.
    public var matches: Bool

    public init(
      stepID: String, kind: StepKind, question: String, presence: Presence, groupAnswer: AnswerValue? = nil,
      referenceAnswer: AnswerValue? = nil, groupLabel: String? = nil, referenceLabel: String? = nil,
      referenceCorrected: Bool = false, matches: Bool
    ) {
      self.stepID = stepID
      self.kind = kind
      self.question = question
      self.presence = presence
      self.groupAnswer = groupAnswer
      self.referenceAnswer = referenceAnswer
      self.groupLabel = groupLabel
      self.referenceLabel = referenceLabel
      self.referenceCorrected = referenceCorrected
      self.matches = matches
    }
  }

  /// A disposition or a contact: expected by the scenario, obtained by the group, or both.
  public struct Item: Sendable, Hashable {
    public var id: String
    public var title: String
    public var expected: Bool
    public var obtained: Bool

    public init(id: String, title: String, expected: Bool, obtained: Bool) {
      self.id = id
      self.title = title
      self.expected = expected
      self.obtained = obtained
    }

    public var matches: Bool { expected == obtained }
  }

  /// The case's level, expected and reached.
  public struct LevelComparison: Sendable, Hashable {
    public var expected: String?
    /// The group's level (raised by hand when `raise` is set).
    public var actual: String?
    /// The level the group's dispositions alone give.
    public var computed: String?
    public var raise: LevelRaise?

    public init(expected: String?, actual: String?, computed: String?, raise: LevelRaise?) {
      self.expected = expected
      self.actual = actual
      self.computed = computed
      self.raise = raise
    }

    public var matches: Bool { expected == actual }
  }

  public var scenarioID: String
  public var rows: [StepRow]
  public var expectedPath: [String]
  public var actualPath: [String]
  /// The group's walk reached an outcome.
  public var groupFinished: Bool
  public var level: LevelComparison
  public var dispositions: [Item]
  /// The contacts the scenario expects, each found or not among the group's.
  public var contacts: [Item]
  /// Contacts the group's orientation gave beyond those expected.
  public var otherContacts: Int
  /// The scenario's `debrief` text.
  public var text: String?

  /// Every step passed, all kinds, equal to the expected path.
  public var pathMatches: Bool { actualPath == expectedPath }
  public var matchingRows: Int { rows.filter(\.matches).count }
  /// The first step where the group left the reference.
  public var firstMismatch: StepRow? { rows.first { !$0.matches } }
  /// Every step, the path, level, dispositions and contacts as the scenario expects.
  public var allMatch: Bool {
    rows.allSatisfy(\.matches) && pathMatches && groupFinished && level.matches && dispositions.allSatisfy(\.matches)
      && contacts.allSatisfy(\.matches)
  }

  /// Compares the group's walk (`group`, with the contacts its orientation showed) with the
  /// scenario's reference.
  public init(reference: TrainingReference, group: WalkState, groupContacts: [DispositionContacts]) {
    scenarioID = reference.scenario.id
    expectedPath = reference.expectedPath
    actualPath = group.pathIDs
    groupFinished = group.isFinished
    text = reference.scenario.debrief
    rows = Self.rows(reference: reference, group: group)
    level = LevelComparison(
      expected: reference.expectedLevel, actual: group.level, computed: group.computedLevel, raise: group.raise)

    let expectedCodes = reference.expectedDispositions
    let obtainedCodes = group.dispositionCodes
    var dispositions: [Item] = []
    for code in expectedCodes + obtainedCodes where !dispositions.contains(where: { $0.id == code }) {
      let title =
        group.dispositions.first { $0.code == code }?.disposition.title
        ?? reference.dispositionTitle(code, protocolID: group.protocolID) ?? code
      dispositions.append(
        Item(id: code, title: title, expected: expectedCodes.contains(code), obtained: obtainedCodes.contains(code)))
    }
    self.dispositions = dispositions

    let matches = groupContacts.flatMap(\.matches)
    let found = Set(matches.map(\.structureID))
    let expectedContacts = reference.expectedContacts
    contacts = expectedContacts.map { id in
      let name = matches.first { $0.structureID == id }?.name ?? reference.contactName(id) ?? id
      return Item(id: id, title: name, expected: true, obtained: found.contains(id))
    }
    otherContacts = found.subtracting(expectedContacts).count
  }

  /// Aligns the two paths (longest common subsequence of step ids, routes left out) and
  /// compares the answers of the steps both passed.
  static func rows(reference: TrainingReference, group: WalkState) -> [StepRow] {
    let inForce = reference.state?.protocolID
    let referenceSteps = reference.expectedPath.compactMap { id -> (id: String, kind: StepKind)? in
      let kind = reference.step(id, protocolID: inForce)?.kind ?? .info
      return kind == .route ? nil : (id, kind)
    }
    let groupSteps = group.path.filter { $0.kind != .route }
    let referenceIDs = referenceSteps.map(\.id)
    let groupIDs = groupSteps.map(\.stepID)
    var rows: [StepRow] = []
    for pair in Self.align(referenceIDs, groupIDs) {
      let referenceIndex = pair.0
      let groupIndex = pair.1
      let id = referenceIndex.map { referenceIDs[$0] } ?? groupIndex.map { groupIDs[$0] } ?? ""
      let kind = groupIndex.map { groupSteps[$0].kind } ?? referenceIndex.map { referenceSteps[$0].kind } ?? .info
      let step = reference.step(id, protocolID: groupIndex == nil ? inForce : group.protocolID)
      let referenceAnswer = referenceIndex == nil ? nil : reference.answer(for: id)
      let groupAnswer = groupIndex.flatMap { kind.asksQuestion ? groupSteps[$0].answer : nil }
      let presence: StepRow.Presence =
        switch (referenceIndex, groupIndex) {
        case (.some, .some): .both
        case (.some, .none): .referenceOnly
        default: .groupOnly
        }
      var matches = presence == .both
      if matches, kind.asksQuestion {
        if let groupAnswer, let referenceValue = referenceAnswer?.value {
          matches = sameAnswer(groupAnswer, referenceValue)
        } else {
          matches = false
        }
      }
      rows.append(
        StepRow(
          stepID: id, kind: kind, question: step?.text ?? Self.outcomeTitle(step, reference) ?? id,
          presence: presence, groupAnswer: groupAnswer, referenceAnswer: referenceAnswer?.value,
          groupLabel: groupAnswer.map { AnswerLabel.text($0, for: step) },
          referenceLabel: kind.asksQuestion ? referenceAnswer.map { AnswerLabel.text($0.value, for: step) } : nil,
          referenceCorrected: !(referenceAnswer?.corrections.isEmpty ?? true), matches: matches))
    }
    return rows
  }

  /// An outcome has no text: its row reads as its disposition's title.
  private static func outcomeTitle(_ step: Step?, _ reference: TrainingReference) -> String? {
    guard let step, step.kind == .outcome, let code = step.disposition else { return nil }
    return reference.dispositionTitle(code)
  }

  /// Two answers that say the same thing: places in the same département and commune (when
  /// both name one), texts equal up to case and surrounding spaces, else equal values.
  public static func sameAnswer(_ lhs: AnswerValue, _ rhs: AnswerValue) -> Bool {
    switch (lhs, rhs) {
    case (.place(let left), .place(let right)):
      guard left.departement == right.departement else { return false }
      guard let leftCommune = left.communeCode, let rightCommune = right.communeCode else { return true }
      return leftCommune == rightCommune
    case (.text(let left), .text(let right)):
      return left.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        == right.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    default:
      return lhs == rhs
    }
  }

  /// The longest common subsequence of two id lists, as pairs of indices in order (nil on the
  /// side that lacks the step). Paths are short (tens of steps): the quadratic table is fine.
  static func align(_ left: [String], _ right: [String]) -> [(Int?, Int?)] {
    let rows = left.count
    let columns = right.count
    var table = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
    for i in stride(from: rows - 1, through: 0, by: -1) {
      for j in stride(from: columns - 1, through: 0, by: -1) {
        table[i][j] = left[i] == right[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var pairs: [(Int?, Int?)] = []
    var i = 0
    var j = 0
    while i < rows || j < columns {
      if i < rows, j < columns, left[i] == right[j] {
        pairs.append((i, j))
        i += 1
        j += 1
      } else if j >= columns || (i < rows && table[i + 1][j] >= table[i][j + 1]) {
        pairs.append((i, nil))
        i += 1
      } else {
        pairs.append((nil, j))
        j += 1
      }
    }
    return pairs
  }
}
