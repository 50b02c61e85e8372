import Foundation
import RepereBase

/// One item of the resource centre: a guide, report, fiche réflexe, tool or event.
public struct Resource: Hashable, Sendable, Identifiable {
  /// What kind of resource it is.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    case guide, rapport
    case ficheReflexe = "fiche-reflexe"
    case outil, evenement, formation
    case texteLegal = "texte-legal"
  }

  public var id: String
  public var kind: Kind
  public var titre: String
  public var description: String?
  public var thematiques: [String]
  public var publics: [String]
  public var lien: String?
  public var auteur: String?
  /// Publication date, or an event's first day.
  public var date: CalendarDay?
  /// An event's last day (same as `date` when absent).
  public var dateFin: CalendarDay?
  /// Where an event takes place (« Bobigny », « en ligne »).
  public var lieu: String?
  public var zone: [String]
  public var dateMaj: CalendarDay?
  public var isExample: Bool
  public var location: SourceLocation

  public init(
    id: String, kind: Kind, titre: String, description: String? = nil, thematiques: [String] = [],
    publics: [String] = [], lien: String? = nil, auteur: String? = nil, date: CalendarDay? = nil,
    dateFin: CalendarDay? = nil, lieu: String? = nil, zone: [String] = [], dateMaj: CalendarDay? = nil,
    isExample: Bool = false, location: SourceLocation = SourceLocation(file: "", line: 1, column: 1)
  ) {
    self.id = id
    self.kind = kind
    self.titre = titre
    self.description = description
    self.thematiques = thematiques
    self.publics = publics
    self.lien = lien
    self.auteur = auteur
    self.date = date
    self.dateFin = dateFin
    self.lieu = lieu
    self.zone = zone
    self.dateMaj = dateMaj
    self.isExample = isExample
    self.location = location
  }

  /// An event whose last day is `today` or later.
  public func isUpcomingEvent(today: CalendarDay) -> Bool {
    guard kind == .evenement, let start = date else { return false }
    return (dateFin ?? start) >= today
  }
}

/// One search result of the resource centre.
public struct ResourceHit: Hashable, Sendable {
  public var resource: Resource
  public var matchKind: MatchKind
  public var isUpcomingEvent: Bool
}

/// The resource centre (`format: repere/resources@1`): guides, reports, fiches réflexes, tools
/// and events, searchable like the directory, upcoming events first. Format: docs/formats-extensions.md.
public struct ResourceCentre: Sendable {
  public var resources: [Resource]
  private let words: [[[UInt8]]]

  public init(resources: [Resource]) {
    self.resources = resources
    words = resources.map { resource in
      ([resource.titre, resource.description ?? "", resource.auteur ?? "", resource.lieu ?? "", resource.kind.rawValue]
        + resource.thematiques + resource.publics).flatMap(SearchIndex.indexWords)
    }
  }

  public static let format = DataFileKind.resources.format

  static let fields = [
    "id", "type", "titre", "description", "thematiques", "publics", "lien", "auteur", "date", "date_fin", "lieu",
    "zone", "date_maj",
  ]

  /// Reads a parsed resources file.
  public static func load(_ node: YAMLNode, diagnostics: inout Diagnostics) -> [Resource] {
    guard let mapping = node.mapping else {
      diagnostics.error("wrong-type", at: node.location, "un fichier de ressources doit être un bloc de clés")
      return []
    }
    mapping.checkKeys(
      allowed: ["format", "source", "updated", "resources"], required: ["format", "resources"],
      context: "le centre de ressources", into: &diagnostics)
    let isExample = DirectoryFile.isExampleSource(mapping["source"]?.scalar)
    guard let list = mapping["resources"], !list.isNull else { return [] }
    guard let items = list.sequence else {
      diagnostics.error(
        "wrong-type", at: list.location, "`resources` doit être une liste, pas \(list.shapeDescription)")
      return []
    }
    return items.compactMap { loadResource($0, isExample: isExample, diagnostics: &diagnostics) }
  }

