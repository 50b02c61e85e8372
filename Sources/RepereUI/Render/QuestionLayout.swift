import RepereBase

/// The question area: counter, question, numbered options (or the input line), hints. Built
/// once as lines so drawing and mouse hit-testing agree on where each option is.
struct QuestionLayout {
  let state: AppState
  var language: Language { state.language }
  var frame: Frame { Frame(size: state.size) }
  /// A grouped checklist takes the full width (no path pane): one option a line, readable.
  var wide: Bool { state.checklistGroups != nil }
  var x: Int { wide ? frame.fullX : frame.mainX }
  var width: Int { wide ? frame.fullWidth : frame.mainWidth }

  /// The visible lines and the index of the first one shown.
  var lines: (all: [StyledLine], first: Int) {
    guard let step = state.displayedStep else { return ([], 0) }
    var lines: [StyledLine] = []
    if state.editingStepID != nil {
      lines.append(StyledLine([Span(" " + Chrome.changingBanner(language) + " ", .reverse)]))
    } else {
      lines.append(StyledLine(state.heading(for: step), .faint))
    }
    lines.append(.empty)
    lines += StyledLine.wrapped(step.text, width: width, style: .title)
    lines.append(.empty)
    var focus: Int?
    if step.takesTypedInput {
      lines += inputLines(step, width: width)
    } else if let groups = state.checklistGroups {
      let (grouped, selectedLine) = groupedLines(step, groups: groups)
      focus = selectedLine.map { lines.count + $0 }
      lines += grouped
    } else {
      let options = state.choices(for: step)
      for (index, option) in options.enumerated() {
        let selected = index == state.question.cursor.index
        if selected { focus = lines.count }
        lines += optionLines(step, option: option, number: index + 1, selected: selected, width: width, tag: index)
        if state.training?.presenter == true { lines.append(.empty) }
      }
      if step.allowsUnknown {
        let selected = state.question.cursor.index == options.count
        if selected { focus = lines.count }
        let label = OptionView(value: "unknown", label: Chrome.unknownOption(language))
        lines += optionLines(step, option: label, number: 0, selected: selected, width: width, tag: options.count)
      }
      if state.question.cursor.index < options.count, let help = options[state.question.cursor.index].help {
        lines.append(.empty)
        lines += StyledLine.wrapped(help, width: width, style: .faint, prefix: [Span("ℹ ", .faint)])
      }
      lines.append(.empty)
      let hint: Chrome =
        switch step.kind {
        case .multi: .hintMulti
        case .info: .hintInfo
        default: .hintChoice
        }
      if let digit = state.question.pendingDigit {
        lines.append(StyledLine([Span(Chrome.secondDigit(language, String(digit)), .title)]))
      } else {
        lines.append(StyledLine(Chrome.hint(hint, language), .faint))
      }
    }
    if step.help != nil {
      lines.append(StyledLine((step.takesTypedInput ? Chrome.helpAvailableTyping : .helpAvailable)(language), .faint))
    }
    let first = scrollOffset(focus: focus.map { $0 + 1 }, count: lines.count, height: frame.bodyHeight)
    return (lines, first)
  }

