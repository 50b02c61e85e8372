/// A place of the case: the commune (when known) and its département.
///
/// Produced by the lookup module from what a person types; used by the rules (variables
/// `commune` and `departement`, overlay switching) and by contact resolution.
public struct PlaceValue: Hashable, Sendable, Codable {
  /// INSEE code of the commune, or nil when only a département was given.
  public var communeCode: String?
  /// Département code ("93", "2A", "971").
  public var departement: String
  /// What to show: « Saint-Denis (93) », « Seine-Saint-Denis (93) ».
  public var label: String

  public init(communeCode: String?, departement: String, label: String) {
    self.communeCode = communeCode
    self.departement = departement
    self.label = label
  }
}

/// Turns typed text into a place. Implemented by the lookup module over the reference data.
public protocol PlaceResolving: Sendable {
  /// Every candidate for `text`, best first; empty when nothing matches.
  func candidates(for text: String) -> [PlaceValue]
  /// When nothing matches: the places `text` is likely a mistyping of (« Sarcele » →
  /// Sarcelles (95)), best first, to offer as « vouliez-vous dire », never to pick silently.
  func suggestions(for text: String) -> [PlaceValue]
}

extension PlaceResolving {
  public func suggestions(for text: String) -> [PlaceValue] { [] }
}
