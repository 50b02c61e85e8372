import Foundation
import RepereBase

/// The case summary written by « exporter »: protocol, place, level, path, set-aside answers,
/// orientation with contacts, notes. Plain UTF-8 text, French headings (it is a case document).
public struct CaseSummary {
  let state: AppState

  public init(state: AppState) { self.state = state }

  /// `repere-synthese-20261129-2310.txt` from the case's opening time (UTC, to stay stable).
  public static func fileName(openedAt: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: openedAt)
    return String(
      format: "repere-synthese-%04d%02d%02d-%02d%02d%02d.txt", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
  }

  public var text: String {
    let walk = state.walk
    let language = state.language
    var out: [String] = []
    out.append("Repère — synthèse du dossier")
    out.append("Protocole : \(walk.protocolTitle) (\(walk.protocolID), version \(walk.protocolVersion))")
    out.append("Lieu : \(walk.place?.label ?? Chrome.placeNone(language))")
    out.append("Durée de l'appel : \(Renderer.timer(from: state.openedAt, to: state.now))")
    let level = walk.level.map { LevelNames.label($0.id, language) } ?? Chrome.levelNone(language)
    out.append("Niveau : \(level)" + (walk.raisedReason.map { " (relevé : \($0))" } ?? ""))
    out.append("")
    out.append("Chemin :")
    for (index, entry) in walk.path.enumerated() {
      out.append("  \(index + 1). \(entry.question) — \(entry.answer)" + (entry.changed ? " (modifié)" : ""))
    }
    if !walk.setAside.isEmpty {
      out.append("Réponses mises de côté :")
      for entry in walk.setAside { out.append("  - \(entry.question) — \(entry.answer)") }
    }
    out.append("")
    out.append(walk.isFinished ? "Orientation :" : "Orientation (provisoire) :")
    for disposition in walk.dispositions {
      out.append(
        "  [\(LevelNames.label(disposition.level.id, language))] \(disposition.title)"
          + (disposition.timeframe.map { " — \($0)" } ?? ""))
      for action in disposition.actions { out.append("    • \(action)") }
      for match in state.contacts[disposition.code] ?? [] {
        let detail = state.services.directory?.detail(match.structureID, now: state.now)
        let phone = detail?.phones.first.map { " — \($0.number)" } ?? ""
        let example = detail?.isExample == true ? " [EXEMPLE]" : ""
        out.append("    → \(match.name)\(phone)\(example) (\(match.reason))")
      }
      if !disposition.sources.isEmpty { out.append("    Sources : " + disposition.sources.joined(separator: " ; ")) }
    }
    if !state.notes.isEmpty {
      out.append("")
      out.append("Notes :")
      for note in state.notes {
        out.append(
          "  [+\(Renderer.timer(from: state.openedAt, to: note.at))] "
            + note.text.replacingOccurrences(of: "\n", with: "\n    "))
      }
    }
    return out.map { TerminalText.sanitized($0, keepNewlines: true) }.joined(separator: "\n") + "\n"
  }
}
