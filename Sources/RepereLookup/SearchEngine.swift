import Foundation
import RepereBase

/// Query execution over a `SearchIndex`: match words (exact, prefix, one typo), intersect,
/// filter, and keep the best `limit` by a packed integer key.
extension SearchIndex {
  /// One ranked structure, before it is turned into a `SearchHit`.
  struct Ranked {
    var doc: Int
    var kind: MatchKind
    /// 0 commune, 1 département, 2 neighbour, 3 region, 4 national, 5 elsewhere.
    var proximity: Int
    /// 0 open, 1 unknown, 2 closed.
    var open: Int
    var distanceKm: Double?
  }

  /// The search's clock and place, worked out once per query.
  struct Context {
    var place: PlaceContext?
    var departementRank: [UInt8]
    var localTimes: [(day: CalendarDay, minute: Int)?]
    let now: Date
  }

  func makeContext(place: PlaceValue?, reference: ReferenceData, now: Date) -> Context {
    var ranks = [UInt8](repeating: 5, count: departementCodes.count)
    var placeContext: PlaceContext?
    if let place {
      let context = PlaceContext(place: place, reference: reference)
      placeContext = context
      for (index, code) in departementCodes.enumerated() {
        if code == context.departement {
          ranks[index] = 1
        } else if context.neighbours.contains(code) {
          ranks[index] = 2
        } else if let region = context.regionCode, reference.departement(code: code)?.regionCode == region {
          ranks[index] = 3
        }
      }
    }
    return Context(
      place: placeContext, departementRank: ranks,
      localTimes: Array(repeating: nil, count: Self.variantDepartements.count), now: now)
  }

  func proximity(of doc: Int, context: Context) -> Int {
    proximity(of: doc, place: context.place, departementRank: context.departementRank)
  }

  /// The same, with the place taken out of the context once per query (not once per candidate).
  func proximity(of doc: Int, place: PlaceContext?, departementRank: [UInt8]) -> Int {
    guard let place else { return 0 }
    if !place.communeCodes.isEmpty, geo.hasCommune(doc, in: place.communeCodes) { return 0 }
    var best = geo.isNational[doc] ? 4 : 5
    for position in Int(structureDepartementStart[doc])..<Int(structureDepartementStart[doc + 1]) {
      best = min(best, Int(departementRank[Int(structureDepartements[position])]))
    }
    return best
  }

  /// 0 open, 1 unknown (or no hours), 2 closed; memoised per hours pattern and zone.
  func openCode(of doc: Int, context: inout Context, cache: inout [UInt8]) -> Int {
    let pattern = Int(hoursPattern[doc])
    guard pattern >= 0 else { return 1 }
    let zone = Int(variant[doc])
    let slot = pattern * Self.variantDepartements.count + zone
    if cache.isEmpty { cache = [UInt8](repeating: 0, count: patterns.count * Self.variantDepartements.count) }
    if cache[slot] != 0 { return Int(cache[slot]) - 1 }
    let local: (day: CalendarDay, minute: Int)
    if let known = context.localTimes[zone] {
      local = known
    } else {
      local = WallClock(timeZone: Departement.timeZone(forCode: Self.variantDepartements[zone])).local(context.now)
      context.localTimes[zone] = local
    }
    let code = DayEvaluator(rules: patterns[pattern].rules, holidays: Self.holidays(zone)).code(
      day: local.day, minute: local.minute)
    cache[slot] = UInt8(code + 1)
    return code
  }

  static func holidays(_ zone: Int) -> HolidayCalendar {
    HolidayCalendar.forDepartement(zone == 1 ? "57" : variantDepartements[zone])
  }

  // MARK: Word matching

  /// Terms matching `word`: kind 0 exact, 1 prefix, 2 one typo (words of five letters or more).
  func matchingTerms(_ word: [UInt8], allowPrefix: Bool = true) -> [(term: Int, kind: UInt8)] {
    var result: [(term: Int, kind: UInt8)] = []
    termBytes.withUnsafeBufferPointer { bytes in
      var term = lowerBound(word, bytes)
      let termCount = termStart.count - 1
      while term < termCount {
        let start = Int(termStart[term])
        let end = Int(termStart[term + 1])
        guard end - start >= word.count, hasPrefix(bytes, start, word) else { break }
        if end - start == word.count {
          result.append((term, 0))
        } else if allowPrefix {
          result.append((term, 1))
        } else {
          break
        }
        term += 1
      }
      guard word.count >= 5, word.count <= Self.maximumTypoWordLength else { return }
      var keys = [FNV.hash(word[...])]
      for skip in word.indices { keys.append(FNV.hash(word[..<skip], word[(skip + 1)...])) }
      var seen = Set(result.map(\.term))
      for key in keys {
        var position = lowerBoundHash(key)
        while position < deletionHashes.count, deletionHashes[position] == key {
          let candidate = Int(deletionTerms[position])
          position += 1
          guard !seen.contains(candidate) else { continue }
          let slice = Array(bytes[Int(termStart[candidate])..<Int(termStart[candidate + 1])])
          if BoundedEdit.withinOne(slice, word) {
            seen.insert(candidate)
            result.append((candidate, 2))
          }
        }
      }
    }
    return result
  }

