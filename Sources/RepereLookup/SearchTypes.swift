import RepereBase

/// Filters of a directory search; every filter set must hold.
public struct SearchFilters: Hashable, Sendable {
  /// Keep structures within this distance of the search's place (km); nil: no radius.
  public var radiusKm: Double?
  /// Any of these type ids (empty: any type).
  public var types: [String]
  /// Any of these theme ids.
  public var themes: [String]
  /// Any of these public ids.
  public var publics: [String]
  /// Keep structures whose age range holds this age.
  public var age: Double?
  /// Keep only structures open at the search's time.
  public var openNow: Bool
  /// nil: any access; `.professionnels`: only contacts given to professionals; `.public`: only public ones.
  public var access: Access?
  /// Include inactive and temporarily closed structures (normally left out).
  public var includeInactive: Bool

  public init(
    radiusKm: Double? = nil, types: [String] = [], themes: [String] = [], publics: [String] = [], age: Double? = nil,
    openNow: Bool = false, access: Access? = nil, includeInactive: Bool = false
  ) {
    self.radiusKm = radiusKm
    self.types = types
    self.themes = themes
    self.publics = publics
    self.age = age
    self.openNow = openNow
    self.access = access
    self.includeInactive = includeInactive
  }
}

/// How the query matched a structure (the best of its words' matches).
public enum MatchKind: Int, Hashable, Sendable, Comparable {
  /// Every word matched a whole word (or the query was empty).
  case exact = 0
  /// A word matched the start of a word (search as you type).
  case prefix
  /// A word matched with one typo.
  case fuzzy

  public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One result of a directory search.
public struct SearchHit: Hashable, Sendable {
  public var structure: Structure
  /// Higher is better; only meaningful for ordering within one search.
  public var score: Double
  public var matchKind: MatchKind
  public var tier: ProximityTier
  /// Open at the search's time: true, false, or nil when the hours do not say.
  public var openNow: Bool?
  /// Why it ranks where it does, in French: « Saint-Denis (93) », « département voisin (95) », « national ».
  public var reason: String
  public var distanceKm: Double?

  public init(
    structure: Structure, score: Double, matchKind: MatchKind, tier: ProximityTier, openNow: Bool?, reason: String,
    distanceKm: Double? = nil
  ) {
    self.structure = structure
    self.score = score
    self.matchKind = matchKind
    self.tier = tier
    self.openNow = openNow
    self.reason = reason
    self.distanceKm = distanceKm
  }
}
