import RepereBase

/// The plain-mode texts, built from the same line builders as the screens where they fit.
enum PlainText {
  /// Lines as plain text; a tag (EXEMPLE), shown in colour on screen, is written in brackets.
  static func text(_ lines: [StyledLine]) -> [String] {
    lines.map { line in
      var text = line.spans.map {
        $0.style == .tag ? "[" + $0.text.trimmingCharacters(in: .whitespaces) + "]" : $0.text
      }
      .joined()
      while text.last == " " { text.removeLast() }
      return text
    }
  }

  static func question(_ state: AppState) -> [String] {
    guard let step = state.displayedStep else { return [] }
    let language = state.language
    var lines: [String] = []
    let heading = state.editingStepID == nil ? state.heading(for: step) : Chrome.changeTitle(language)
    lines.append(heading + " — " + TerminalText.sanitized(step.text))
    let options = state.choices(for: step)
    for (index, option) in options.enumerated() {
      let tick = step.kind == .multi ? (state.question.ticked.contains(option.value) ? "[x] " : "[ ] ") : ""
      lines.append("  \(tick)\(index + 1). " + TerminalText.sanitized(option.label))
    }
    if step.allowsUnknown {
      lines.append((step.takesTypedInput ? "  :0 " : "  0. ") + Chrome.unknownOption(language))
    }
    switch step.kind {
    case .multi: lines.append(Chrome.plainMultiHint(language))
    case .number:
      var hint = Chrome.hintNumber(language)
      if let minimum = step.minimum, let maximum = step.maximum {
        hint +=
          " (" + Chrome.hintRange(language, NumberText.format(minimum), NumberText.format(maximum))
          + (step.unit.map { " " + TerminalText.sanitized($0) } ?? "") + ")"
      }
      lines.append(hint)
    case .place: lines.append(Chrome.hintPlace(language))
    case .text: lines.append(Chrome.hintText(language))
    case .info: lines.append(Chrome.hintInfo(language))
    default: break
    }
    return lines
  }

  static func orientation(_ state: AppState) -> [String] {
    var copy = state
    copy.orientation.selection = -1
    return text(OrientationScreen(state: copy).lines.all)
  }

  static func searchResults(_ state: AppState) -> [String] {
    let language = state.language
    guard state.services.directory != nil else { return [Chrome.directoryUnavailable(language)] }
    guard !state.search.results.isEmpty else { return [Chrome.searchNoResults(language)] }
    var lines: [String] = []
    for (index, result) in state.search.results.prefix(20).enumerated() {
      let open: String =
        switch result.openNow {
        case .some(true): Chrome.openNow(language)
        case .some(false): Chrome.closedNow(language)
        case .none: Chrome.hoursUnknown(language)
        }
      let tag = result.isExample ? " [\(Chrome.exampleTag(language))]" : ""
      lines.append(
        "  \(index + 1). " + TerminalText.sanitized(result.name) + tag + " — " + TerminalText.sanitized(result.subtitle)
          + " · " + open)
    }
    lines.append(Chrome.plainRecordUsage(language))
    return lines
  }

  static func detail(_ state: AppState) -> [String] {
    guard case .detail(let id, let reason, _) = state.overlays.last else { return [] }
    return text(OverlayScreens(state: state).detail(id: id, reason: reason))
  }

  static func changeList(_ state: AppState) -> [String] {
    var lines = [Chrome.plainChangeUsage(state.language)]
    for (index, entry) in state.walk.path.enumerated() {
      lines.append("  \(index + 1). " + TerminalText.sanitized(entry.question + " — " + entry.answer))
    }
    return lines
  }

  static func levelChoices(_ state: AppState) -> [String] {
    let language = state.language
    let levels = state.higherLevels
    guard !levels.isEmpty else { return [Chrome.raiseAlreadyHighest(language)] }
    var lines = [Chrome.plainLevelUsage(language)]
    for (index, level) in levels.enumerated() {
      lines.append("  \(index + 1). " + LevelNames.label(level.id, language))
    }
    return lines
  }

  static func help(_ state: AppState) -> [String] {
    var lines: [String] = []
    if let step = state.displayedStep, let help = step.help {
      lines.append(Chrome.helpQuestion(state.language) + " : " + TerminalText.sanitized(help, keepNewlines: true))
    }
    lines += Chrome.plainCommands(state.language).split(separator: "\n").map(String.init)
    return lines
  }

  /// One line saying what this screen accepts, for a line that was refused: never the whole
  /// question or orientation again (issue 12, point 10). `command` is a mistyped « :xyz ».
  static func refusal(_ state: AppState, command: String? = nil) -> String {
    let language = state.language
    let accepted: String
    if state.screen == .question, let step = state.displayedStep, step.kind != .multi {
      accepted = Chrome.plainRefusedNumber(language, String(state.choices(for: step).count))
    } else if state.screen == .question || state.screen == .typedQuestion || state.screen == .placeChoice {
      accepted = Chrome.plainNotUnderstood(language)
    } else {
      accepted = Chrome.plainAfterOrientation(language)
    }
    if let command { return Chrome.plainUnknownCommand(language, TerminalText.sanitized(command), accepted) }
    return state.screen == .question || state.screen == .typedQuestion || state.screen == .placeChoice
      ? accepted : Chrome.plainRefusedHere(language, accepted)
  }
}
