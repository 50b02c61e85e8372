import RepereBase

/// The box of a modal drawn over the screen below it: the quit confirmation, the optional
/// reason for a changed answer, or the place being typed.
struct ModalBox {
  let state: AppState
  var language: Language { state.language }

  /// The box's width for `columns`: a wide box 76 columns, another its widest line plus margins,
  /// at most the screen less four.
  func width(columns: Int, wide: Bool, lines: (ModalBox, Int) -> [StyledLine]) -> Int {
    if wide { return min(columns - 4, 76) }
    let widest = lines(self, columns).map { CharacterWidth.of($0.spans.map(\.text).joined()) }.max() ?? 0
    return min(columns - 4, widest + 6)
  }

  var quitLines: [StyledLine] {
    // Never « stays recorded » while records failed to be written.
    let body =
      state.training != nil
      ? TrainingChrome.quitBody(language)
      : state.journalUnsaved > 0
        ? Chrome.quitUnsaved(language, String(state.journalUnsaved))
        : state.allows(.closeCase, on: .confirmQuit) ? Chrome.quitBodyFollowUp(language) : Chrome.quitBody(language)
    let ask =
      state.allows(.closeCase, on: .confirmQuit) ? Chrome.quitAskFollowUp(language) : Chrome.quitAsk(language)
    return [
      StyledLine(Chrome.quitTitle(language), .title), .empty, StyledLine(body), .empty, StyledLine(ask),
    ]
  }

  /// Title, the question, « old → new », the reason line being typed, and what Enter and Esc do.
  func changeReasonLines(width: Int) -> [StyledLine] {
    guard let change = state.change.pending else { return [] }
    var lines = [StyledLine(Chrome.changeReasonTitle(language), .title), .empty]
    let question = state.walker.step(change.stepID)?.text ?? change.stepID
    lines.append(StyledLine(TextLayout.truncate(TerminalText.sanitized(question), width: width), .faint))
    let from = TerminalText.sanitized(change.fromLabel)
    let to = TerminalText.sanitized(change.toLabel)
    let room = max(4, (width - 3) / 2)
    lines.append(
      StyledLine([
        Span(TextLayout.truncate(from, width: room), .faint), Span(" → "),
        Span(TextLayout.truncate(to, width: room), .title),
      ]))
    lines.append(.empty)
    let prompt = Chrome.changeReasonPrompt(language)
    let typed = TerminalText.sanitized(state.change.reason.text)
    // The end of a long reason stays in view.
    let typedRoom = max(1, width - CharacterWidth.of(prompt) - 1)
    let shown = TextLayout.tail(typed, width: typedRoom)
    lines.append(StyledLine([Span(prompt, .title), Span(shown, .underline), Span(" ", .reverse)]))
    lines.append(.empty)
    lines += StyledLine.wrapped(
      Chrome.changeReasonHint(language, RulesCaseWalker.defaultChangeReason), width: width, style: .faint)
    return lines
  }

  /// Title, the place known so far, the line being typed, and what Enter and Esc do.
  func placeEntryLines(width: Int) -> [StyledLine] {
    var lines = [StyledLine(Chrome.placeEntryTitle(language), .title), .empty]
    let current = state.walk.place.map { TerminalText.sanitized($0.label) } ?? Chrome.placeNone(language)
    lines.append(StyledLine(TextLayout.truncate(Chrome.placeEntryCurrent(language, current), width: width), .faint))
    lines.append(.empty)
    let prompt = Chrome.placeEntryPrompt(language)
    let typed = TerminalText.sanitized(state.placeEntry.line.text)
    let typedRoom = max(1, width - CharacterWidth.of(prompt) - 1)
    let shown = TextLayout.tail(typed, width: typedRoom)
    lines.append(StyledLine([Span(prompt, .title), Span(shown, .underline), Span(" ", .reverse)]))
    lines.append(.empty)
    lines += StyledLine.wrapped(Chrome.placeEntryHint(language), width: width, style: .faint)
    return lines
  }

  /// Title, the four fields (the one typed in shows the cursor), and what the keys do.
  func followUpLines(width: Int) -> [StyledLine] {
    var lines = [StyledLine(Chrome.followUpTitle(language), .title), .empty]
    let labels: [(FollowUpDraft.Field, Chrome)] = [
      (.contact, .followUpContact), (.when, .followUpWhen), (.reference, .followUpReference),
      (.outcome, .followUpOutcome),
    ]
    let labelWidth = labels.map { CharacterWidth.of($0.1(language)) }.max() ?? 0
    for (field, label) in labels {
      let typed = TerminalText.sanitized(state.followUpDraft[field].text)
      let room = max(1, width - labelWidth - 1)
      let shown = TextLayout.tail(typed, width: room)
      let active = state.followUpDraft.field == field
      var spans = [Span(TextLayout.pad(label(language), width: labelWidth), active ? .title : .faint)]
      spans.append(Span(shown, .underline))
      if active { spans.append(Span(" ", .reverse)) }
      lines.append(StyledLine(spans))
    }
    lines.append(.empty)
    lines += StyledLine.wrapped(Chrome.followUpHint(language), width: width, style: .faint)
    return lines
  }

  /// Draws the box of `lines` (given its inner width) centred over the body.
  func draw(into grid: inout CellGrid, frame: Frame, wide: Bool, content: (ModalBox, Int) -> [StyledLine]) {
    let width = width(columns: grid.columns, wide: wide, lines: content)
    let lines = content(self, width - 6)
    let height = min(lines.count + 2, frame.bodyHeight)
    let x = (grid.columns - width) / 2
    let y = frame.bodyTop + max(0, (frame.bodyHeight - height) / 2)
    Box.draw(into: &grid, x: x, y: y, width: width, height: height)
    grid.draw(Array(lines.prefix(height - 2)), x: x + 3, y: y + 1, width: width - 4, height: height - 2)
  }
}
