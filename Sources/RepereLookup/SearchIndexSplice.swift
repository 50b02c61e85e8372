import Foundation

/// A run of consecutive structures of a rebuilt directory: taken from the older index (a file
/// that did not change) or from the index built over the changed files only.
struct DocumentRun: Equatable {
  var fromOld: Bool
  var start: Int
  var count: Int
}

/// Where each structure of the older and of the partial index goes in the rebuilt directory.
struct DocumentMap {
  /// New position of each old structure, -1 when its file changed or went away.
  var old: [Int32]
  /// New position of each structure of the partial index.
  var partial: [Int32]
  var count: Int

  init(runs: [DocumentRun], oldCount: Int, partialCount: Int) {
    old = [Int32](repeating: -1, count: oldCount)
    partial = [Int32](repeating: -1, count: partialCount)
    var next: Int32 = 0
    for run in runs {
      for position in run.start..<(run.start + run.count) {
        if run.fromOld { old[position] = next } else { partial[position] = next }
        next += 1
      }
    }
    count = Int(next)
  }
}

extension SearchIndex {
  /// The index of a directory where only some files changed, built from the older index (its
  /// unchanged files' postings and columns, renumbered) and an index of the changed files alone,
  /// instead of from every structure: the same searches as a full build, in a fraction of the
  /// time. `oldSortKey` gives an old structure's folded name and id (for the name order).
  /// Nil when the merge cannot keep the columns' meaning (a bit table would pass 63 entries):
  /// the caller then builds the whole index.
  static func splicing(
    old: SearchIndex, partial: SearchIndex, runs: [DocumentRun], partialSortKeys: [(String, String)],
    oldSortKey: (Int) -> (String, String)
  ) -> SearchIndex? {
    let map = DocumentMap(runs: runs, oldCount: old.count, partialCount: partial.count)
    guard let typeBits = BitRemap(old.typeBit, partial.typeBit),
      let themeBits = BitRemap(old.themeBit, partial.themeBit),
      let publicBits = BitRemap(old.publicBit, partial.publicBit)
    else { return nil }
    let terms = TermMerge(old: old, partial: partial, map: map)

    // Per-structure columns, run by run.
    var geo = GeographyColumns.Builder()
    var departementCodes = old.departementCodes
    var departementIndex: [String: Int16] = [:]
    for (position, code) in departementCodes.enumerated() { departementIndex[code] = Int16(position) }
    let partialDepartements: [Int16] = partial.departementCodes.map { code in
      if let known = departementIndex[code] { return known }
      let index = Int16(departementCodes.count)
      departementIndex[code] = index
      departementCodes.append(code)
      return index
    }
    var patterns = old.patterns
    var patternIndex: [String: Int32] = [:]
    for (position, hours) in patterns.enumerated() where patternIndex[hours.text] == nil {
      patternIndex[hours.text] = Int32(position)
    }
    let partialPatterns: [Int32] = partial.patterns.map { hours in
      if let known = patternIndex[hours.text] { return known }
      patternIndex[hours.text] = Int32(patterns.count)
      patterns.append(hours)
      return Int32(patterns.count - 1)
    }
    var structureDepartements: [Int16] = []
    var structureDepartementStart: [Int32] = [0]
    var columns = Columns()
    columns.reserve(map.count)
    for run in runs {
      let source = run.fromOld ? old : partial
      let range = run.start..<(run.start + run.count)
      geo.isNational += source.geo.isNational[range]
      geo.latitude += source.geo.latitude[range]
      geo.longitude += source.geo.longitude[range]
      for doc in range {
        geo.communes += source.geo.communes[Int(source.geo.communeStart[doc])..<Int(source.geo.communeStart[doc + 1])]
        geo.communeStart.append(Int32(geo.communes.count))
        let departements = Int(source.structureDepartementStart[doc])..<Int(source.structureDepartementStart[doc + 1])
        for slot in departements {
          let index = source.structureDepartements[slot]
          structureDepartements.append(run.fromOld ? index : partialDepartements[Int(index)])
        }
        structureDepartementStart.append(Int32(structureDepartements.count))
        let pattern = source.hoursPattern[doc]
        columns.hoursPattern.append(run.fromOld || pattern < 0 ? pattern : partialPatterns[Int(pattern)])
        columns.typeBits.append(run.fromOld ? source.typeBits[doc] : typeBits.apply(source.typeBits[doc]))
        columns.themeBits.append(run.fromOld ? source.themeBits[doc] : themeBits.apply(source.themeBits[doc]))
        columns.publicBits.append(run.fromOld ? source.publicBits[doc] : publicBits.apply(source.publicBits[doc]))
      }
      columns.ageMin += source.ageMin[range]
      columns.ageMax += source.ageMax[range]
      columns.usable += source.usable[range]
      columns.access += source.access[range]
      columns.variant += source.variant[range]
    }
    let byName = mergedNameOrder(
      old: old, partial: partial, map: map, partialSortKeys: partialSortKeys, oldSortKey: oldSortKey)
    var nameRank = [Int32](repeating: 0, count: map.count)
    for (rank, doc) in byName.enumerated() { nameRank[doc] = Int32(rank) }
    return SearchIndex(
      count: map.count, termBytes: Column(terms.built.termBytes), termStart: Column(terms.built.termStart),
      postingStart: Column(terms.built.postingStart),
      postingDocs: Column(terms.built.postingDocs), postingFields: Column(terms.built.postingFields),
      deletionHashes: Column(terms.built.deletionHashes),
      deletionTerms: Column(terms.built.deletionTerms), geo: geo.columns, departementCodes: departementCodes,
      structureDepartements: Column(structureDepartements),
      structureDepartementStart: Column(structureDepartementStart),
      typeBits: Column(columns.typeBits), themeBits: Column(columns.themeBits), publicBits: Column(columns.publicBits),
      typeBit: typeBits.table, themeBit: themeBits.table, publicBit: publicBits.table, ageMin: Column(columns.ageMin),
      ageMax: Column(columns.ageMax), usable: Column(columns.usable), access: Column(columns.access),
      hoursPattern: Column(columns.hoursPattern), patterns: patterns, variant: Column(columns.variant),
      nameRank: Column(nameRank), docByNameRank: Column(byName))
  }

