import Foundation
import RepereBase

extension CoverageReport {
  /// A table: one line per département (most serious gaps first), one column per query.
  public func text() -> String {
    var lines = ["Couverture de l'annuaire — \(rows.count) départements, \(queries.count) requêtes de contacts"]
    lines.append("Requêtes :")
    for (index, query) in queries.enumerated() {
      lines.append("  Q\(index + 1)  \(TerminalText.sanitized(query.label))  [\(query.level)]")
    }
    let header = ["dép.", "lacunes graves", "lacunes"] + queries.indices.map { "Q\($0 + 1)" }
    lines.append(header.joined(separator: "\t"))
    for row in rows {
      let cells = [row.code, String(row.seriousGaps), String(row.gaps)] + row.tiers.map(\.label)
      lines.append(cells.joined(separator: "\t"))
    }
    lines.append(
      "local : une structure du département répond ; voisin, région : seulement plus loin ; "
        + "national : seulement une ligne nationale ; aucune : rien. Lacunes graves : niveaux "
        + "urgence, signalement, information préoccupante sans réponse locale.")
    return lines.joined(separator: "\n")
  }

  /// `departement,nom,lacunes_graves,lacunes,<query label>…` with one tier per cell.
  public func csv() -> String {
    func field(_ text: String) -> String {
      let clean = TerminalText.sanitized(text)
      guard clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return clean }
      return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    var lines = [
      (["departement", "nom", "lacunes_graves", "lacunes"] + queries.map(\.label)).map(field).joined(separator: ",")
    ]
    for row in rows {
      lines.append(
        ([row.code, row.name, String(row.seriousGaps), String(row.gaps)] + row.tiers.map(\.rawValue)).map(field)
          .joined(separator: ","))
    }
    return lines.joined(separator: "\n")
  }

  struct JSONQuery: Encodable {
    var label: String
    var level: String
    var kinds: [String]
    var themes: [String]
    var publics: [String]
    var id: String?
    var usedBy: [String]
  }

  struct JSONRow: Encodable {
    var departement: String
    var name: String
    var seriousGaps: Int
    var gaps: Int
    /// Query label → `local`, `voisin`, `region`, `national` or `aucune`.
    var coverage: [String: String]
  }

  struct JSONReport: Encodable {
    var seriousLevels: [String]
    var queries: [JSONQuery]
    var departements: [JSONRow]
  }

  /// The whole report for tools: queries, then départements with the tier of each query.
  public func json() -> String {
    let report = JSONReport(
      seriousLevels: Self.seriousLevels.sorted(),
      queries: queries.map {
        JSONQuery(
          label: $0.label, level: $0.level, kinds: $0.query.kinds, themes: $0.query.themes, publics: $0.query.publics,
          id: $0.query.id, usedBy: $0.usedBy)
      },
      departements: rows.map { row in
        JSONRow(
          departement: row.code, name: row.name, seriousGaps: row.seriousGaps, gaps: row.gaps,
          coverage: Dictionary(uniqueKeysWithValues: zip(queries.map(\.label), row.tiers.map(\.rawValue))))
      })
    return MachineJSON.document("coverage", report)
  }
}
