import Foundation
import RepereBase

/// All structures of the bundle with their indexes: search as you type, contact resolution and
/// the directory's checks.
public struct Directory: Sendable {
  /// Every structure, in file order (decoded on access when read from the binary cache).
  public let structures: StructureList
  public let reference: ReferenceData
  public let vocabulary: Vocabulary
  private let indexBox: Lazy<SearchIndex>
  private let idIndex: IDIndex
  private let duplicatesBox: Lazy<Set<String>>

  /// The search index, built on first use (search, contacts or check) so that opening the app
  /// does not wait for it.
  var index: SearchIndex { indexBox.value }

  public init(structures: [Structure], reference: ReferenceData, vocabulary: Vocabulary) {
    self.structures = StructureList(structures)
    self.reference = reference
    self.vocabulary = vocabulary
    indexBox = Lazy { SearchIndex(structures: structures, reference: reference, vocabulary: vocabulary) }
    let ids = IDIndex(self.structures)
    idIndex = ids
    let list = self.structures
    duplicatesBox = Lazy { ids.duplicatedIDs(in: list) }
  }

  /// A directory read back from the binary cache.
  init(structures: StructureList, reference: ReferenceData, vocabulary: Vocabulary, index: SearchIndex, ids: IDIndex) {
    self.structures = structures
    self.reference = reference
    self.vocabulary = vocabulary
    indexBox = Lazy(value: index)
    idIndex = ids
    duplicatesBox = Lazy { ids.duplicatedIDs(in: structures) }
  }

  /// The id lookup (stored in the binary cache).
  var ids: IDIndex { idIndex }

  /// Builds the search index now (e.g. in the background after the first frame).
  public func prepare() { _ = indexBox.value }

  /// The position of the structure with this id in `structures`.
  func position(id: String) -> Int? { idIndex.position(of: id, in: structures) }

  /// Ids that more than one record uses. Such an id names no structure: which record is the
  /// genuine one cannot be known (a file sorted first could otherwise replace the 119 with a
  /// fake number), so neither is served by id until the bundle is fixed.
  public var duplicatedIDs: Set<String> { duplicatesBox.value }

  /// The position of the only structure with this id; nil when the id is unknown or duplicated.
  func servedPosition(id: String) -> Int? {
    guard let position = position(id: id), !duplicatedIDs.contains(id) else { return nil }
    return position
  }

  /// Every structure id, read without decoding the records (a cached directory keeps them packed).
  public var structureIDs: Set<String> {
    Set((0..<structures.count).map { structures.id(at: $0) })
  }

  /// The structure with this id; nil when no record, or more than one, uses it.
  public func structure(id: String) -> Structure? {
    servedPosition(id: id).map { structures[$0] }
  }

  /// One error per record that reuses an earlier record's id, naming where the first one is and
  /// saying that neither is served: a load finding, so every command (not only `check`) sees it.
  public func duplicateIDFindings() -> [Finding] {
    let duplicated = duplicatedIDs
    guard !duplicated.isEmpty else { return [] }
    var first: [String: SourceLocation] = [:]
    var findings: [Finding] = []
    for position in structures.indices {
      let id = structures.id(at: position)
      guard duplicated.contains(id) else { continue }
      let structure = structures[position]
      let location = structure.location(of: "id")
      if let earlier = first[id] {
        findings.append(
          Finding(
            code: "duplicate-id", location: location,
            message:
              "l'identifiant « \(id) » est déjà pris par la fiche en \(earlier) ; aucune des deux fiches n'est proposée comme contact",
            hint: "un identifiant est unique dans tout le dossier de données : renommez ou retirez l'une des deux",
            related: [earlier]))
      } else {
        first[id] = location
      }
    }
    return findings
  }

  /// Search as you type: accent- and case-insensitive, prefix and typo-tolerant (one edit on words
  /// of five letters or more), over names, types, themes, communes and descriptions. Ranked exact >
  /// prefix > fuzzy, then local > neighbouring > national (when `place` is given), then open now
  /// first, then name. An empty query lists what the filters keep.
  public func search(
    _ query: String, filters: SearchFilters = SearchFilters(), place: PlaceValue? = nil, now: Date,
    limit: Int = 50
  ) -> [SearchHit] {
    let words = SearchIndex.queryWords(query)
    var context = index.makeContext(place: place, reference: reference, now: now)
    let ranked = index.run(words: words, filters: filters, context: &context, limit: limit)
    let count = ranked.count
    return ranked.enumerated().map { position, item in
      let structure = structures[item.doc]
      return SearchHit(
        structure: structure, score: Double(count - position), matchKind: item.kind,
        tier: Self.tier(item.proximity, isNational: structure.isNational, hasPlace: place != nil),
        openNow: item.open == 0 ? true : (item.open == 2 ? false : nil),
        reason: reason(for: item, context: context), distanceKm: item.distanceKm)
    }
  }

