import Foundation
import RepereBase

/// The right-hand pane: the path so far (changed answers marked, set-aside ones shown) and the
/// dispositions and contacts gathered so far.
struct PathPane {
  let state: AppState
  var language: Language { state.language }
  var frame: Frame { Frame(size: state.size) }

  var pathLines: [StyledLine] {
    let width = frame.paneContentWidth
    var lines = [StyledLine(Chrome.pathTitle(language), .title)]
    if state.walk.path.isEmpty {
      lines.append(StyledLine(Chrome.noAnswerYet(language), .faint))
    }
    for (index, entry) in state.walk.path.enumerated() {
      let number = "\(index + 1)".padding(toLength: 3, withPad: " ", startingAt: 0)
      let question = TextLayout.truncate(TerminalText.sanitized(entry.short ?? entry.question), width: width - 3)
      let editing = entry.stepID == state.editingStepID
      lines.append(StyledLine([Span(number, .faint), Span(question)], highlight: editing ? .selected : nil))
      let mark = entry.changed ? " (" + Chrome.changedMark(language) + ")" : ""
      let room = width - 5 - CharacterWidth.of(mark)
      var answer = [Span("   › "), Span(Self.abridged(entry, width: room, language), .title)]
      if entry.changed { answer.append(Span(mark, .faint)) }
      lines.append(StyledLine(answer))
    }
    if !state.walk.setAside.isEmpty {
      lines.append(StyledLine(Chrome.setAsideTitle(language), .title))
      for entry in state.walk.setAside {
        let question = TerminalText.sanitized(entry.short ?? entry.question)
        let answer = TerminalText.sanitized(entry.answer)
        lines.append(StyledLine("~  " + TextLayout.truncate(question, width: width - 3), .faint))
        lines.append(StyledLine("   › " + TextLayout.truncate(answer, width: width - 5), .faint))
      }
    }
    return lines
  }

  var gatheredLines: [StyledLine] {
    guard !state.walk.dispositions.isEmpty else { return [] }
    let width = frame.paneContentWidth
    var lines = [StyledLine.empty, StyledLine(Chrome.gatheredTitle(language), .title)]
    for disposition in state.walk.dispositions {
      let title = TextLayout.truncate(TerminalText.sanitized(disposition.title), width: width - 2)
      lines.append(StyledLine([Span("■ ", .badge(rank: disposition.level.rank)), Span(title)]))
      for match in state.contacts[disposition.code] ?? [] {
        let name = TextLayout.truncate(TerminalText.sanitized(match.name), width: width - 4)
        lines.append(StyledLine([Span("  · "), Span(name, .faint)]))
      }
    }
    return lines
  }

  /// The answer in `width` columns. A checklist whose labels do not fit reads « 3 choix :
  /// Fugues…, Argent…, Voitures… »: the count first, then the first word of each label (two when
  /// the first is short), so more than the first label shows.
  static func abridged(_ entry: PathItem, width: Int, _ language: Language) -> String {
    let whole = TerminalText.sanitized(entry.answer)
    guard entry.ticked.count > 1, CharacterWidth.of(whole) > width else {
      return TextLayout.truncate(whole, width: width)
    }
    let count = Chrome.checklistCount(language, String(entry.ticked.count))
    let heads = entry.ticked.map { label -> String in
      let words = TerminalText.sanitized(label).split(separator: " ").map(String.init)
      var head = words.first ?? ""
      if CharacterWidth.of(head) < 4, words.count > 1 { head += " " + words[1] }
      head = head.trimmingCharacters(in: CharacterSet(charactersIn: ",;:("))
      return head.count < label.count ? head + "…" : head
    }
    return TextLayout.truncate(count + heads.joined(separator: ", "), width: width)
  }

  func draw(into grid: inout CellGrid) {
    let height = frame.bodyHeight
    var gathered = gatheredLines
    if gathered.count > height / 2 { gathered = Array(gathered.prefix(height / 2 - 1)) + [StyledLine("  …", .faint)] }
    var path = pathLines
    let room = height - gathered.count
    if path.count > room, room > 2 {
      // Keep the title and the most recent answers.
      let hidden = path.count - room + 1
      path = [path[0], StyledLine("  … (\(hidden))", .faint)] + path.suffix(room - 2)
    }
    let lines = path + gathered
    grid.draw(lines, x: frame.paneX, y: frame.bodyTop, width: frame.paneContentWidth, height: height)
  }
}
