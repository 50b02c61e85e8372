import Foundation

/// How far a contact query may widen from the case's place.
public enum Widening: String, Sendable, Codable, CaseIterable {
  case departement, voisins, region, national
}

/// Whether a query wants structures open at the case's time.
public enum OpenPreference: String, Sendable, Codable, CaseIterable {
  /// Only structures open now.
  case now
  /// Open ones ranked first (the default).
  case prefer
  /// Ignore opening hours.
  case any
}

/// A disposition's request for contacts (spec: "A contact query takes …"). Parsed by the rules
/// module, answered by the lookup module.
public struct ContactQuery: Hashable, Sendable {
  public var id: String?
  public var kinds: [String]
  public var themes: [String]
  public var publics: [String]
  /// Name of the variable holding the age to match against structures' age ranges.
  public var ageVariable: String?
  public var open: OpenPreference
  public var limit: Int
  public var within: Widening
  public var location: SourceLocation?

  public init(
    id: String? = nil, kinds: [String] = [], themes: [String] = [], publics: [String] = [],
    ageVariable: String? = nil, open: OpenPreference = .prefer, limit: Int = 3,
    within: Widening = .national, location: SourceLocation? = nil
  ) {
    self.id = id
    self.kinds = kinds
    self.themes = themes
    self.publics = publics
    self.ageVariable = ageVariable
    self.open = open
    self.limit = limit
    self.within = within
    self.location = location
  }

  /// The query as people read it, for « aucun … trouvé » lines: its kinds, else its themes, by
  /// their labels (`kindLabel` and `themeLabel` give the vocabulary's), else its structure id.
  public func label(kindLabel: (String) -> String, themeLabel: (String) -> String) -> String {
    if !kinds.isEmpty { return kinds.map(kindLabel).joined(separator: " / ") }
    if !themes.isEmpty { return themes.map(themeLabel).joined(separator: " / ") }
    return id ?? "?"
  }
}

/// How close a matched structure is to the case's place.
public enum ProximityTier: Int, Sendable, Codable, Comparable {
  case commune = 0
  case departement, voisin, region, national

  public static func < (lhs: ProximityTier, rhs: ProximityTier) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The tier as every JSON output writes it (docs/json.md): `commune`, `departement`, `voisin`,
  /// `region`, `national`.
  public var name: String {
    switch self {
    case .commune: return "commune"
    case .departement: return "departement"
    case .voisin: return "voisin"
    case .region: return "region"
    case .national: return "national"
    }
  }
}

/// One structure chosen for a contact query, with why it was chosen.
public struct ContactMatch: Hashable, Sendable {
  public var structureID: String
  public var name: String
  public var tier: ProximityTier
  /// « département voisin (95) : aucune fiche de ce type dans l'annuaire pour le 93 ».
  public var reason: String
  public var distanceKm: Double?
  /// Open at the case's time: true, false, or nil when the hours do not say.
  public var openNow: Bool?

  public init(
    structureID: String, name: String, tier: ProximityTier, reason: String, distanceKm: Double? = nil,
    openNow: Bool? = nil
  ) {
    self.structureID = structureID
    self.name = name
    self.tier = tier
    self.reason = reason
    self.distanceKm = distanceKm
    self.openNow = openNow
  }
}

/// Answers contact queries at a place and time. Implemented by the lookup module.
public protocol ContactResolving: Sendable {
  func resolve(_ query: ContactQuery, place: PlaceValue?, age: Double?, now: Date) -> [ContactMatch]
}

/// One contact query of a disposition and the structures it found (before duplicates with
/// the disposition's other queries are removed).
public struct QueryContacts: Hashable, Sendable {
  public var query: ContactQuery
  public var matches: [ContactMatch]

  public init(query: ContactQuery, matches: [ContactMatch]) {
    self.query = query
    self.matches = matches
  }
}

extension ContactResolving {
  /// The one contact resolution of a disposition, for the interface, `walk`, scenarios and
  /// training alike: each query resolved at the case's place and time with the number its
  /// `age_variable` holds (`number(variable)`, which counts only answers on the walk's path).
  public func resolve(
    _ queries: [ContactQuery], place: PlaceValue?, now: Date, number: (String) -> Double?
  ) -> [QueryContacts] {
    queries.map { query in
      let age = query.ageVariable.flatMap(number)
      return QueryContacts(query: query, matches: resolve(query, place: place, age: age, now: now))
    }
  }
}

extension [QueryContacts] {
  /// Every structure found, once, in query order.
  public var distinctMatches: [ContactMatch] {
    var seen = Set<String>()
    return flatMap(\.matches).filter { seen.insert($0.structureID).inserted }
  }
}
