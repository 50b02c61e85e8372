import Foundation
import RepereBase

/// Draws an `AppState` into a `CellGrid`. Pure: the same state gives the same grid.
struct Renderer {
  let state: AppState
  var language: Language { state.language }
  var frame: Frame { Frame(size: state.size) }

  func render() -> CellGrid {
    var grid = CellGrid(size: state.size)
    if state.idleLock?.locked == true {
      drawIdleLock(into: &grid)
      return grid
    }
    guard state.size.fitsMinimum else {
      drawTooSmall(into: &grid)
      return grid
    }
    let drawing = state.screen.role.drawing
    // Modals are boxes over the screen below them, whatever it is.
    if case .modal(let wide, let lines) = drawing { return renderModal(wide: wide, lines: lines) }
    drawHeader(into: &grid)
    let question = QuestionLayout(state: state)
    let split = if case .question = drawing { !question.wide } else { false }
    drawRules(into: &grid, split: split)
    switch drawing {
    case .question:
      question.draw(into: &grid)
      if !question.wide { PathPane(state: state).draw(into: &grid) }
    case .orientation:
      OrientationScreen(state: state).draw(into: &grid)
    case .training:
      TrainingScreens(state: state).draw(into: &grid)
    case .window(let content):
      let screens = OverlayScreens(state: state)
      screens.draw(content(screens), into: &grid)
    case .modal:
      break
    }
    drawStatus(into: &grid)
    drawFooter(into: &grid)
    return grid
  }

  /// The only thing drawn below 80×24: what to do about it, centred, down to 1×1.
  func drawTooSmall(into grid: inout CellGrid) {
    let width = grid.columns
    var lines = TextLayout.wrap(Chrome.tooSmall(language), width: width)
    let current = Chrome.tooSmallCurrent(language, state.size.description)
    if lines.count + 2 <= grid.rows { lines += [""] + TextLayout.wrap(current, width: width) }
    let top = max(0, (grid.rows - lines.count) / 2)
    for (offset, line) in lines.prefix(grid.rows).enumerated() {
      let x = max(0, (width - CharacterWidth.of(line)) / 2)
      grid.put(line, x: x, y: top + offset, style: offset == 0 ? .title : .plain)
    }
  }

  func drawHeader(into grid: inout CellGrid) {
    let walk = state.walk
    var right: [Span] = []
    let place = walk.place.map { TerminalText.sanitized($0.label) } ?? Chrome.placeNone(language)
    right.append(Span(TextLayout.truncate(place, width: 28), walk.place == nil ? .faint : .plain))
    right.append(Span("  "))
    if let level = walk.headerLevel, !walk.isFinished {
      // During the questions the level is a floor, not a verdict: « ≥ » the level the answers
      // so far already imply (looking ahead at every ending still possible), said provisional.
      right.append(Span(Chrome.levelProvisional(language), .faint))
      right.append(Span(" ≥ \(LevelNames.label(level.id, language)) ", .badge(rank: level.rank)))
    } else if let level = walk.level {
      right.append(Span(" \(LevelNames.label(level.id, language)) ", .badge(rank: level.rank)))
    } else {
      right.append(Span(" \(Chrome.levelNone(language)) ", .reverse))
    }
    if state.showsTimer {
      right.append(Span("  "))
      right.append(Span(Self.timer(from: state.openedAt, to: state.now), .title))
    }
    right.append(Span(" "))
    let rightWidth = right.reduce(0) { $0 + CharacterWidth.of($1.text) }
    let leftWidth = max(0, grid.columns - rightWidth - 2)
    let protocolTitle = TerminalText.sanitized("\(walk.protocolTitle) · v\(walk.protocolVersion)")
    // Fictional records in the bundle: said first, so truncation never hides it.
    let demonstration = state.services.demonstrationData ? Chrome.demonstrationData(language) + " · " : ""
    let title = demonstration + (state.training?.headerTitle(language) ?? protocolTitle)
    grid.put(" " + Chrome.appName(language), x: 0, y: frame.headerRow, style: .title)
    let nameWidth = CharacterWidth.of(Chrome.appName(language)) + 2
    grid.put(
      " · " + TextLayout.truncate(title, width: max(1, leftWidth - nameWidth - 3)), x: nameWidth - 1,
      y: frame.headerRow, style: .plain, maxWidth: leftWidth - nameWidth)
    grid.draw(StyledLine(right), x: grid.columns - rightWidth, y: frame.headerRow, width: rightWidth)
  }

