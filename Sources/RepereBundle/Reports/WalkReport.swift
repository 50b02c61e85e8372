import Foundation
import RepereBase
import RepereRules

/// `repere walk` output.
public enum WalkReport {
  /// The path with answers, what is pending, the dispositions with levels and contacts, the
  /// case level and the explanation, in French.
  public static func human(
    _ state: WalkState, library: ProtocolLibrary, contacts: [DispositionContacts], now: Date? = nil
  ) -> String {
    let definition = library.protocolDefinition(state.protocolID)
    var lines: [String] = []
    let title = definition.map { "\($0.title) — version \($0.version)" } ?? ""
    lines.append("Protocole : \(state.protocolID)\(title.isEmpty ? "" : " (\(title))")")
    if let definition, let now, let warning = validityWarning(definition, now: now) { lines.append(warning) }
    for change in state.switches {
      lines.append(
        "Bascule : \(change.from) → \(change.to)" + (change.departement.map { " (département \($0))" } ?? ""))
    }
    if let place = state.place { lines.append("Lieu : \(place.label)") }
    lines.append("")
    lines.append("Parcours :")
    for (index, entry) in state.path.enumerated() {
      var line = "  \(index + 1). \(entry.stepID) [\(entry.kind.rawValue)]"
      if let answer = entry.answer { line += " = \(answer.displayText)" }
      if let next = entry.next { line += " → \(next)" }
      lines.append(line)
    }
    if let pending = state.pending {
      lines.append("  … en attente : \(pending.id) [\(pending.kind.rawValue)] \(pending.text ?? "")")
    }
    if let problem = state.problem { lines.append("  ! \(problem.message)") }
    for (step, problem) in state.invalidAnswers.sorted(by: { $0.key < $1.key }) {
      lines.append("  ! réponse à « \(step) » refusée : \(problem.description)")
    }
    if !state.setAside.isEmpty {
      let listed = state.setAside.keys.sorted().compactMap { key in
        state.setAside[key].map { "\(key) = \($0.displayText)" }
      }
      lines.append("Réponses mises de côté (hors parcours) : \(listed.joined(separator: ", "))")
    }
    lines.append("")
    lines.append("Niveau de la situation : \(state.level ?? "(aucun)")")
    lines.append("")
    lines.append("Orientations :")
    if state.dispositions.isEmpty { lines.append("  (aucune)") }
    for gathered in state.dispositions {
      let disposition = gathered.disposition
      var line = "  • \(gathered.code) — \(disposition.level)"
      if let timeframe = disposition.timeframe { line += " (\(timeframe))" }
      line += " : \(disposition.title)"
      lines.append(line)
      for action in disposition.actions { lines.append("      - \(action)") }
      if let found = contacts.first(where: { $0.code == gathered.code }) {
        for match in found.matches {
          var contact = "      ☎ \(match.name) [\(match.structureID)] — \(match.reason)"
          if let open = match.openNow { contact += open ? " — ouvert" : " — fermé" }
          lines.append(contact)
        }
        for label in found.unlisted { lines.append("      ⚠ " + unlistedLine(label, place: state.place)) }
      } else if !disposition.contacts.isEmpty {
        lines.append("      (contacts : annuaire non chargé)")
      }
    }
    lines.append("")
    lines.append("Explication :")
    for line in state.explanation.lines { lines.append("  \(line)") }
    return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n")
  }

  public static func json(
    _ state: WalkState, library: ProtocolLibrary, contacts: [DispositionContacts], now: Date? = nil
  ) -> String {
    var walk = JSONWalk(state, contacts: contacts)
    if let definition = library.protocolDefinition(state.protocolID), let now {
      walk.validityWarning = validityWarning(definition, now: now)
    }
    return MachineJSON.document("walk", walk)
  }

  /// « Aucune structure « Parquet » répertoriée pour le 27 (à compléter dans l'annuaire local) »;
  /// without a place, the place is what is missing, not a record of the directory.
  public static func unlistedLine(_ label: String, place: PlaceValue?) -> String {
    guard let departement = place?.departement else {
      return "« \(label) » : lieu non précisé : indiquez-le (réponse à l'étape du lieu)"
    }
    return "Aucune structure « \(label) » répertoriée pour le \(departement) (à compléter dans l'annuaire local)"
  }

  /// « Attention : … » when the case's day lies outside the protocol's validity window.
  public static func validityWarning(_ definition: ProtocolDefinition, now: Date) -> String? {
    let day = CalendarDay(now)
    if let from = definition.validFrom, day < from {
      return "Attention : ce protocole n'est valable qu'à partir du \(from)"
    }
    if let to = definition.validTo, to < day {
      return "Attention : ce protocole n'est plus valable depuis le \(to)"
    }
    return nil
  }

  struct JSONWalk: Encodable {
    struct Entry: Encodable {
      var step: String
      var kind: String
      var answer: [String]?
      var next: String?
    }
    struct Contact: Encodable {
      var id: String
      var name: String
      /// `departement`, `voisin`, `national`… as in `find` (`ProximityTier.name`).
      var tier: String
      var reason: String
      var openNow: Bool?
    }
    struct Gathered: Encodable {
      var code: String
      var level: String
      var title: String
      var timeframe: String?
      var step: String
      var explanation: String
      var decisions: [String]
      var contacts: [Contact]
      /// Contact queries that found no structure, by vocabulary label.
      var unlistedContacts: [String]
    }

    var protocolID: String
    var finished: Bool
    var pending: String?
    var problem: String?
    var path: [Entry]
    var level: String?
    var computedLevel: String?
    var dispositions: [Gathered]
    var setAside: [String: [String]]
    var switches: [String]
    var place: String?
    var explanation: [String]
    var validityWarning: String?

    init(_ state: WalkState, contacts: [DispositionContacts]) {
      protocolID = state.protocolID
      finished = state.isFinished
      pending = state.pending?.id
      problem = state.problem?.message
      path = state.path.map {
        Entry(step: $0.stepID, kind: $0.kind.rawValue, answer: $0.answer?.textItems, next: $0.next)
      }
      level = state.level
      computedLevel = state.computedLevel
      dispositions = state.dispositions.map { gathered in
        Gathered(
          code: gathered.code, level: gathered.disposition.level, title: gathered.disposition.title,
          timeframe: gathered.disposition.timeframe, step: gathered.stepID, explanation: gathered.explanation.summary,
          decisions: gathered.explanation.decisions.map(\.summary),
          contacts: (contacts.first { $0.code == gathered.code }?.matches ?? []).map {
            Contact(id: $0.structureID, name: $0.name, tier: $0.tier.name, reason: $0.reason, openNow: $0.openNow)
          }, unlistedContacts: contacts.first { $0.code == gathered.code }?.unlisted ?? [])
      }
      setAside = state.setAside.mapValues(\.textItems)
      switches = state.switches.map { "\($0.from) -> \($0.to)" }
      place = state.place.map { $0.communeCode ?? $0.departement }
      explanation = state.explanation.lines
    }

    enum CodingKeys: String, CodingKey {
      case protocolID = "protocol"
      case finished, pending, problem, path, level, computedLevel, dispositions, setAside, switches, place, explanation
      case validityWarning
    }
  }
}
