import RepereBase

/// The postings turned around: each structure's terms (in term order) with their field bits.
/// A query word with far more postings than candidates left (« maison d »: every word in d) is
/// checked in the candidates' own terms instead. Built from the postings on the first query that
/// needs it (≈ 5 bytes per posting), never stored in the cache.
struct ForwardIndex: Sendable {
  private let start: [Int32]
  private let terms: [Int32]
  private let fields: [UInt8]

  init(count: Int, postingStart: Column<Int32>, postingDocs: Column<UInt32>, postingFields: Column<UInt8>) {
    var start = [Int32](repeating: 0, count: count + 1)
    postingDocs.withUnsafeBufferPointer { docs in
      for doc in docs { start[Int(doc) + 1] += 1 }
    }
    for doc in 0..<count { start[doc + 1] += start[doc] }
    var next = start
    let total = Int(start[count])
    var terms = [Int32](repeating: 0, count: total)
    var fields = [UInt8](repeating: 0, count: total)
    postingDocs.withUnsafeBufferPointer { docs in
      postingFields.withUnsafeBufferPointer { postingFields in
        // Terms in order: each structure's list comes out sorted by term.
        for term in 0..<(postingStart.count - 1) {
          for position in Int(postingStart[term])..<Int(postingStart[term + 1]) {
            let doc = Int(docs[position])
            let slot = Int(next[doc])
            next[doc] += 1
            terms[slot] = Int32(term)
            fields[slot] = postingFields[position]
          }
        }
      }
    }
    self.start = start
    self.terms = terms
    self.fields = fields
  }

  /// The candidates holding one of `word`'s terms, as the posting walk of `SearchIndex.run`
  /// would keep them: the doc's best kind and best field for this word are folded into
  /// `kindOf` (worst over words) and `fieldOf` (summed), and `matched` marks it for the next round.
  func keep(
    _ candidates: [Int], matching word: WordTerms, round: UInt8, matched: inout [UInt8], kindOf: inout [UInt8],
    fieldOf: inout [UInt8]
  ) -> [Int] {
    var kept: [Int] = []
    kept.reserveCapacity(candidates.count)
    for doc in candidates {
      var kind = UInt8.max
      var field = UInt8.max
      for position in Int(start[doc])..<Int(start[doc + 1]) {
        guard let termKind = word.kind(of: Int(terms[position])) else { continue }
        kind = min(kind, termKind)
        field = min(field, UInt8(fields[position].trailingZeroBitCount))
      }
      guard kind != UInt8.max else { continue }
      matched[doc] = round &+ 1
      kindOf[doc] = max(kindOf[doc], kind)
      fieldOf[doc] = min(15, fieldOf[doc] &+ field)
      kept.append(doc)
    }
    return kept
  }
}

/// A query word's matching terms as `matchingTerms` lists them — the exact term and the
/// prefixed ones are consecutive term ids, the one-typo terms are few — with a quick test.
struct WordTerms {
  private let prefixed: Range<Int>
  private let exact: Int?
  private let typos: [Int]

  init(_ terms: [(term: Int, kind: UInt8)]) {
    let run = terms.prefix { $0.kind < 2 }
    prefixed = (run.first?.term ?? 0)..<((run.last?.term ?? -1) + 1)
    exact = run.first { $0.kind == 0 }?.term
    typos = terms.dropFirst(run.count).map(\.term)
  }

  /// 0 exact, 1 prefix, 2 one typo; nil when `term` does not match the word.
  @inline(__always)
  func kind(of term: Int) -> UInt8? {
    if prefixed.contains(term) { return term == exact ? 0 : 1 }
    return typos.contains(term) ? 2 : nil
  }
}