  func drawRules(into grid: inout CellGrid, split: Bool) {
    let line = String(repeating: "─", count: grid.columns)
    grid.put(line, x: 0, y: frame.topRuleRow, style: .rule)
    grid.put(line, x: 0, y: frame.bottomRuleRow, style: .rule)
    guard split else { return }
    grid.put("┬", x: frame.dividerColumn, y: frame.topRuleRow, style: .rule)
    grid.put("┴", x: frame.dividerColumn, y: frame.bottomRuleRow, style: .rule)
    for row in frame.bodyTop..<(frame.bodyTop + frame.bodyHeight) {
      grid.put("│", x: frame.dividerColumn, y: row, style: .rule)
    }
  }

  func drawStatus(into grid: inout CellGrid) {
    var journal: Span
    if state.journalError != nil {
      let badge =
        state.journalUnsaved > 0
        ? Chrome.journalUnsavedBadge(language, String(state.journalUnsaved)) : Chrome.journalBadge(language)
      journal = Span(
        " " + badge + " ",
        CellStyle(foreground: .white, background: .red, bold: true))
    } else if state.journalPending > 0 {
      journal = Span(Chrome.saving(language), .faint)
    } else if state.lastSaved != nil {
      journal = Span("✔ " + Chrome.saved(language), .success)
    } else {
      journal = Span("")
    }
    let journalWidth = CharacterWidth.of(journal.text)
    if let status = state.status {
      let style: CellStyle =
        switch status.kind {
        case .error: .error
        case .success: .success
        case .info: .plain
        }
      let width = grid.columns - journalWidth - 2
      grid.put(" " + status.fitted(width: width - 1), x: 0, y: frame.statusRow, style: style, maxWidth: width)
    } else if let warning = state.walk.validityWarning {
      grid.put(
        " " + Chrome.validityWarning(language, TerminalText.sanitized(warning)), x: 0, y: frame.statusRow,
        style: .error, maxWidth: grid.columns - journalWidth - 2)
    }
    grid.put(journal.text, x: grid.columns - journalWidth - 1, y: frame.statusRow, style: journal.style)
  }

  /// The keys of the screen, from the action table, flowed over two lines.
  func drawFooter(into grid: inout CellGrid) {
    let screen = state.screen
    var row = 0
    var column = 1
    for spec in ActionTable.footer(on: screen) where state.allows(spec.id, on: screen) {
      let key = spec.keyLabel(on: screen, language)
      let label = spec.label(language)
      let width = CharacterWidth.of(key) + 1 + CharacterWidth.of(label) + 2
      if column + width > grid.columns {
        row += 1
        column = 1
        if row >= frame.footerRows.count { break }
      }
      let y = frame.footerRows[row]
      column += grid.put(key, x: column, y: y, style: .key)
      column += grid.put(" " + label + "  ", x: column, y: y)
    }
  }

  /// A modal (quit confirmation, reason for a change) drawn as a box over the screen under it;
  /// the status line and the footer are the modal's own, so only its keys are listed.
  func renderModal(wide: Bool, lines: (ModalBox, Int) -> [StyledLine]) -> CellGrid {
    var base = state
    base.overlays.removeLast()
    var grid = Renderer(state: base).render()
    let box = ModalBox(state: state)
    box.draw(into: &grid, frame: frame, wide: wide, content: lines)
    for row in [frame.statusRow] + frame.footerRows { grid.fill(x: 0, y: row, width: grid.columns, style: .plain) }
    drawStatus(into: &grid)
    drawFooter(into: &grid)
    return grid
  }

  /// « 03:12 » — minutes and seconds since the case opened (hours added past 100 minutes).
  static func timer(from start: Date, to now: Date) -> String {
    let seconds = max(0, Int(now.timeIntervalSince(start)))
    if seconds >= 6000 {
      return String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
    return String(format: "%02d:%02d", seconds / 60, seconds % 60)
  }
}

/// A framed, cleared rectangle.
enum Box {
  static func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
    guard width >= 2, height >= 2 else { return }
    grid.fill(x: x, y: y, width: width, height: height, style: .plain)
    let horizontal = String(repeating: "─", count: width - 2)
    grid.put("┌" + horizontal + "┐", x: x, y: y, style: .title)
    grid.put("└" + horizontal + "┘", x: x, y: y + height - 1, style: .title)
    for row in (y + 1)..<(y + height - 1) {
      grid.put("│", x: x, y: row, style: .title)
      grid.put("│", x: x + width - 1, y: row, style: .title)
    }
  }
}