  static func tier(_ proximity: Int, isNational: Bool, hasPlace: Bool) -> ProximityTier {
    guard hasPlace else { return isNational ? .national : .departement }
    return ProximityTier(rawValue: min(proximity, 4)) ?? .national
  }

  private func departementLabel(_ code: String) -> String {
    reference.departement(code: code).map { "\($0.nom) (\(code))" } ?? code
  }

  private func reason(for item: SearchIndex.Ranked, context: SearchIndex.Context) -> String {
    let geography = index.geography(item.doc)
    let main = geography.mainDepartement
    guard let place = context.place else {
      if geography.isNational { return "national" }
      return main.map(departementLabel) ?? "zone non précisée"
    }
    switch item.proximity {
    case 0: return "dans la commune (\(place.place.label))"
    case 1: return "dans le département (\(place.departement))"
    case 2: return "département voisin (\(place.neighbour(in: geography) ?? main ?? "?"))"
    case 3: return "même région (\(place.regionName ?? "?"))"
    case 4: return "national"
    default: return "autre département (\(main ?? "?"))"
    }
  }

  /// The time zone whose wall clock applies to a structure (its département's).
  public func timeZone(of structure: Structure) -> TimeZone {
    guard let position = position(id: structure.id), let main = index.mainDepartement(position) else {
      return Departement.timeZone(forCode: "75")
    }
    return Departement.timeZone(forCode: main)
  }

  /// Holidays that apply to a structure (Alsace-Moselle and overseas ones included).
  public func holidays(of structure: Structure) -> HolidayCalendar {
    guard let position = position(id: structure.id), let main = index.mainDepartement(position) else {
      return .france
    }
    return HolidayCalendar.forDepartement(main)
  }

  /// The structure's opening state at `now`, in its own zone; `.unknown` when it has no hours.
  public func openState(of structure: Structure, at now: Date) -> OpenState {
    guard let hours = structure.horaires else { return .unknown(comment: nil) }
    return hours.state(at: now, timeZone: timeZone(of: structure), holidays: holidays(of: structure))
  }

  /// The département a structure is attached to (address, else its zone), or nil (national).
  public func departement(of structure: Structure) -> String? {
    position(id: structure.id).flatMap { index.mainDepartement($0) }
  }
}

/// Structure ids by hash, sorted: a lookup without a dictionary of 100,000 strings.
struct IDIndex: Sendable {
  let hashes: [UInt64]
  let positions: [Int32]

  init(hashes: [UInt64], positions: [Int32]) {
    self.hashes = hashes
    self.positions = positions
  }

  init(_ structures: StructureList) {
    var pairs: [(UInt64, Int32)] = []
    pairs.reserveCapacity(structures.count)
    for position in structures.indices {
      pairs.append((FNV.hash(Array(structures.id(at: position).utf8)[...]), Int32(position)))
    }
    pairs.sort { $0 < $1 }
    hashes = pairs.map(\.0)
    positions = pairs.map(\.1)
  }

  /// Ids used by more than one structure: equal hashes sit side by side, so one pass finds them
  /// (ids are compared only where hashes collide).
  func duplicatedIDs(in structures: StructureList) -> Set<String> {
    var result: Set<String> = []
    var start = 0
    while start < hashes.count {
      var end = start + 1
      while end < hashes.count, hashes[end] == hashes[start] { end += 1 }
      if end - start > 1 {
        var seen: Set<String> = []
        for slot in start..<end {
          let position = Int(positions[slot])
          guard structures.indices.contains(position) else { continue }
          let id = structures.id(at: position)
          if !seen.insert(id).inserted { result.insert(id) }
        }
      }
      start = end
    }
    return result
  }

  /// The first structure with this id.
  func position(of id: String, in structures: StructureList) -> Int? {
    let hash = FNV.hash(Array(id.utf8)[...])
    var low = 0
    var high = hashes.count
    while low < high {
      let middle = (low + high) / 2
      if hashes[middle] < hash { low = middle + 1 } else { high = middle }
    }
    while low < hashes.count, hashes[low] == hash {
      let position = Int(positions[low])
      if structures.id(at: position) == id { return position }
      low += 1
    }
    return nil
  }
}
