import Foundation
import RepereBase

/// The full-body windows: directory search, a structure's record, help, notes, raising the
/// level, choosing among places, choosing an answer to change.
struct OverlayScreens {
  let state: AppState
  var language: Language { state.language }
  var frame: Frame { Frame(size: state.size) }
  var width: Int { frame.fullWidth }

  /// Draws a window's `content` (from its row in `ScreenRole`).
  func draw(_ content: (lines: [StyledLine], focus: Int?, preferred: Int), into grid: inout CellGrid) {
    let (lines, focus, preferred) = content
    let first = scrollOffset(focus: focus, count: lines.count, height: frame.bodyHeight, preferred: preferred)
    grid.draw(lines, x: frame.fullX, y: frame.bodyTop, width: width, height: frame.bodyHeight, first: first)
  }

  /// The record on top, scrolled as its window says.
  var detailWindow: ([StyledLine], Int?, Int) {
    guard case .detail(let id, let reason, let scroll) = state.overlays.last else { return ([], nil, 0) }
    return (detail(id: id, reason: reason), nil, scroll)
  }

  /// The help, scrolled as its window says.
  var helpWindow: ([StyledLine], Int?, Int) {
    guard case .help(let scroll) = state.overlays.last else { return ([], nil, 0) }
    return (help, nil, scroll)
  }

  var search: ([StyledLine], Int?, Int) {
    var lines = [StyledLine(Chrome.searchTitle(language), .title), .empty]
    let prompt = Chrome.searchPrompt(language)
    let query = TextLayout.tail(
      TerminalText.sanitized(state.search.query.text), width: max(1, width - CharacterWidth.of(prompt) - 1))
    lines.append(StyledLine([Span(prompt, .title), Span(query, .underline), Span(" ", .reverse)]))
    lines.append(.empty)
    if state.services.directory == nil {
      let why = state.services.isLoading ? Chrome.directoryLoading : .directoryUnavailable
      lines.append(StyledLine(why(language), .faint))
    } else if state.search.results.isEmpty {
      let hint = state.search.query.isEmpty ? Chrome.searchHint : .searchNoResults
      lines.append(StyledLine(hint(language), .faint))
    }
    var focus: Int?
    for (index, result) in state.search.results.enumerated() {
      let selected = index == state.search.cursor.index
      if selected { focus = lines.count + 1 }
      var spans = [Span(selected ? "› " : "  ", .title), Span(TerminalText.sanitized(result.name), .title)]
      if result.isExample {
        spans.append(Span("  "))
        spans.append(Span(" " + Chrome.exampleTag(language) + " ", .tag))
      }
      lines.append(StyledLine(spans, highlight: selected ? .selected : nil, tag: index))
      lines.append(
        StyledLine([
          Span("    "), Span(TerminalText.sanitized(result.subtitle), .faint), Span(" · "),
          OpenLabel.span(result.openNow, language),
        ]))
    }
    return (lines, focus, 0)
  }

  func detail(id: String, reason: String?) -> [StyledLine] {
    guard let record = state.services.directory?.detail(id, now: state.now) else {
      return [StyledLine(Chrome.detailNotFound(language, TerminalText.sanitized(id)), .error)]
    }
    // A long name wraps (« …section des mineurs (fictif) » at 80 columns); the EXEMPLE tag
    // follows it, on its own line when it does not fit.
    var lines = StyledLine.wrapped(record.name, width: width, style: .title)
    if record.isExample {
      let tag = [Span("  "), Span(" " + Chrome.exampleTag(language) + " ", .tag)]
      if let last = lines.indices.last, lines[last].width + StyledLine(tag).width <= width {
        lines[last].spans += tag
      } else {
        lines.append(StyledLine(Array(tag.dropFirst())))
      }
    }
    if !record.types.isEmpty { lines += field(.detailTypes, record.types.joined(separator: ", ")) }
    if let description = record.description {
      lines.append(.empty)
      lines += StyledLine.wrapped(description, width: width)
    }
    lines.append(.empty)
    if record.phones.isEmpty { lines += field(.detailPhones, "—") }
    for phone in record.phones {
      let text = phone.label.map { "\(phone.number) — \($0)" } ?? phone.number
      lines += field(.detailPhones, text, style: .title)
    }
    if let address = record.address { lines += field(.detailAddress, address) }
    lines += hoursLines(record)
    if let email = record.email { lines += field(.detailEmail, email) }
    if let website = record.website { lines += field(.detailWebsite, website) }
    if record.professionalsOnly {
      lines.append(StyledLine("  " + Chrome.detailProfessionalsOnly(language), .error))
    }
    if let reason {
      lines.append(.empty)
      lines += field(.detailWhy, reason)
    }
    lines.append(.empty)
    let source = [record.source, record.updated.map { Chrome.detailUpdated(language) + " " + $0 }]
      .compactMap { $0 }.joined(separator: " · ")
    if !source.isEmpty { lines += field(.detailSource, source, style: .faint) }
    return lines
  }