  private static func loadResource(_ node: YAMLNode, isExample: Bool, diagnostics: inout Diagnostics) -> Resource? {
    guard let mapping = node.mapping else {
      diagnostics.error(
        "wrong-type", at: node.location, "une ressource doit être un bloc de clés, pas \(node.shapeDescription)")
      return nil
    }
    let context = mapping["id"]?.scalar.map { "la ressource « \($0) »" } ?? "une ressource"
    mapping.checkKeys(allowed: Set(fields), required: ["id", "type", "titre"], context: context, into: &diagnostics)
    guard let id = mapping["id"]?.scalar, let titre = mapping["titre"]?.scalar, let kindNode = mapping["type"],
      let kindText = kindNode.scalar
    else { return nil }
    if !StructureBuilder.isValidID(id), let idNode = mapping["id"] {
      diagnostics.error(
        "invalid-id", at: idNode.location,
        "l'identifiant « \(id) » ne peut contenir que des lettres a-z et A-Z, des chiffres et - / . : _")
    }
    guard let kind = Resource.Kind(rawValue: kindText) else {
      diagnostics.error(
        "invalid-value", at: kindNode.location,
        "type de ressource « \(kindText) » inconnu : attendu \(Resource.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
        hint: Suggestion.hint(for: kindText, among: Resource.Kind.allCases.map(\.rawValue)))
      return nil
    }
    func list(_ key: String) -> [String] {
      guard let node = mapping[key], !node.isNull else { return [] }
      if let text = node.scalar { return [text] }
      return (node.sequence ?? []).compactMap(\.scalar)
    }
    func day(_ key: String) -> CalendarDay? {
      guard let node = mapping[key], !node.isNull, let text = node.scalar else { return nil }
      guard let day = CalendarDay(iso: text) else {
        diagnostics.error("invalid-date", at: node.location, "`\(key)` doit être une date écrite AAAA-MM-JJ")
        return nil
      }
      return day
    }
    var resource = Resource(
      id: id, kind: kind, titre: titre, description: mapping["description"]?.scalar, thematiques: list("thematiques"),
      publics: list("publics"), lien: mapping["lien"]?.scalar, auteur: mapping["auteur"]?.scalar, date: day("date"),
      dateFin: day("date_fin"), lieu: mapping["lieu"]?.scalar, zone: list("zone"), dateMaj: day("date_maj"),
      isExample: isExample, location: mapping.location)
    if kind == .evenement, resource.date == nil {
      diagnostics.error("missing-key", at: mapping.location, "\(context) est un événement : il lui faut une `date`")
    }
    if let start = resource.date, let end = resource.dateFin, end < start, let node = mapping["date_fin"] {
      diagnostics.error("dates-order", at: node.location, "`date_fin` (\(end)) précède `date` (\(start))")
      resource.dateFin = nil
    }
    return resource
  }

  /// Resources matching `query` (every word: exact, prefix, or one typo on words of five letters
  /// or more), upcoming events first (soonest first), then by match quality and title.
  public func search(_ query: String, themes: [String] = [], today: CalendarDay, limit: Int = 50) -> [ResourceHit] {
    let queryWords = SearchIndex.queryWords(query)
    var hits: [(hit: ResourceHit, key: (Int, Int, Int, String))] = []
    for (position, resource) in resources.enumerated() {
      if !themes.isEmpty, !resource.thematiques.contains(where: themes.contains) { continue }
      var worst = MatchKind.exact
      var matchedAll = true
      for word in queryWords {
        var best: MatchKind?
        for candidate in words[position] {
          if candidate == word {
            best = .exact
            break
          }
          if candidate.starts(with: word) {
            best = min(best ?? .prefix, .prefix)
          } else if word.count >= 5, word.count <= SearchIndex.maximumTypoWordLength, best == nil,
            BoundedEdit.withinOne(candidate, word)
          {
            best = .fuzzy
          }
        }
        guard let best else {
          matchedAll = false
          break
        }
        worst = max(worst, best)
      }
      guard matchedAll else { continue }
      let upcoming = resource.isUpcomingEvent(today: today)
      let eventOrder = upcoming ? (resource.date?.dayNumber ?? 0) : Int.max
      hits.append(
        (
          ResourceHit(resource: resource, matchKind: worst, isUpcomingEvent: upcoming),
          (upcoming ? 0 : 1, eventOrder, worst.rawValue, TextFolding.fold(resource.titre))
        ))
    }
    hits.sort { $0.key < $1.key }
    return hits.prefix(limit).map(\.hit)
  }
}
