/// Accumulates the postings of every folded word, then lays them out in flat sorted arrays.
///
/// Built for 100,000 structures and more (issue 16): words arrive as byte views (no array per
/// word), the term dictionary is one open-addressing table over a byte arena (no `[UInt8]` key
/// per term, no SipHash), and postings are appended to three flat arrays in document order, then
/// grouped by term with one counting sort. Documents must be added in increasing order.
struct TermIndexBuilder {
  // The dictionary: term t is arena[termStart[t]..<termStart[t + 1]]; slots hold t + 1 (0 empty).
  private var arena: [UInt8] = []
  private var termStart: [Int32] = [0]
  private var termHash: [UInt64] = []
  private var slots = [Int32](repeating: 0, count: 1 << 12)
  // The last posting of each term, so that a second field of the same document ORs its bit in.
  private var lastDoc: [UInt32] = []
  private var lastPosting: [Int32] = []
  // Postings in the order they arrive (document order).
  private var postingTerm: [Int32] = []
  private var postingDoc: [UInt32] = []
  private var postingBits: [UInt8] = []

  var termCount: Int { termHash.count }

  /// The id of `word`, added to the dictionary when new.
  mutating func termID(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = FNV.hash(word)
    var mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = slots[slot]
      if stored == 0 { break }
      let term = Int(stored) - 1
      if termHash[term] == hash, equals(term, word) { return Int32(term) }
      slot = (slot + 1) & mask
    }
    let id = Int32(termHash.count)
    arena.append(contentsOf: word)
    termStart.append(Int32(arena.count))
    termHash.append(hash)
    lastDoc.append(UInt32.max)
    lastPosting.append(-1)
    slots[slot] = id + 1
    // Kept at most half full: probes stay short.
    if termHash.count * 2 > slots.count {
      slots = [Int32](repeating: 0, count: slots.count * 2)
      mask = slots.count - 1
      for (term, hash) in termHash.enumerated() {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(term + 1)
      }
    }
    return id
  }

  private func equals(_ term: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(termStart[term])
    guard Int(termStart[term + 1]) - start == word.count else { return false }
    for offset in 0..<word.count where arena[start + offset] != word[offset] { return false }
    return true
  }

  /// Records that `doc` holds `term` in the fields of `bits` (a document's postings of one term
  /// are one posting whose field bits are ORed).
  mutating func add(term: Int32, doc: UInt32, bits: UInt8) {
    let term = Int(term)
    if lastDoc[term] == doc {
      postingBits[Int(lastPosting[term])] |= bits
      return
    }
    lastDoc[term] = doc
    lastPosting[term] = Int32(postingTerm.count)
    postingTerm.append(Int32(term))
    postingDoc.append(doc)
    postingBits.append(bits)
  }

  /// Adds every folded word of `text` (as `SearchIndex.indexWords` cuts and normalises them).
  mutating func add(text: String, doc: UInt32, field: SearchIndex.Field) {
    let bits = UInt8(1) << field.rawValue
    SearchIndex.forEachIndexWord(text) { word in add(term: termID(word), doc: doc, bits: bits) }
  }

  /// The term ids of the folded words of `text` (for labels shared by many documents).
  mutating func termIDs(_ text: String) -> [Int32] {
    var ids: [Int32] = []
    SearchIndex.forEachIndexWord(text) { word in ids.append(termID(word)) }
    return ids
  }

  /// The flat arrays the search index keeps (the splice fills the same shape).
  struct Built {
    var termBytes: [UInt8] = []
    var termStart: [Int32] = [0]
    var postingStart: [Int32] = [0]
    var postingDocs: [UInt32] = []
    var postingFields: [UInt8] = []
    var deletionHashes: [UInt64] = []
    var deletionTerms: [Int32] = []
  }

  /// Terms sorted by bytes, postings grouped by term (each term's in document order), and the
  /// one-deletion neighbourhood sorted by hash (ties by term).
  consuming func build() -> Built {
    var built = Built()
    let count = termCount
    let order = arena.withUnsafeBufferPointer { bytes in
      (0..<count).sorted { Self.precedes(bytes, termStart, $0, $1) }
    }
    var rank = [Int32](repeating: 0, count: count)
    for (newID, oldID) in order.enumerated() { rank[oldID] = Int32(newID) }
    // Terms in order, and the deletion neighbourhood of each.
    built.termBytes.reserveCapacity(arena.count)
    built.termStart.reserveCapacity(count + 1)
    var deletions: [(hash: UInt64, term: Int32)] = []
    arena.withUnsafeBufferPointer { bytes in
      for (newID, oldID) in order.enumerated() {
        let term = UnsafeBufferPointer(rebasing: bytes[Int(termStart[oldID])..<Int(termStart[oldID + 1])])
        built.termBytes.append(contentsOf: term)
        built.termStart.append(Int32(built.termBytes.count))
        guard term.count >= 4, term.count <= SearchIndex.maximumTypoWordLength else { continue }
        deletions.append((termHash[oldID], Int32(newID)))
        for skip in 0..<term.count {
          deletions.append((FNV.hash(term, skipping: skip), Int32(newID)))
        }
      }
    }
    arena = []
    slots = []
    // Postings: a counting sort by new term id keeps each term's postings in document order.
    var start = [Int32](repeating: 0, count: count + 1)
    for term in postingTerm { start[Int(rank[Int(term)]) + 1] += 1 }
    for term in 0..<count { start[term + 1] += start[term] }
    built.postingStart = start
    var next = start
    let total = postingTerm.count
    built.postingDocs = [UInt32](repeating: 0, count: total)
    built.postingFields = [UInt8](repeating: 0, count: total)
    built.postingDocs.withUnsafeMutableBufferPointer { docs in
      built.postingFields.withUnsafeMutableBufferPointer { fields in
        for posting in 0..<total {
          let term = Int(rank[Int(postingTerm[posting])])
          let slot = Int(next[term])
          next[term] += 1
          docs[slot] = postingDoc[posting]
          fields[slot] = postingBits[posting]
        }
      }
    }
    deletions.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.term < $1.term }
    built.deletionHashes = deletions.map(\.hash)
    built.deletionTerms = deletions.map(\.term)
    return built
  }

  private static func precedes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: [Int32], _ a: Int, _ b: Int) -> Bool {
    let aStart = Int(start[a])
    let aEnd = Int(start[a + 1])
    let bStart = Int(start[b])
    let bEnd = Int(start[b + 1])
    let length = min(aEnd - aStart, bEnd - bStart)
    for offset in 0..<length {
      let x = bytes[aStart + offset]
      let y = bytes[bStart + offset]
      if x != y { return x < y }
    }
    return aEnd - aStart < bEnd - bStart
  }
}

/// 64-bit FNV-1a, over one or two byte slices (a word with one letter skipped).
enum FNV {
  static func hash(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8> = []) -> UInt64 {
    var hash = offsetBasis
    for byte in first { hash = step(hash, byte) }
    for byte in second { hash = step(hash, byte) }
    return hash
  }

  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = offsetBasis
    for byte in bytes { hash = step(hash, byte) }
    return hash
  }

  /// The hash of `bytes` without the byte at `skip` (the same as hashing the two slices).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, skipping skip: Int) -> UInt64 {
    var hash = offsetBasis
    for offset in 0..<bytes.count where offset != skip { hash = step(hash, bytes[offset]) }
    return hash
  }

  private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always)
  private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }
}
