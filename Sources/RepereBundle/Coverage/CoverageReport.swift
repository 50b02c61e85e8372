import Foundation
import RepereBase
import RepereLookup
import RepereRules

/// Where a contact query finds an answer for a département.
public enum CoverageTier: String, Sendable, Codable, CaseIterable, Comparable {
  /// A structure in the département (or one of its communes).
  case local
  /// Only in a neighbouring département.
  case voisin
  /// Only elsewhere in the region.
  case region
  /// Only a national structure.
  case national
  /// Nothing at all.
  case aucune

  public static func < (lhs: CoverageTier, rhs: CoverageTier) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }

  /// French label for reports.
  public var label: String {
    switch self {
    case .local: return "local"
    case .voisin: return "voisin"
    case .region: return "région"
    case .national: return "national"
    case .aucune: return "aucune"
    }
  }
}

/// One contact query the protocols can make, with the most serious level that makes it.
public struct CoverageQuery: Sendable, Hashable {
  public var query: ContactQuery
  public var level: String
  /// Protocol ids and disposition codes that make it (`protocole/CODE`).
  public var usedBy: [String]
  /// « crip », « parquet + mineurs »: the kinds, themes and publics asked for.
  public var label: String
}

/// For every département, where each contact query finds its answer (spec: `repere coverage`).
public struct CoverageReport: Sendable {
  /// Levels whose queries must find something local: a gap there is serious.
  public static let seriousLevels: Set<String> = Set(
    [DefaultLevel.urgence, .signalement, .informationPreoccupante].map(\.rawValue))

  public struct Row: Sendable {
    public var code: String
    public var name: String
    /// One tier per query, in `queries` order.
    public var tiers: [CoverageTier]
    /// Serious-level queries with no local answer.
    public var seriousGaps: Int
    /// All queries with no local answer.
    public var gaps: Int
  }

  public var queries: [CoverageQuery]
  /// Départements, most serious gaps first.
  public var rows: [Row]

  /// Builds the report. `protocolID` keeps the queries of one protocol (and its overlays); `level`
  /// keeps the queries made at that level or a more serious one in the protocol's scale.
  public static func build(
    library: ProtocolLibrary, resolver: any ContactResolving, reference: ReferenceData, now: Date,
    protocolID: String? = nil, level: String? = nil
  ) -> CoverageReport {
    let queries = collectQueries(library: library, protocolID: protocolID, level: level)
    var rows: [Row] = []
    for departement in reference.departements {
      let place = PlaceValue(communeCode: nil, departement: departement.code, label: departement.nom)
      var tiers: [CoverageTier] = []
      for item in queries {
        var query = item.query
        query.within = .national
        query.open = .any
        query.limit = 1
        let best = resolver.resolve(query, place: place, age: nil, now: now).map(\.tier).min()
        tiers.append(tier(best))
      }
      let gaps = tiers.filter { $0 != .local }.count
      let seriousGaps = zip(queries, tiers).filter { seriousLevels.contains($0.0.level) && $0.1 != .local }.count
      rows.append(
        Row(code: departement.code, name: departement.nom, tiers: tiers, seriousGaps: seriousGaps, gaps: gaps))
    }
    rows.sort { ($1.seriousGaps, $1.gaps, $0.code) < ($0.seriousGaps, $0.gaps, $1.code) }
    return CoverageReport(queries: queries, rows: rows)
  }

  private static func tier(_ proximity: ProximityTier?) -> CoverageTier {
    switch proximity {
    case .commune?, .departement?: return .local
    case .voisin?: return .voisin
    case .region?: return .region
    case .national?: return .national
    case nil: return .aucune
    }
  }

  /// The distinct queries (same kinds, themes, publics and id), keeping the most serious level.
  static func collectQueries(library: ProtocolLibrary, protocolID: String?, level: String?) -> [CoverageQuery] {
    var byKey: [String: CoverageQuery] = [:]
    var order: [String] = []
    let scale = ProtocolDefinition.defaultLevels
    let maximumRank = level.flatMap { scale.firstIndex(of: $0) } ?? scale.count
    for definition in library.loaded.sorted(by: { $0.id < $1.id }) {
      if let protocolID, definition.id != protocolID, library.root(of: definition.id) != protocolID { continue }
      for code in definition.dispositions.keys.sorted() {
        guard let disposition = definition.dispositions[code] else { continue }
        let rank = definition.rank(ofLevel: disposition.level) ?? scale.count
        if level != nil, rank > maximumRank { continue }
        for query in disposition.contacts {
          let key = [
            query.id ?? "", query.kinds.joined(separator: ","), query.themes.joined(separator: ","),
            query.publics.joined(separator: ","),
          ].joined(separator: "|")
          let user = "\(definition.id)/\(code)"
          if var existing = byKey[key] {
            if !existing.usedBy.contains(user) { existing.usedBy.append(user) }
            let existingRank = definition.rank(ofLevel: existing.level) ?? scale.count
            if rank < existingRank { existing.level = disposition.level }
            byKey[key] = existing
          } else {
            order.append(key)
            byKey[key] = CoverageQuery(query: query, level: disposition.level, usedBy: [user], label: label(of: query))
          }
        }
      }
    }
    return order.compactMap { byKey[$0] }
  }

  static func label(of query: ContactQuery) -> String {
    if let id = query.id { return id }
    let parts = [query.kinds, query.themes, query.publics].map { $0.joined(separator: "|") }.filter { !$0.isEmpty }
    return parts.isEmpty ? "?" : parts.joined(separator: " + ")
  }
}
