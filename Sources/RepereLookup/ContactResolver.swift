import Foundation
import RepereBase

/// Turns a disposition's contact queries into structures near the case's place, widening from the
/// commune and département to neighbouring départements, the region, then national structures,
/// and saying for each result why it was chosen.
///
/// Widening stops at the first level that has a match: a CRIP found in the case's département
/// means the neighbours' CRIPs are not listed (they are not competent). National structures
/// (zone `france`) are competent everywhere, so they complete a short local list up to `limit`
/// when `within` allows it. Without a place, only national structures are proposed: a local
/// structure of an arbitrary département would be wrong. It never goes past `within`.
public struct ContactResolver: ContactResolving {
  public let directory: Directory

  public init(directory: Directory) {
    self.directory = directory
  }

  public func resolve(_ query: ContactQuery, place: PlaceValue?, age: Double?, now: Date) -> [ContactMatch] {
    let index = directory.index
    var context = index.makeContext(place: place, reference: directory.reference, now: now)
    if let id = query.id {
      // A duplicated id names no structure (issue 18, point 1).
      guard let doc = directory.servedPosition(id: id) else { return [] }
      let structure = directory.structures[doc]
      if structure.isExample, index.proximity(of: doc, context: context) > 1 || place == nil { return [] }
      var cache: [UInt8] = []
      let open = index.openCode(of: doc, context: &context, cache: &cache)
      let proximity = index.proximity(of: doc, context: context)
      return [
        match(
          doc: doc, proximity: proximity, open: open, context: context,
          reason: "désignée par le protocole"
            + (place == nil ? "" : " — " + levelPhrase(proximity, doc, context, widened: false)))
      ]
    }
    var filters = SearchFilters(types: query.kinds, themes: query.themes, publics: query.publics)
    if query.ageVariable != nil, let age { filters.age = age }
    filters.openNow = query.open == .now
    let candidates = Array(0..<index.count)
    // Rank everything that passes the filters, best level first (open ones first when wanted).
    let ranked = index.select(
      candidates, kindOf: [], fieldOf: [], filters: filters, context: &context, limit: index.count)
    let maximumLevel = Self.maximumProximity(query.within, hasPlace: place != nil)
    let eligible = ranked.filter {
      $0.proximity <= maximumLevel && (place != nil || directory.structures[$0.doc].isNational)
    }
    // A fictional record (« exemple fictif ») is never proposed outside its own département and
    // never ranked above a real structure: it only follows the real list, tagged as an example.
    let levels = eligible.filter { !directory.structures[$0.doc].isExample }
    let examples = eligible.filter { directory.structures[$0.doc].isExample && $0.proximity <= 1 }
    let limit = max(0, query.limit)
    let exampleMatches = examples.prefix(limit).map { item in
      match(
        doc: item.doc, proximity: item.proximity, open: item.open, context: context,
        reason: levelPhrase(item.proximity, item.doc, context) + " — " + Self.exampleNote)
    }
    guard let firstLevel = levels.map({ level(of: $0.proximity) }).min() else { return exampleMatches }
    var chosen = levels.filter { level(of: $0.proximity) == firstLevel }
    if query.open == .any {
      chosen.sort {
        ($0.proximity, $0.distanceKm ?? .infinity, $0.doc) < ($1.proximity, $1.distanceKm ?? .infinity, $1.doc)
      }
    }
    var matches = chosen.prefix(limit).map { item in
      match(
        doc: item.doc, proximity: item.proximity, open: item.open, context: context,
        reason: levelPhrase(item.proximity, item.doc, context))
    }
    let nationalLevel = 4
    if matches.count < limit, firstLevel < nationalLevel, maximumLevel >= nationalLevel {
      let chosenDocs = Set(chosen.map(\.doc))
      let national = levels.filter {
        !chosenDocs.contains($0.doc) && directory.structures[$0.doc].isNational
      }
      matches += national.prefix(limit - matches.count).map { item in
        match(
          doc: item.doc, proximity: item.proximity, open: item.open, context: context,
          reason: Self.nationalComplement)
      }
    }
    return matches + exampleMatches
  }

  /// Said of every fictional record proposed, after its place.
  static let exampleNote = "données d'exemple (fiche fictive, à ne pas appeler)"

  /// Why a national structure follows local ones.
  static let nationalComplement = "national : compétent partout, en complément des structures proches"

  /// Commune and département form one level: both are local.
  private func level(of proximity: Int) -> Int { proximity <= 1 ? 1 : proximity }

  static func maximumProximity(_ within: Widening, hasPlace: Bool) -> Int {
    guard hasPlace else { return 4 }
    switch within {
    case .departement: return 1
    case .voisins: return 2
    case .region: return 3
    case .national: return 4
    }
  }

  private func match(doc: Int, proximity: Int, open: Int, context: SearchIndex.Context, reason: String)
    -> ContactMatch
  {
    let structure = directory.structures[doc]
    return ContactMatch(
      structureID: structure.id, name: structure.nom,
      tier: Directory.tier(proximity, isNational: structure.isNational, hasPlace: context.place != nil), reason: reason,
      distanceKm: context.place?.distanceKm(to: directory.index.geo.point(doc)),
      openNow: open == 0 ? true : (open == 2 ? false : nil))
  }

  /// « département voisin (95) : aucune fiche de ce type dans l'annuaire pour le 93 »: an empty
  /// directory is not an empty territory, so the phrase names the directory.
  private func levelPhrase(_ proximity: Int, _ doc: Int, _ context: SearchIndex.Context, widened: Bool = true)
    -> String
  {
    guard let place = context.place else {
      return directory.structures[doc].isNational ? "national (lieu non précisé)" : "lieu non précisé"
    }
    let here = place.departement
    let geography = directory.index.geography(doc)
    let neighbour = place.neighbour(in: geography) ?? geography.mainDepartement ?? "?"
    switch (proximity, widened) {
    case (0, _): return "dans la commune (\(place.place.label))"
    case (1, _): return "dans le département (\(here))"
    case (2, false): return "département voisin (\(neighbour))"
    case (3, false): return "même région (\(place.regionName ?? "?"))"
    case (4, false): return "national"
    case (2, true):
      return "département voisin (\(neighbour)) : aucune fiche de ce type dans l'annuaire pour le \(here)"
    case (3, true):
      return "même région (\(place.regionName ?? "?")) : aucune fiche de ce type dans l'annuaire pour le "
        + "\(here) ni les départements voisins"
    case (4, true): return "national : aucune fiche de ce type dans l'annuaire pour le \(here) ni alentour"
    default: return "autre département (\(geography.mainDepartement ?? "?"))"
    }
  }
}
