import RepereBase
import RepereBundle
import RepereRules

/// The training screens: the vignette, a reference answer revealed, and the debrief. Drawn over
/// the full body; on a projector (`--presenter`) with wider margins and a blank line between
/// items.
struct TrainingScreens {
  let state: AppState
  /// Room around the text and between items (a projector).
  var presenter: Bool

  init(state: AppState) {
    self.state = state
    self.presenter = state.training?.presenter ?? false
  }

  var language: Language { state.language }
  var frame: Frame { Frame(size: state.size) }

  /// Left margin and text width: a projector gets room around the text.
  var x: Int { presenter ? 4 : frame.fullX }
  var width: Int { presenter ? max(20, state.size.columns - 8) : frame.fullWidth }

  func draw(into grid: inout CellGrid) {
    let all = lines
    let first = scrollOffset(
      focus: nil, count: all.count, height: frame.bodyHeight, preferred: state.training?.scroll ?? 0)
    grid.draw(all, x: x, y: frame.bodyTop, width: width, height: frame.bodyHeight, first: first)
  }

  /// The lines of the training screen on show.
  var lines: [StyledLine] {
    guard let training = state.training else { return [] }
    switch training.phase {
    case .vignette: return vignette(training, width: width)
    case .debrief: return debrief(training, width: width)
    case .walking: return training.revealing.map { reveal($0, training, width: width) } ?? []
    }
  }

  /// A blank line between items on a projector.
  private var gap: [StyledLine] { presenter ? [.empty] : [] }

  // MARK: Vignette