  /// « Horaires : lun.–ven. 9 h–18 h · ouvert maintenant (ferme à 18:00) » on one line when it
  /// fits; else the hours wrapped, then whether it is open on a line of its own under them.
  private func hoursLines(_ record: StructureDetail) -> [StyledLine] {
    let lead = [Span("  "), Span(Chrome.detailHours(language) + " : ", .faint)]
    var status = [OpenLabel.span(record.openNow, language, onCall: record.onCallPhone != nil)]
    if let comment = record.hoursComment { status.append(Span(" (" + TerminalText.sanitized(comment) + ")")) }
    let hours = record.hours.map { [Span(TerminalText.sanitized($0) + " · ")] } ?? []
    let single = StyledLine(lead + hours + status)
    guard single.width > width, let text = record.hours else { return [single] }
    let indent = StyledLine(lead).width
    return StyledLine.wrapped(text, width: width, prefix: lead, indent: indent)
      + [StyledLine([Span(String(repeating: " ", count: indent))] + status)]
  }

  private func field(_ name: Chrome, _ value: String, style: CellStyle = .plain) -> [StyledLine] {
    StyledLine.wrapped(
      value, width: width, style: style, prefix: [Span("  " + name(language) + " : ", .faint)], indent: 4)
  }

  var help: [StyledLine] {
    var lines = [StyledLine(Chrome.helpTitle(language), .title)]
    if let folder = state.services.dataFolder {
      lines += StyledLine.wrapped(
        folder, width: width, style: .faint, prefix: [Span(Chrome.helpDataFolder(language) + " : ", .faint)], indent: 2)
    }
    lines.append(.empty)
    var base = state
    base.overlays.removeAll()
    if let step = base.displayedStep, base.screen != .orientation {
      lines.append(StyledLine(Chrome.helpQuestion(language), .title))
      lines += StyledLine.wrapped(step.text, width: width, prefix: [Span("  ")])
      if let help = step.help { lines += StyledLine.wrapped(help, width: width, prefix: [Span("  ")]) }
      for option in step.options {
        guard let help = option.help else { continue }
        lines += StyledLine.wrapped(
          option.label + " : " + help, width: width, style: .faint, prefix: [Span("  • ")], indent: 4)
      }
      if !step.sources.isEmpty {
        lines += StyledLine.wrapped(
          step.sources.joined(separator: " ; "), width: width, style: .faint,
          prefix: [Span("  " + Chrome.orientationWhy(language) + " : ", .faint)])
      }
      lines.append(.empty)
    }
    lines.append(StyledLine(Chrome.helpKeys(language), .title))
    for spec in ActionTable.all + (state.training == nil ? [] : TrainingActions.all) {
      let keys = spec.keys.map { $0.label(language) }.joined(separator: " ")
      let keyColumn = TextLayout.pad(keys, width: 14)
      lines += StyledLine.wrapped(
        spec.help(language), width: width, prefix: [Span("  "), Span(keyColumn, .title), Span(" ")], indent: 17)
    }
    return lines
  }

  var notes: ([StyledLine], Int?, Int) {
    var lines = [
      StyledLine(Chrome.notesTitle(language), .title), StyledLine(Chrome.notesHint(language), .faint), .empty,
    ]
    if state.notes.isEmpty { lines.append(StyledLine(Chrome.notesEmpty(language), .faint)) }
    for note in state.notes {
      let stamp = "+" + Renderer.timer(from: state.openedAt, to: note.at) + "  "
      lines += StyledLine.wrapped(note.text, width: width, prefix: [Span(stamp, .faint)])
    }
    lines.append(.empty)
    let draftLines = TerminalText.sanitized(state.notesWindow.draft.text, keepNewlines: true)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in draftLines.enumerated() {
      var wrapped = StyledLine.wrapped(line, width: width - 2, prefix: [Span("> ", .title)], indent: 2)
      if wrapped.isEmpty { wrapped = [StyledLine([Span("> ", .title)])] }
      if index == draftLines.count - 1 { wrapped[wrapped.count - 1].spans.append(Span(" ", .reverse)) }
      lines += wrapped
    }
    return (lines, lines.count - 1, 0)
  }