  /// A long checklist: the group on screen, one line per option numbered from 1, the options
  /// ticked in other groups, the highlighted option in full. Returns the highlighted line.
  private func groupedLines(_ step: StepView, groups: [Range<Int>]) -> ([StyledLine], Int?) {
    let options = state.choices(for: step)
    let groupIndex = state.checklistGroupIndex
    let group = groups[groupIndex]
    var lines: [StyledLine] = []
    lines.append(
      StyledLine(
        Chrome.checklistGroup(
          language, String(groupIndex + 1), String(groups.count), String(group.lowerBound + 1),
          String(group.upperBound),
          String(options.count)), .faint))
    var focus: Int?
    for index in group {
      let selected = index == state.question.cursor.index
      if selected { focus = lines.count }
      let line = optionLines(
        step, option: options[index], number: index - group.lowerBound + 1, selected: selected, width: width,
        tag: index, truncate: true)
      lines += line
    }
    if step.allowsUnknown {
      let selected = state.question.cursor.index == options.count
      if selected { focus = lines.count }
      let label = OptionView(value: "unknown", label: Chrome.unknownOption(language))
      lines += optionLines(step, option: label, number: 0, selected: selected, width: width, tag: options.count)
    }
    let elsewhere = options.indices.filter { !group.contains($0) && state.question.ticked.contains(options[$0].value) }
    if !elsewhere.isEmpty {
      let labels = elsewhere.map { TextLayout.truncate(options[$0].label, width: 24) }.joined(separator: " ; ")
      lines.append(
        StyledLine(TextLayout.truncate(Chrome.checklistOtherTicked(language, labels), width: width), .faint))
    }
    if state.question.cursor.index < options.count {
      // The highlighted option in full when its line was cut, and its help.
      let option = options[state.question.cursor.index]
      if CharacterWidth.of(TerminalText.sanitized(option.label)) > width - 9 {
        lines += StyledLine.wrapped(option.label, width: width, style: .faint, prefix: [Span("› ", .faint)])
      }
      if let help = option.help {
        lines += StyledLine.wrapped(help, width: width, style: .faint, prefix: [Span("ℹ ", .faint)])
      }
    }
    lines.append(StyledLine(Chrome.hintMultiGroups(language), .faint))
    return (lines, focus)
  }

  private func optionLines(
    _ step: StepView, option: OptionView, number: Int, selected: Bool, width: Int, tag: Int, truncate: Bool = false
  ) -> [StyledLine] {
    var prefix: [Span] = [Span(selected ? "› " : "  ", .title)]
    if step.kind == .multi {
      prefix.append(Span(state.question.ticked.contains(option.value) ? "[x] " : "[ ] ", .title))
    }
    prefix.append(Span("\(number)", .title))
    prefix.append(Span("  "))
    let prefixWidth = prefix.reduce(0) { $0 + CharacterWidth.of($1.text) }
    let label = truncate ? TextLayout.truncate(option.label, width: max(1, width - prefixWidth)) : option.label
    return StyledLine.wrapped(label, width: width, prefix: prefix, highlight: selected ? .selected : nil, tag: tag)
  }

  private func inputLines(_ step: StepView, width: Int) -> [StyledLine] {
    var lines: [StyledLine] = []
    let shown = TextLayout.truncate(TerminalText.sanitized(state.question.input.text), width: max(1, width - 6))
    var spans = [Span("> ", .title), Span(shown, .underline), Span(" ", .reverse)]
    if let unit = step.unit { spans.append(Span("  " + TerminalText.sanitized(unit), .faint)) }
    lines.append(StyledLine(spans))
    lines.append(.empty)
    var hint: String
    switch step.kind {
    case .number:
      hint = Chrome.hintNumber(language)
      if let minimum = step.minimum, let maximum = step.maximum {
        hint += " (" + Chrome.hintRange(language, NumberText.format(minimum), NumberText.format(maximum)) + ")"
      }
    case .place: hint = Chrome.hintPlace(language)
    default: hint = Chrome.hintText(language)
    }
    lines += StyledLine.wrapped(hint, width: width, style: .faint)
    if step.allowsUnknown {
      lines.append(StyledLine("F9  " + Chrome.unknownOption(language), .faint))
    }
    return lines
  }

  func draw(into grid: inout CellGrid) {
    let (all, first) = lines
    grid.draw(all, x: x, y: frame.bodyTop, width: width, height: frame.bodyHeight, first: first)
  }

  /// The option drawn at a screen cell (for mouse clicks).
  func option(atRow y: Int, column x: Int) -> Int? {
    guard x >= self.x, x < self.x + width else { return nil }
    let (all, first) = lines
    let index = first + (y - frame.bodyTop)
    guard y >= frame.bodyTop, y < frame.bodyTop + frame.bodyHeight, index < all.count else { return nil }
    return all[index].tag
  }
}

extension Chrome {
  static func hint(_ key: Chrome, _ language: Language) -> String { key(language) }
}