  private func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: [UInt8]) -> Bool {
    for (offset, byte) in word.enumerated() where bytes[start + offset] != byte { return false }
    return true
  }

  /// First term not ordered before `word`.
  private func lowerBound(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var low = 0
    var high = termStart.count - 1
    while low < high {
      let middle = (low + high) / 2
      if compare(bytes, Int(termStart[middle]), Int(termStart[middle + 1]), word) < 0 {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  private func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: [UInt8]) -> Int {
    let length = min(end - start, word.count)
    for offset in 0..<length {
      let a = bytes[start + offset]
      let b = word[offset]
      if a != b { return a < b ? -1 : 1 }
    }
    return (end - start) - word.count
  }

  private func lowerBoundHash(_ key: UInt64) -> Int {
    var low = 0
    var high = deletionHashes.count
    while low < high {
      let middle = (low + high) / 2
      if deletionHashes[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low
  }

  // MARK: Running a query

  func run(
    words: [[UInt8]], filters: SearchFilters, context: inout Context, limit: Int
  ) -> [Ranked] {
    guard limit > 0, count > 0 else { return [] }
    // Candidates and, per candidate, the worst word match kind and the summed field weights.
    var candidates: [Int] = []
    var kindOf = [UInt8](repeating: 0, count: words.isEmpty ? 0 : count)
    var fieldOf = [UInt8](repeating: 0, count: words.isEmpty ? 0 : count)
    if words.isEmpty {
      candidates = Array(0..<count)
    } else {
      // Words are intersected from the fewest postings up (the worst kind and the summed fields
      // do not depend on the order): the first round collects the fewest candidates.
      let matches = words.map { matchingTerms($0) }
      if matches.contains(where: \.isEmpty) { return [] }
      let postings = matches.map { terms in
        terms.reduce(0) { $0 + Int(postingStart[$1.term + 1] - postingStart[$1.term]) }
      }
      let order = words.indices.sorted { (postings[$0], $0) < (postings[$1], $1) }
      // matched[doc] == round: the doc matched every word of the earlier rounds.
      var matched = [UInt8](repeating: 0, count: count)
      var wordKind = [UInt8](repeating: 0, count: count)
      var wordField = [UInt8](repeating: 0, count: count)
      for (roundIndex, wordIndex) in order.enumerated() {
        let round = UInt8(truncatingIfNeeded: roundIndex)
        let terms = matches[wordIndex]
        walkPostings(
          of: terms, round: round, collecting: roundIndex == 0, into: &candidates, matched: &matched,
          wordKind: &wordKind, wordField: &wordField)
        var kept: [Int] = []
        kept.reserveCapacity(candidates.count)
        for doc in candidates where matched[doc] == round &+ 1 {
          kindOf[doc] = max(kindOf[doc], wordKind[doc])
          fieldOf[doc] = min(15, fieldOf[doc] &+ wordField[doc])
          kept.append(doc)
        }
        candidates = kept
        if candidates.isEmpty { return [] }
      }
    }
    return select(
      candidates, kindOf: kindOf, fieldOf: fieldOf, filters: filters, context: &context, limit: limit)
  }

  /// Marks the docs holding one of `terms` that matched every earlier round (`matched[doc] ==
  /// round` becomes `round + 1`) with their best kind and field for this word; when
  /// `collecting` (the first round), each is appended to `candidates`. The hottest loop of a keystroke (a two-letter
  /// word walks tens of thousands of postings): buffers without bounds checks, a doc outside
  /// the directory skipped.
  private func walkPostings(
    of terms: [(term: Int, kind: UInt8)], round: UInt8, collecting: Bool, into candidates: inout [Int],
    matched: inout [UInt8], wordKind: inout [UInt8], wordField: inout [UInt8]
  ) {
    let next = round &+ 1
    postingDocs.withUnsafeBufferPointer { docs in
      postingFields.withUnsafeBufferPointer { fields in
        matched.withUnsafeMutableBufferPointer { matched in
          wordKind.withUnsafeMutableBufferPointer { wordKind in
            wordField.withUnsafeMutableBufferPointer { wordField in
              let count = matched.count
              for (term, kind) in terms {
                for position in Int(postingStart[term])..<Int(postingStart[term + 1]) {
                  let doc = Int(docs[position])
                  guard doc < count else { continue }
                  let field = UInt8(fields[position].trailingZeroBitCount)
                  let state = matched[doc]
                  if state == round {
                    matched[doc] = next
                    wordKind[doc] = kind
                    wordField[doc] = field
                    if collecting { candidates.append(doc) }
                  } else if state == next {
                    wordKind[doc] = min(wordKind[doc], kind)
                    wordField[doc] = min(wordField[doc], field)
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Filters candidates and keeps the best `limit` by (kind, proximity, open, field, distance, name).
  func select(
    _ candidates: [Int], kindOf: [UInt8], fieldOf: [UInt8], filters: SearchFilters, context: inout Context,
    limit: Int
  ) -> [Ranked] {
    let typeMask = mask(filters.types, typeBit)
    let themeMask = mask(filters.themes, themeBit)
    let publicMask = mask(filters.publics, publicBit)
    let wantedAccess: UInt8? = filters.access.map { $0 == .public ? 0 : 1 }
    var cache: [UInt8] = []
    var heap = TopK(limit: limit)
    let place = context.place
    let departementRank = context.departementRank
    for doc in candidates {
      if !filters.includeInactive, !usable[doc] { continue }
      if let typeMask, typeBits[doc] & typeMask == 0 { continue }
      if let themeMask, themeBits[doc] & themeMask == 0 { continue }
      if let publicMask, publicBits[doc] & publicMask == 0 { continue }
      if let wantedAccess, access[doc] != wantedAccess { continue }
      if let age = filters.age {
        if ageMin[doc] >= 0, age < Double(ageMin[doc]) { continue }
        if ageMax[doc] >= 0, age >= Double(ageMax[doc]) + 1 { continue }
      }
      let kind = kindOf.isEmpty ? 0 : UInt64(kindOf[doc])
      let field = fieldOf.isEmpty ? 0 : UInt64(fieldOf[doc])
      // The key at best (closest, open, no distance): when even that cannot enter a full top,
      // the place and the opening hours are not worked out (most candidates of a short word).
      if heap.rejects(kind << 60 | field << 48 | UInt64(nameRank[doc])) { continue }
      let proximity = proximity(of: doc, place: place, departementRank: departementRank)
      var distance: Double?
      if let place {
        distance = place.distanceKm(to: geo.point(doc))
        if let radius = filters.radiusKm {
          if let distance {
            if distance > radius && !geo.isNational[doc] { continue }
          } else if proximity > 1 && !geo.isNational[doc] {
            continue
          }
        }
      }
      let open = openCode(of: doc, context: &context, cache: &cache)
      if filters.openNow, open != 0 { continue }
      let distanceBucket = UInt64(min(65_535, Int((distance ?? 6_553.5) * 10)))
      var key = kind << 60
      key |= UInt64(proximity) << 56
      key |= UInt64(open) << 52
      key |= field << 48
      key |= distanceBucket << 24
      key |= UInt64(nameRank[doc])
      heap.insert(key)
    }
    return heap.sorted().map { key in
      let doc = docByNameRank[Int(key & 0xFF_FFFF)]
      let distance = context.place?.distanceKm(to: geo.point(doc))
      return Ranked(
        doc: doc, kind: MatchKind(rawValue: Int(key >> 60)) ?? .fuzzy, proximity: Int((key >> 56) & 0xF),
        open: Int((key >> 52) & 0xF), distanceKm: distance)
    }
  }

  private func mask(_ ids: [String], _ table: [String: Int]) -> UInt64? {
    guard !ids.isEmpty else { return nil }
    var result: UInt64 = 0
    for id in ids { if let bit = table[id] { result |= 1 << UInt64(bit) } }
    return result
  }
}

/// The `limit` smallest keys seen, kept in a max-heap so most candidates are rejected in O(1).
struct TopK {
  let limit: Int
  private var heap: [UInt64] = []

  init(limit: Int) {
    self.limit = limit
    heap.reserveCapacity(limit)
  }

  mutating func insert(_ key: UInt64) {
    if heap.count < limit {
      heap.append(key)
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard heap[parent] < heap[child] else { break }
        heap.swapAt(parent, child)
        child = parent
      }
    } else if let top = heap.first, key < top {
      heap[0] = key
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var largest = parent
        if left < heap.count, heap[left] > heap[largest] { largest = left }
        if right < heap.count, heap[right] > heap[largest] { largest = right }
        if largest == parent { break }
        heap.swapAt(parent, largest)
        parent = largest
      }
    }
  }

  /// Whether `key` would be turned away (the top is full of smaller keys).
  func rejects(_ key: UInt64) -> Bool {
    guard heap.count == limit, let top = heap.first else { return false }
    return key >= top
  }

  func sorted() -> [UInt64] { heap.sorted() }
}