  func vignette(_ training: TrainingContext, width: Int) -> [StyledLine] {
    let reference = training.reference
    let scenario = reference.scenario
    var lines = [StyledLine(TrainingChrome.vignetteHeading(language), .faint)]
    lines += StyledLine.wrapped(scenario.title, width: width, style: .title)
    lines += gap
    let protocolTitle = state.walk.protocolTitle
    lines += StyledLine.wrapped(
      TrainingChrome.vignetteProtocol(language, "\(protocolTitle) (\(scenario.protocolID))"), width: width,
      style: .faint)
    lines += StyledLine.wrapped(
      TrainingChrome.vignetteClock(language, TrainingText.clock(reference.now, language)), width: width, style: .faint)
    lines.append(.empty)
    if let text = scenario.vignette, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      lines += paragraphs(text, width: width)
    } else {
      lines.append(StyledLine(TrainingChrome.vignetteNone(language), .faint))
    }
    lines.append(.empty)
    lines.append(StyledLine(TrainingChrome.vignetteStart(language), .title))
    lines += StyledLine.wrapped(TrainingChrome.vignetteKeys(language), width: width, style: .faint)
    return lines
  }

  /// Scenario text reflowed, paragraphs separated by a blank line.
  private func paragraphs(_ text: String, width: Int, indent: String = "") -> [StyledLine] {
    var lines: [StyledLine] = []
    for (index, paragraph) in TrainingText.reflow(text).components(separatedBy: "\n\n").enumerated() {
      if index > 0 { lines.append(.empty) }
      lines += StyledLine.wrapped(paragraph, width: width, prefix: [Span(indent)])
    }
    return lines
  }

  // MARK: Reveal

  func reveal(_ stepID: String, _ training: TrainingContext, width: Int) -> [StyledLine] {
    let reference = training.reference
    var lines = [StyledLine(TrainingChrome.revealHeading(language), .faint)]
    guard let reveal = reference.reveal(stepID, protocolID: state.walk.protocolID) else {
      lines.append(StyledLine(TrainingChrome.revealNotInScenario(language), .error))
      return lines
    }
    lines += StyledLine.wrapped(reveal.question, width: width, style: .title)
    lines.append(.empty)
    if let answer = reveal.answer {
      let label = TrainingText.answer(answer.value, label: reveal.answerLabel, kind: reveal.kind, language) ?? ""
      lines += StyledLine.wrapped(
        label, width: width, style: .title, prefix: [Span(TrainingChrome.revealAnswer(language), .title)])
      for correction in reveal.corrections {
        let text =
          TrainingChrome.revealCorrection(language, correction.label) + (correction.reason.map { " — \($0)" } ?? "")
        lines += StyledLine.wrapped(text, width: width, style: .faint, prefix: [Span("  ")])
      }
      if !answer.onReferencePath {
        lines += StyledLine.wrapped(TrainingChrome.revealAnswerOffPath(language), width: width, style: .faint)
      }
    } else if reveal.onReferencePath {
      lines += StyledLine.wrapped(TrainingChrome.revealInfo(language), width: width, style: .title)
    } else {
      lines += StyledLine.wrapped(TrainingChrome.revealNotInScenario(language), width: width, style: .error)
      if let mismatch = state.trainingDebrief?.firstMismatch, mismatch.presence == .both {
        let group = TrainingText.answer(mismatch.groupAnswer, label: mismatch.groupLabel, kind: mismatch.kind, language)
        let expected = TrainingText.answer(
          mismatch.referenceAnswer, label: mismatch.referenceLabel, kind: mismatch.kind, language)
        lines += StyledLine.wrapped(
          TrainingChrome.revealDiverged(language, mismatch.question, group ?? "—", expected ?? "—"), width: width)
      }
    }
    lines.append(.empty)
    lines.append(StyledLine(TrainingChrome.revealExplanation(language), .title))
    if reveal.help == nil && reveal.optionHelp == nil {
      lines.append(StyledLine("  " + TrainingChrome.revealNoHelp(language), .faint))
    }
    if let help = reveal.help { lines += paragraphs(help, width: width, indent: "  ") }
    if let optionHelp = reveal.optionHelp {
      lines += StyledLine.wrapped(optionHelp, width: width, prefix: [Span("  ℹ ", .faint)])
    }
    lines += gap
    lines.append(.empty)
    lines.append(StyledLine(TrainingChrome.revealSources(language), .title))
    if reveal.sources.isEmpty { lines.append(StyledLine("  " + TrainingChrome.revealNoSources(language), .faint)) }
    for source in reveal.sources {
      lines += StyledLine.wrapped(source.title, width: width, prefix: [Span("  • ")])
      if let url = source.url { lines += StyledLine.wrapped(url, width: width, style: .faint, prefix: [Span("    ")]) }
      lines += gap
    }
    return lines
  }

  // MARK: Debrief

  func debrief(_ training: TrainingContext, width: Int) -> [StyledLine] {
    var lines = StyledLine.wrapped(
      training.reference.scenario.title, width: width, style: .title,
      prefix: [Span(TrainingChrome.debriefHeading(language) + " — ", .title)])
    guard let debrief = state.trainingDebrief else {
      lines.append(StyledLine(TrainingChrome.debriefUnavailable(language), .error))
      return lines
    }
    let score = TrainingChrome.debriefScore(language, "\(debrief.matchingRows)", "\(debrief.rows.count)")
    let path = (debrief.pathMatches ? TrainingChrome.debriefPathSame : .debriefPathDifferent)(language)
    let stepsMatch = debrief.pathMatches && debrief.matchingRows == debrief.rows.count
    lines += StyledLine.wrapped(score + " · " + path, width: width, prefix: [mark(stepsMatch)])
    if !debrief.groupFinished {
      lines += StyledLine.wrapped(
        TrainingChrome.debriefUnfinished(language), width: width, style: .error, prefix: [mark(false)])
    } else if debrief.allMatch {
      lines.append(StyledLine([mark(true), Span(TrainingChrome.debriefAllMatch(language), .success)]))
    }
    lines.append(.empty)
    lines.append(StyledLine(TrainingChrome.debriefSteps(language), .title))
    for (index, row) in debrief.rows.enumerated() {
      lines += stepRow(row, number: index + 1, revealed: training.revealed.contains(row.stepID), width: width)
      lines += gap
    }
    lines.append(.empty)
    lines += levelLines(debrief.level, width: width)
    lines += gap
    lines.append(.empty)
    lines.append(StyledLine(TrainingChrome.debriefDispositions(language), .title))
    for item in debrief.dispositions {
      let note = item.matches ? nil : (item.expected ? TrainingChrome.debriefMissing : .debriefExtra)(language)
      lines += itemLine(item.matches, item.title, note: note, width: width)
    }
    lines += gap
    lines.append(.empty)
    lines.append(StyledLine(TrainingChrome.debriefContacts(language), .title))
    if debrief.contacts.isEmpty { lines.append(StyledLine("  " + TrainingChrome.debriefNoContacts(language), .faint)) }
    for item in debrief.contacts {
      lines += itemLine(
        item.matches, item.title, note: item.matches ? nil : TrainingChrome.debriefContactMissing(language),
        width: width)
    }
    if debrief.otherContacts > 0 {
      lines.append(StyledLine("  " + TrainingChrome.debriefOtherContacts(language, "\(debrief.otherContacts)"), .faint))
    }
    lines += gap
    lines.append(.empty)
    lines.append(StyledLine(TrainingChrome.debriefPoints(language), .title))
    if let text = debrief.text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      lines += paragraphs(text, width: width, indent: "  ")
    } else {
      lines.append(StyledLine("  " + TrainingChrome.debriefNoText(language), .faint))
    }
    return lines
  }

  /// ✓ in green or ✗ in red: the symbol says it without colour.
  private func mark(_ ok: Bool) -> Span {
    ok ? Span("✓ ", .success) : Span("✗ ", .error)
  }

  private func stepRow(_ row: TrainingDebrief.StepRow, number: Int, revealed: Bool, width: Int) -> [StyledLine] {
    let numberText = "\(number)".padding(toLength: 3, withPad: " ", startingAt: 0)
    let question = row.kind == .outcome ? TrainingChrome.debriefOutcome(language, row.question) : row.question
    var lines = StyledLine.wrapped(
      question, width: width, prefix: [mark(row.matches), Span(numberText, .faint)], indent: 5)
    let group = TrainingText.answer(row.groupAnswer, label: row.groupLabel, kind: row.kind, language)
    let expected = TrainingText.answer(row.referenceAnswer, label: row.referenceLabel, kind: row.kind, language)
    let groupWord = TrainingChrome.debriefGroup(language)
    let referenceWord = TrainingChrome.debriefReference(language)
    var parts: [String] = []
    switch row.presence {
    case .both where row.kind.asksQuestion:
      parts.append("\(groupWord) : \(group ?? TrainingChrome.debriefNoAnswer(language))")
      parts.append("\(referenceWord) : \(expected ?? TrainingChrome.debriefNoAnswer(language))")
    case .both:
      parts.append(TrainingChrome.debriefPassed(language))
    case .referenceOnly:
      parts.append(TrainingChrome.debriefNotReached(language))
      if let expected { parts.append("\(referenceWord) : \(expected)") }
    case .groupOnly:
      parts.append(TrainingChrome.debriefOffPath(language))
      if let group { parts.append("\(groupWord) : \(group)") }
    }
    var notes: [String] = []
    if row.referenceCorrected { notes.append(TrainingChrome.debriefCorrected(language)) }
    if revealed { notes.append(TrainingChrome.debriefRevealed(language)) }
    if language == .en { parts = parts.map { $0.replacingOccurrences(of: " : ", with: ": ") } }
    var detail = StyledLine.wrapped(parts.joined(separator: " · "), width: width, prefix: [Span("     ")])
    if !notes.isEmpty {
      let noteText = "(" + notes.joined(separator: ", ") + ")"
      if let last = detail.last,
        last.spans.reduce(0, { $0 + CharacterWidth.of($1.text) }) + 1 + CharacterWidth.of(noteText) <= width
      {
        detail[detail.count - 1].spans.append(Span(" " + noteText, .faint))
      } else {
        detail += StyledLine.wrapped(noteText, width: width, style: .faint, prefix: [Span("     ")])
      }
    }
    lines += detail
    return lines
  }

  private func levelLines(_ level: TrainingDebrief.LevelComparison, width: Int) -> [StyledLine] {
    let expected = level.expected.map { LevelNames.label($0, language) } ?? Chrome.levelNone(language)
    let actual = level.actual.map { LevelNames.label($0, language) } ?? Chrome.levelNone(language)
    var text =
      TrainingChrome.debriefExpected(language, expected) + " · " + TrainingChrome.debriefObtained(language, actual)
    if let raise = level.raise { text += " (" + TrainingChrome.debriefRaised(language, raise.reason) + ")" }
    return StyledLine.wrapped(
      text, width: width, prefix: [mark(level.matches), Span(TrainingChrome.debriefLevel(language) + " — ", .title)],
      indent: 2)
  }

  private func itemLine(_ ok: Bool, _ title: String, note: String?, width: Int) -> [StyledLine] {
    var lines = StyledLine.wrapped(title, width: width, prefix: [Span("  "), mark(ok)], indent: 4)
    if let note { lines += StyledLine.wrapped(note, width: width, style: .faint, prefix: [Span("    ")]) }
    return lines
  }

  // MARK: Export

  /// The debrief as plain text for `e` (handed out after the session): title, time of the
  /// call, the comparison and the debrief text.
  var exportText: String {
    guard let training = state.training else { return "" }
    var plain = self
    plain.presenter = false
    var out = ["Repère — " + TrainingChrome.headerTitle(language, training.reference.scenario.title)]
    out.append(TrainingChrome.vignetteClock(language, TrainingText.clock(training.reference.now, language)))
    out.append("")
    out += plain.debrief(training, width: 100).map { line in
      var text = line.spans.map(\.text).joined()
      while text.last == " " { text.removeLast() }
      return text
    }
    return out.map { TerminalText.sanitized($0) }.joined(separator: "\n") + "\n"
  }
}
