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

/// Why a typed place gave no single place, in one wording for `walk`, scenarios and `find`.
public enum PlaceAnswerProblem: Error, Hashable, Sendable {
  /// Nothing matched; `suggestions` are likely mistypings (« Sarcele » → Sarcelles (95)).
  case notFound(typed: String, suggestions: [PlaceValue])
  /// The matches lie in several départements (the spec: an error listing the candidates).
  case severalDepartements(typed: String, candidates: [PlaceValue])

  /// The French sentence a person reads.
  public var message: String {
    switch self {
    case .notFound(let typed, let suggestions):
      let text = "aucune commune, code postal ou département ne correspond à « \(typed) »"
      guard !suggestions.isEmpty else { return text }
      // The closest three: a line, not a list (the interface's window offers them all).
      return text + " ; vouliez-vous dire : \(suggestions.prefix(3).map(\.label).joined(separator: ", ")) ?"
    case .severalDepartements(let typed, let candidates):
      let listed = candidates.prefix(8).map(\.label).joined(separator: ", ")
      return "« \(typed) » désigne des lieux de plusieurs départements : \(listed) — préciser (code postal, « Nom 93 »)"
    }
  }
}