  /// The rebuilt directory in name order: the old order without the structures that went, with
  /// the partial index's (already in order) inserted by binary search, so that only about
  /// log2(n) old names per changed structure are decoded and folded.
  private static func mergedNameOrder(
    old: SearchIndex, partial: SearchIndex, map: DocumentMap, partialSortKeys: [(String, String)],
    oldSortKey: (Int) -> (String, String)
  ) -> [Int] {
    let kept = old.docByNameRank.filter { map.old[$0] >= 0 }
    var result: [Int] = []
    result.reserveCapacity(map.count)
    var low = 0
    for doc in partial.docByNameRank {
      let key = partialSortKeys[doc]
      var high = kept.count
      var first = low
      while first < high {
        let middle = (first + high) / 2
        if oldSortKey(kept[middle]) < key { first = middle + 1 } else { high = middle }
      }
      for position in low..<first { result.append(Int(map.old[kept[position]])) }
      low = first
      result.append(Int(map.partial[doc]))
    }
    for position in low..<kept.count { result.append(Int(map.old[kept[position]])) }
    return result
  }

  private struct Columns {
    var typeBits: [UInt64] = []
    var themeBits: [UInt64] = []
    var publicBits: [UInt64] = []
    var ageMin: [Int16] = []
    var ageMax: [Int16] = []
    var usable: [Bool] = []
    var access: [UInt8] = []
    var hoursPattern: [Int32] = []
    var variant: [UInt8] = []

    mutating func reserve(_ count: Int) {
      typeBits.reserveCapacity(count)
      themeBits.reserveCapacity(count)
      publicBits.reserveCapacity(count)
      ageMin.reserveCapacity(count)
      ageMax.reserveCapacity(count)
      usable.reserveCapacity(count)
      access.reserveCapacity(count)
      hoursPattern.reserveCapacity(count)
      variant.reserveCapacity(count)
    }
  }
}

/// The older bit table extended with the partial index's new ids, and how a partial mask reads
/// in it. Nil when either table reached the shared overflow bit (63), whose meaning a merge
/// cannot keep.
private struct BitRemap {
  var table: [String: Int]
  private var target: [Int]

  init?(_ old: [String: Int], _ partial: [String: Int]) {
    guard old.count < 63, partial.count < 63 else { return nil }
    table = old
    target = [Int](repeating: 0, count: 64)
    for (id, bit) in partial.sorted(by: { $0.value < $1.value }) {
      if let known = table[id] {
        target[bit] = known
      } else {
        guard table.count < 63 else { return nil }
        table[id] = table.count
        target[bit] = table.count - 1
      }
    }
  }

  func apply(_ mask: UInt64) -> UInt64 {
    var result: UInt64 = 0
    var rest = mask
    while rest != 0 {
      let bit = rest.trailingZeroBitCount
      result |= 1 << UInt64(target[bit])
      rest &= rest - 1
    }
    return result
  }
}

/// The inverted index and the one-deletion neighbourhood of the rebuilt directory: both sorted
/// term lists walked once, postings renumbered and merged, terms left without postings dropped.
private struct TermMerge {
  /// The same arrays a fresh build produces, so the splice and the build fill one shape.
  var built = TermIndexBuilder.Built()

