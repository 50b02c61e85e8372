import RepereBase

/// Plain-text views of journals for the terminal (`repere journal list` and `show`). Every
/// text from a journal goes through `TerminalText.sanitized`: a journal file is data, and data
/// must not drive the terminal.
public enum JournalTextReport {
  /// One line per case, oldest first, with a header; a message when there is none.
  public static func list(_ summaries: [JournalSummary]) -> [String] {
    guard !summaries.isEmpty else { return ["Aucun dossier."] }
    let header = ["DOSSIER", "DÉBUT", "DERNIÈRE SAISIE", "ÉTAT", "PROTOCOLE", "LIEU", "NIVEAU"]
    let rows = summaries.map { summary -> [String] in
      let record = summary.record
      let state: String
      if summary.inUse {
        state = "ouvert ailleurs"
      } else if let end = record.end {
        state = end.event.outcome == .completed ? "clos" : "abandonné"
      } else if summary.eventCount == 0 {
        state = "vide"
      } else {
        state = "à reprendre"
      }
      return [
        summary.id,
        record.startedAt.map { "\($0.frenchDate) \($0.frenchTime)" } ?? "—",
        record.lastEventAt.map { "\($0.frenchDate) \($0.frenchTime)" } ?? "—",
        state,
        record.protocolInForce.map { "\($0.id) \($0.version)" } ?? "—",
        record.place?.place.label ?? "—",
        record.level ?? "—",
      ].map { TerminalText.sanitized($0) }
    }
    return table([header] + rows)
  }

  /// Every event of a journal in order, then what reading it reported.
  public static func timeline(id: String, reading: JournalReadResult) -> [String] {
    var lines = ["Dossier \(TerminalText.sanitized(id)) — \(reading.entries.count) événements"]
    let rows = reading.entries.map { entry -> [String] in
      let (kind, detail) = describe(entry.event)
      return [
        "n°\(entry.sequence)", "\(entry.time.frenchDate) \(entry.time.frenchTime)", kind,
        TerminalText.sanitized(detail),
      ]
    }
    lines += table(rows)
    if !reading.findings.isEmpty {
      lines.append("Avertissements :")
      lines += reading.findings.map { "  \(TerminalText.sanitized($0.description))" }
    }
    return lines
  }

  private static func describe(_ event: JournalEvent) -> (String, String) {
    switch event {
    case .opening(let opening):
      return (
        "ouverture",
        "\(opening.protocolInForce.id) \(opening.protocolInForce.version) · données \(opening.bundleHash.prefix(23)) · "
          + "Repère \(opening.programVersion)\(opening.training ? " · exercice" : "")"
      )
    case .answer(let answer):
      return ("réponse", "\(answer.step) — \(answer.question) → \(answer.label)")
    case .change(let change):
      return (
        "modification",
        "\(change.step) : \(change.fromLabel ?? "sans réponse") → \(change.toLabel) — motif : \(change.reason)"
      )
    case .note(let note):
      return ("note", note.text.replacingNewlines(with: " / "))
    case .place(let place):
      return ("lieu", "\(place.place.label) (saisi « \(place.typed) »)")
    case .protocolSwitch(let change):
      return (
        "protocole", "\(change.from.id) → \(change.to.id) \(change.to.version)\(change.reason.map { " — \($0)" } ?? "")"
      )
    case .levelRaise(let raise):
      return ("niveau relevé", "\(raise.from ?? "aucun") → \(raise.to) — motif : \(raise.reason)")
    case .disposition(let disposition):
      return ("orientation", "\(disposition.code) (\(disposition.level)) — \(disposition.title)")
    case .dispositionWithdrawn(let withdrawal):
      return ("orientation retirée", "\(withdrawal.code)\(withdrawal.reason.map { " — \($0)" } ?? "")")
    case .export(let export):
      return ("export", export.format)
    case .followUp(let followUp):
      return ("suite donnée", followUp.summary)
    case .end(let end):
      return ("fin", "\(end.outcome == .completed ? "clos" : "abandonné")\(end.level.map { ", niveau \($0)" } ?? "")")
    }
  }

  /// Left-aligned columns separated by two spaces; the last column is not padded.
  private static func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ")
    }
  }
}
