/// « vouliez-vous dire … ? » for near-miss keys and ids.
public enum Suggestion {
  /// The closest candidate within a small edit distance, or nil.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(1, min(3, word.count / 3))
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(word.lowercased(), candidate.lowercased())
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// « vouliez-vous dire « x » ? » or nil: the one wording of a suggestion, in findings (whose
  /// messages are French, docs/findings.md) and in the commands' one-line errors alike.
  public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
    closest(to: word, among: candidates).map(didYouMean)
  }

  /// « vouliez-vous dire « x » ? »: the wording itself, for a suggestion found another way.
  public static func didYouMean(_ candidate: String) -> String { "vouliez-vous dire « \(candidate) » ?" }

  /// At most this many suggestions per check: each costs one edit distance per
  /// candidate, so 10,000 dangling step references against 10,000 steps took 57 s. Past it the
  /// findings are still all reported, without a hint (issue 18, point 10).
  public static let hintsPerCheck = 50

  /// Levenshtein distance, with adjacent transpositions counted as one edit.
  public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs.unicodeScalars)
    let b = Array(rhs.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}

/// A check's allowance of suggestions (`Suggestion.hintsPerCheck`), so a file with
/// thousands of dangling references is checked in time linear in their number.
public struct SuggestionBudget {
  public private(set) var left: Int

  public init(_ limit: Int = Suggestion.hintsPerCheck) { left = limit }

  /// Like `Suggestion.hint`, while the allowance lasts; nil after.
  public mutating func hint(for word: String, among candidates: @autoclosure () -> [String]) -> String? {
    guard left > 0 else { return nil }
    left -= 1
    return Suggestion.hint(for: word, among: candidates())
  }
}
