import Foundation
import RepereBase

/// The text and JSON that `repere find` prints, built here so it can be tested without a process.
/// Every text from data files goes through `TerminalText.sanitized`.
public enum FindReport {
  /// Numbered hits, two or three lines each, or a JSON array.
  public static func structures(_ hits: [SearchHit], directory: Directory, now: Date, json: Bool) -> String {
    if json { return structuresJSON(hits, directory: directory, now: now) }
    guard !hits.isEmpty else { return "Aucune structure trouvée.\n" }
    var out = ""
    for (position, hit) in hits.enumerated() {
      let structure = hit.structure
      let clean = { (text: String) in TerminalText.sanitized(text) }
      var title = "\(position + 1). \(clean(structure.nom))"
      if structure.isExample { title += " [EXEMPLE]" }
      if structure.acces == .professionnels { title += " [pros]" }
      out += title + "\n"
      let state = directory.openState(of: structure, at: now)
      var details = [hit.reason]
      if let distance = hit.distanceKm, !structure.isNational { details.append(String(format: "%.1f km", distance)) }
      details.append(state.frenchSummary(now: now, timeZone: directory.timeZone(of: structure)))
      // Closed, but an on-call line answers (a parquet's « permanence »): say it is reachable.
      if case .closed = state, structure.telephones.contains(where: \.isOnCall) {
        details.append("permanence joignable")
      }
      out += "   " + clean(details.joined(separator: " · ")) + "\n"
      var contact: [String] = structure.telephones.map { phone in
        phone.libelle.map { "\(phone.numero) (\($0))" } ?? phone.numero
      }
      if let site = structure.siteWeb { contact.append(site) }
      if let mail = structure.courriel { contact.append(mail) }
      if !contact.isEmpty { out += "   " + clean(contact.joined(separator: " · ")) + "\n" }
    }
    return out
  }

  private struct StructureJSON: Encodable {
    var id: String
    var nom: String
    var types: [String]
    var thematiques: [String]
    var match: String
    var tier: String
    var reason: String
    var open: Bool?
    var state: String
    var distanceKm: Double?
    var telephones: [[String: String]]
    var siteWeb: String?
    var acces: String
    var exemple: Bool
  }

  private static func structuresJSON(_ hits: [SearchHit], directory: Directory, now: Date) -> String {
    let items = hits.map { hit in
      let structure = hit.structure
      return StructureJSON(
        id: structure.id, nom: structure.nom, types: structure.types, thematiques: structure.thematiques,
        match: ["exact", "prefix", "fuzzy"][hit.matchKind.rawValue],
        tier: hit.tier.name, reason: hit.reason,
        open: hit.openNow,
        state: directory.openState(of: structure, at: now).frenchSummary(
          now: now, timeZone: directory.timeZone(of: structure)),
        distanceKm: hit.distanceKm.map { ($0 * 10).rounded() / 10 },
        telephones: structure.telephones.map { phone in
          var entry = ["numero": phone.numero]
          if let libelle = phone.libelle { entry["libelle"] = libelle }
          return entry
        }, siteWeb: structure.siteWeb, acces: structure.acces.rawValue, exemple: structure.isExample)
    }
    struct Found: Encodable { var structures: [StructureJSON] }
    return MachineJSON.document("find", Found(structures: items)) + "\n"
  }

  private struct ResourceJSON: Encodable {
    var id: String
    var type: String
    var titre: String
    var date: String?
    var dateFin: String?
    var lieu: String?
    var lien: String?
    /// An event still to come (`date` not past).
    var upcoming: Bool
  }

  /// Resource-centre hits, upcoming events first.
  public static func resources(_ hits: [ResourceHit], json: Bool) -> String {
    if json {
      struct Found: Encodable { var resources: [ResourceJSON] }
      let items = hits.map { hit in
        ResourceJSON(
          id: hit.resource.id, type: hit.resource.kind.rawValue, titre: hit.resource.titre,
          date: hit.resource.date?.description, dateFin: hit.resource.dateFin?.description, lieu: hit.resource.lieu,
          lien: hit.resource.lien, upcoming: hit.isUpcomingEvent)
      }
      return MachineJSON.document("resources", Found(resources: items)) + "\n"
    }
    guard !hits.isEmpty else { return "Aucune ressource trouvée.\n" }
    var out = ""
    for (position, hit) in hits.enumerated() {
      let resource = hit.resource
      var title = "\(position + 1). \(TerminalText.sanitized(resource.titre)) [\(resource.kind.rawValue)]"
      if hit.isUpcomingEvent, let date = resource.date { title += " — à venir, \(date)" }
      if resource.isExample { title += " [EXEMPLE]" }
      out += title + "\n"
      let details = [resource.lieu, resource.lien].compactMap { $0 }
      if !details.isEmpty { out += "   " + TerminalText.sanitized(details.joined(separator: " · ")) + "\n" }
    }
    return out
  }
}