  /// The unfinished cases: when started and last written (relative to now, the same on every
  /// machine), protocol, place, level, answers; one open elsewhere says why it cannot be taken.
  var resumeList: ([StyledLine], Int?, Int) {
    var lines = [StyledLine(Chrome.resumeTitle(language), .title)]
    lines += StyledLine.wrapped(Chrome.resumeHint(language), width: width, style: .faint)
    lines.append(.empty)
    var focus: Int?
    for (index, unfinished) in state.unfinishedCases.enumerated() {
      let selected = index == state.resumeList.cursor.index
      if selected { focus = lines.count }
      let highlight: CellStyle? = selected ? .selected : nil
      var first: [Span] = [
        Span(selected ? "› " : "  ", .title), Span(TextLayout.pad("\(index + 1)", width: 3), .title),
        Span(TerminalText.sanitized(unfinished.protocolTitle), .title), Span("  "),
      ]
      if let level = unfinished.levelID {
        let rank = state.walk.levels.first { $0.id == level }?.rank ?? 4
        first.append(Span(" " + LevelNames.label(level, language) + " ", .badge(rank: rank)))
      } else {
        first.append(Span(" " + Chrome.levelNone(language) + " ", .reverse))
      }
      lines.append(StyledLine(first, highlight: highlight, tag: index))
      var facts = [unfinished.placeLabel.map { TerminalText.sanitized($0) } ?? Chrome.placeNone(language)]
      if let started = unfinished.startedAt {
        facts.append(Chrome.resumeStarted(language, Self.elapsed(from: started, to: state.now, language)))
      }
      if let last = unfinished.lastEntryAt {
        facts.append(Chrome.resumeLast(language, Self.elapsed(from: last, to: state.now, language)))
      }
      facts.append(Chrome.resumeAnswers(language, String(unfinished.answerCount)))
      lines += StyledLine.wrapped(
        facts.joined(separator: " · "), width: width, style: .plain, prefix: [Span("     ")], highlight: highlight,
        tag: index)
      if unfinished.inUse {
        lines += StyledLine.wrapped(
          "⚠ " + Chrome.resumeInUse(language), width: width, style: .error, prefix: [Span("     ")],
          highlight: highlight, tag: index)
      }
      lines.append(.empty)
    }
    return (lines, focus, 0)
  }

  /// « il y a 12 min », « il y a 2 h 05 », « il y a 3 j ».
  static func elapsed(from start: Date, to now: Date, _ language: Language) -> String {
    let minutes = max(0, Int(now.timeIntervalSince(start)) / 60)
    let amount: String
    if minutes < 1 {
      amount = language == .fr ? "moins d'1 min" : "under 1 min"
    } else if minutes < 60 {
      amount = "\(minutes) min"
    } else if minutes < 48 * 60 {
      amount = String(format: "%d h %02d", minutes / 60, minutes % 60)
    } else {
      amount = language == .fr ? "\(minutes / 1440) j" : "\(minutes / 1440) d"
    }
    return language == .fr ? "il y a \(amount)" : "\(amount) ago"
  }

  var raiseLevel: ([StyledLine], Int?, Int) {
    var lines = [StyledLine(Chrome.raiseTitle(language), .title), .empty]
    let current = state.walk.level.map { LevelNames.label($0.id, language) } ?? Chrome.levelNone(language)
    lines.append(StyledLine(Chrome.raiseCurrent(language, current)))
    lines.append(.empty)
    let levels = state.higherLevels
    guard !levels.isEmpty else {
      lines.append(StyledLine(Chrome.raiseAlreadyHighest(language), .faint))
      return (lines, nil, 0)
    }
    lines.append(StyledLine(Chrome.raiseChoose(language)))
    var focus: Int?
    for (index, level) in levels.enumerated() {
      let selected = index == state.raise.cursor.index
      if selected { focus = lines.count }
      lines.append(
        StyledLine(
          [
            Span(selected ? "› " : "  ", .title), Span("\(index + 1)  ", .title),
            Span(" " + LevelNames.label(level.id, language) + " ", .badge(rank: level.rank)),
          ], highlight: selected ? .selected : nil, tag: index))
    }
    if state.raise.choosingReason {
      lines.append(.empty)
      // A reason longer than the field scrolls: its end, being typed, stays in view.
      let prompt = Chrome.raiseReason(language)
      let room = max(1, width - CharacterWidth.of(prompt) - 1)
      lines.append(
        StyledLine([
          Span(prompt, .title),
          Span(TextLayout.tail(TerminalText.sanitized(state.raise.reason.text), width: room), .underline),
          Span(" ", .reverse),
        ]))
      focus = lines.count - 1
    }
    return (lines, focus, 0)
  }

  var placeChoice: ([StyledLine], Int?, Int) {
    var lines = [
      StyledLine(
        (state.placeChoice.suggested ? Chrome.placeSuggestionTitle : Chrome.placeChoiceTitle)(
          language, TerminalText.sanitized(state.placeChoice.query)), .title), .empty,
    ]
    var focus: Int?
    for (index, place) in state.placeChoice.candidates.enumerated() {
      let selected = index == state.placeChoice.cursor.index
      if selected { focus = lines.count }
      lines.append(
        StyledLine(
          [
            Span(selected ? "› " : "  ", .title), Span("\(index + 1)  ", .title),
            Span(TerminalText.sanitized(place.label)),
          ],
          highlight: selected ? .selected : nil, tag: index))
    }
    return (lines, focus, 0)
  }

  var changeAnswer: ([StyledLine], Int?, Int) {
    var lines = [
      StyledLine(Chrome.changeTitle(language), .title), StyledLine(Chrome.changeHint(language), .faint), .empty,
    ]
    var focus: Int?
    for (index, entry) in state.walk.path.enumerated() {
      let selected = index == state.change.cursor.index
      if selected { focus = lines.count }
      let number = TextLayout.pad("\(index + 1)", width: 3)
      let prefix = [Span(selected ? "› " : "  ", .title), Span(number, .title)]
      lines += StyledLine.wrapped(
        entry.question + " — " + entry.answer, width: width, prefix: prefix, highlight: selected ? .selected : nil,
        tag: index)
    }
    return (lines, focus, 0)
  }
}
