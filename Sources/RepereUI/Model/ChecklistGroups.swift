/// A checklist longer than nine options is shown in groups of at most eight, each numbered from
/// 1: a digit always ticks exactly one option of the group on screen, so a fast « 1 » then « 2 »
/// ticks two options and never option 12, and each group fits at 80×24 with its hints.
public enum ChecklistGroups {
  /// Up to this many options, one group numbered 1–9.
  static let singleGroupLimit = 9
  static let largestGroup = 8

  /// The groups of `count` options as index ranges of balanced sizes (16 → 8 + 8, 10 → 5 + 5),
  /// or nil when the list needs no groups.
  public static func ranges(count: Int) -> [Range<Int>]? {
    guard count > singleGroupLimit else { return nil }
    let groupCount = (count + largestGroup - 1) / largestGroup
    let size = (count + groupCount - 1) / groupCount
    return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
  }
}

extension AppState {
  /// The groups of the checklist on screen, or nil (not a checklist, or short enough).
  public var checklistGroups: [Range<Int>]? {
    guard let step = displayedStep, step.kind == .multi else { return nil }
    return ChecklistGroups.ranges(count: choices(for: step).count)
  }

  /// The group on screen: the one holding the highlighted option (the last one for « Je ne sais
  /// pas »).
  public var checklistGroupIndex: Int {
    guard let groups = checklistGroups else { return 0 }
    return groups.firstIndex { $0.contains(question.cursor.index) } ?? groups.count - 1
  }

  /// Shows the next (`by: 1`) or previous (`by: -1`) group, highlighting its first option.
  mutating func moveChecklistGroup(by offset: Int) {
    guard let groups = checklistGroups else { return }
    let index = (checklistGroupIndex + offset + groups.count) % groups.count
    question.cursor.index = groups[index].lowerBound
  }
}