  init(old: SearchIndex, partial: SearchIndex, map: DocumentMap) {
    let oldTerms = old.termStart.count - 1
    let partialTerms = partial.termStart.count - 1
    var oldTermMap = [Int32](repeating: -1, count: oldTerms)
    var partialTermMap = [Int32](repeating: -1, count: partialTerms)
    var partialIsNew = [Bool](repeating: true, count: partialTerms)
    built.termBytes.reserveCapacity(old.termBytes.count + partial.termBytes.count)
    built.postingDocs.reserveCapacity(old.postingDocs.count + partial.postingDocs.count)
    built.postingFields.reserveCapacity(built.postingDocs.capacity)
    var (o, p) = (0, 0)
    while o < oldTerms || p < partialTerms {
      let order: Int
      if o == oldTerms {
        order = 1
      } else if p == partialTerms {
        order = -1
      } else {
        order = Self.compare(old, o, partial, p)
      }
      let fromOld = order <= 0 ? o : -1
      let fromPartial = order >= 0 ? p : -1
      let before = built.postingDocs.count
      appendPostings(old: old, term: fromOld, partial: partial, partialTerm: fromPartial, map: map)
      if built.postingDocs.count > before {
        let id = Int32(built.termStart.count - 1)
        let source = fromOld >= 0 ? old : partial
        let term = fromOld >= 0 ? fromOld : fromPartial
        built.termBytes += source.termBytes[Int(source.termStart[term])..<Int(source.termStart[term + 1])]
        built.termStart.append(Int32(built.termBytes.count))
        built.postingStart.append(Int32(built.postingDocs.count))
        if fromOld >= 0 { oldTermMap[fromOld] = id }
        if fromPartial >= 0 { partialTermMap[fromPartial] = id }
      }
      if fromOld >= 0, fromPartial >= 0 { partialIsNew[fromPartial] = false }
      if fromOld >= 0 { o += 1 }
      if fromPartial >= 0 { p += 1 }
    }
    // Deletion entries: the old ones of terms still there, and the partial ones of new terms,
    // merged by hash (each list is sorted by hash already).
    built.deletionHashes.reserveCapacity(old.deletionHashes.count + partial.deletionHashes.count)
    built.deletionTerms.reserveCapacity(built.deletionHashes.capacity)
    var (i, j) = (0, 0)
    func takeOld() {
      let term = oldTermMap[Int(old.deletionTerms[i])]
      if term >= 0 {
        built.deletionHashes.append(old.deletionHashes[i])
        built.deletionTerms.append(term)
      }
      i += 1
    }
    func takePartial() {
      let source = Int(partial.deletionTerms[j])
      let term = partialTermMap[source]
      if term >= 0, partialIsNew[source] {
        built.deletionHashes.append(partial.deletionHashes[j])
        built.deletionTerms.append(term)
      }
      j += 1
    }
    while i < old.deletionHashes.count, j < partial.deletionHashes.count {
      if old.deletionHashes[i] <= partial.deletionHashes[j] { takeOld() } else { takePartial() }
    }
    while i < old.deletionHashes.count { takeOld() }
    while j < partial.deletionHashes.count { takePartial() }
  }

  /// The renumbered postings of one term from both sides, in document order (both are sorted,
  /// and renumbering keeps each side's order).
  private mutating func appendPostings(
    old: SearchIndex, term: Int, partial: SearchIndex, partialTerm: Int, map: DocumentMap
  ) {
    var i = term >= 0 ? Int(old.postingStart[term]) : 0
    let iEnd = term >= 0 ? Int(old.postingStart[term + 1]) : 0
    var j = partialTerm >= 0 ? Int(partial.postingStart[partialTerm]) : 0
    let jEnd = partialTerm >= 0 ? Int(partial.postingStart[partialTerm + 1]) : 0
    // Skip old postings of structures that went away.
    func nextOld() -> Int32 {
      while i < iEnd {
        let doc = map.old[Int(old.postingDocs[i])]
        if doc >= 0 { return doc }
        i += 1
      }
      return -1
    }
    var oldDoc = nextOld()
    while oldDoc >= 0 || j < jEnd {
      let partialDoc = j < jEnd ? map.partial[Int(partial.postingDocs[j])] : -1
      if oldDoc >= 0, partialDoc < 0 || oldDoc < partialDoc {
        built.postingDocs.append(UInt32(oldDoc))
        built.postingFields.append(old.postingFields[i])
        i += 1
        oldDoc = nextOld()
      } else {
        built.postingDocs.append(UInt32(partialDoc))
        built.postingFields.append(partial.postingFields[j])
        j += 1
      }
    }
  }

  /// Byte order of old term `o` and partial term `p` (-1, 0, 1).
  private static func compare(_ old: SearchIndex, _ o: Int, _ partial: SearchIndex, _ p: Int) -> Int {
    var a = Int(old.termStart[o])
    let aEnd = Int(old.termStart[o + 1])
    var b = Int(partial.termStart[p])
    let bEnd = Int(partial.termStart[p + 1])
    while a < aEnd, b < bEnd {
      let (x, y) = (old.termBytes[a], partial.termBytes[b])
      if x != y { return x < y ? -1 : 1 }
      a += 1
      b += 1
    }
    return a == aEnd ? (b == bEnd ? 0 : -1) : 1
  }
}
