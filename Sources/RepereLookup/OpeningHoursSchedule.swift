import RepereBase

/// One day's schedule: disjoint, sorted ranges of minutes (0…1440), each with a state and a
/// comment. The operations follow opening-hours-rs (`schedule.rs`) so that answers agree with it.
struct DaySchedule: Hashable, Sendable {
  struct Range: Hashable, Sendable {
    var start: Int
    var end: Int
    var kind: OpeningHours.Kind
    /// Empty when none.
    var comment: String
  }

  var ranges: [Range] = []

  /// The ranges (possibly overlapping) merged, all with one state.
  init(spans: [(start: Int, end: Int)], kind: OpeningHours.Kind, comment: String) {
    let sorted = spans.filter { $0.start < $0.end }.sorted { $0.start < $1.start }
    for span in sorted {
      if let last = ranges.last, last.end >= span.start {
        ranges[ranges.count - 1].end = max(last.end, span.end)
      } else {
        ranges.append(Range(start: span.start, end: span.end, kind: kind, comment: comment))
      }
    }
  }

  init() {}

  /// True when every range is closed without a comment (also when there is none).
  var isAlwaysClosedWithoutComment: Bool { ranges.allSatisfy { $0.kind == .closed && $0.comment.isEmpty } }

  /// Without the closed ranges that say nothing (what is left is open, unknown or commented).
  var withoutPlainClosedRanges: DaySchedule {
    var copy = self
    copy.ranges.removeAll { $0.kind == .closed && $0.comment.isEmpty }
    return copy
  }

  /// `other` laid over `self`: where they overlap, `other` wins.
  func addition(_ other: DaySchedule) -> DaySchedule {
    var result = self
    for range in other.ranges.reversed() { result = result.inserting(range) }
    return result
  }

  private func inserting(_ inserted: Range) -> DaySchedule {
    var range = inserted
    var before: [Range] = ranges.compactMap { existing in
      guard existing.start < range.end else { return nil }
      var cut = existing
      cut.end = min(cut.end, range.start)
      return cut.start < cut.end ? cut : nil
    }
    var after: [Range] = ranges.compactMap { existing in
      guard existing.end > range.start else { return nil }
      var cut = existing
      cut.start = max(cut.start, range.end)
      return cut.start < cut.end ? cut : nil
    }
    // Ranges in the same state that touch the inserted one are merged into it.
    while let last = before.last, last.end == range.start, last.kind == range.kind, last.comment == range.comment {
      range.start = last.start
      before.removeLast()
    }
    while let first = after.first, range.end == first.start, first.kind == range.kind, first.comment == range.comment {
      range.end = first.end
      after.removeFirst()
    }
    var result = DaySchedule()
    result.ranges = before + [range] + after
    return result
  }

  /// The range in force at `minute`, if any (none: closed).
  func range(at minute: Int) -> Range? { ranges.first { $0.start <= minute && minute < $0.end } }
}

/// Works out a day's schedule from the rules, as opening-hours-rs does (`schedule_at`): a normal
/// rule that names the day replaces what came before (including the previous night's spans of
/// earlier rules); a closed rule, like an additional one, is laid over what came before; a
/// fallback applies only where nothing before names the day with an open or commented state; a
/// rule's span past midnight reaches into the next morning as part of that rule.
struct DayEvaluator {
  let rules: [OpeningHours.Rule]
  let holidays: HolidayCalendar

  func schedule(for day: CalendarDay) -> DaySchedule {
    var previousMatch = false
    var previous: DaySchedule?
    let yesterday = day.adding(days: -1)
    for rule in rules {
      let matchesToday = rule.days.matches(day, calendar: holidays)
      let matchesYesterday = rule.days.matches(yesterday, calendar: holidays)
      let current = Self.ruleSchedule(rule, today: matchesToday, yesterday: matchesYesterday)
      switch (rule.joiner, rule.kind) {
      case (.normal, .open), (.normal, .unknown):
        if matchesToday {
          previous = current
        } else if let kept = previous, !kept.isAlwaysClosedWithoutComment {
          previous = kept
        } else {
          previous = current
        }
        previousMatch = previousMatch || matchesToday
      case (.additional, _), (.normal, .closed):
        if let before = previous, let current {
          previous = before.addition(current)
        } else {
          previous = previous ?? current
        }
        previousMatch = previousMatch || matchesToday
      case (.fallback, _):
        if previousMatch, let kept = previous, !kept.isAlwaysClosedWithoutComment { continue }
        previousMatch = matchesToday
        previous = current
      }
    }
    return previous?.withoutPlainClosedRanges ?? DaySchedule()
  }

  /// The rule's ranges on a day: its spans if it names the day, and the part past midnight of its
  /// spans if it names the day before.
  private static func ruleSchedule(_ rule: OpeningHours.Rule, today: Bool, yesterday: Bool) -> DaySchedule? {
    let spans = rule.spans.isEmpty ? [OpeningHours.Span(start: 0, end: 1440)] : rule.spans
    let comment = rule.comment ?? ""
    let fromToday =
      today
      ? DaySchedule(spans: spans.map { ($0.start, min($0.end, 1440)) }, kind: rule.kind, comment: comment) : nil
    let fromYesterday =
      yesterday
      ? DaySchedule(
        spans: spans.filter { $0.end > 1440 }.map { (max($0.start, 1440) - 1440, $0.end - 1440) }, kind: rule.kind,
        comment: comment) : nil
    if let fromToday, let fromYesterday { return fromToday.addition(fromYesterday) }
    return fromToday ?? fromYesterday
  }

  /// 0 open, 1 unknown, 2 closed at `minute` of `day` (for the search's memoised filter).
  func code(day: CalendarDay, minute: Int) -> Int {
    switch schedule(for: day).range(at: minute)?.kind {
    case .open: return 0
    case .unknown: return 1
    case .closed, nil: return 2
    }
  }
}
