import RepereBase

/// The orientation: each disposition (level, timeframe, what to do, sources) and its contacts
/// resolved in the directory (name, phone, why chosen, open now). ↑↓ pick a contact.
struct OrientationScreen {
  let state: AppState
  var language: Language { state.language }
  var frame: Frame { Frame(size: state.size) }

  var lines: (all: [StyledLine], focus: Int?) {
    let layout = self.layout
    return (
      layout.lines,
      layout.contactLines.indices.contains(state.orientation.selection)
        ? layout.contactLines[state.orientation.selection].lowerBound : nil
    )
  }

  /// The orientation's lines and, for each contact in order, the lines it takes.
  struct Layout {
    var lines: [StyledLine]
    var contactLines: [Range<Int>]
  }

  var layout: Layout {
    let width = frame.fullWidth
    var lines: [StyledLine] = []
    var title = [Span(Chrome.orientationTitle(language), .title)]
    if !state.walk.isFinished { title.append(Span("  " + Chrome.orientationProvisional(language), .faint)) }
    lines.append(StyledLine(title))
    if let reason = state.walk.raisedReason, let level = state.walk.level {
      lines += StyledLine.wrapped(
        Chrome.orientationLevel(language, LevelNames.label(level.id, language)) + " — " + reason, width: width,
        style: .faint)
    }
    lines.append(.empty)
    if state.walk.dispositions.isEmpty {
      lines.append(StyledLine(Chrome.orientationNone(language), .faint))
    }
    var contactRanges: [Range<Int>] = []
    var contactIndex = 0
    for disposition in state.walk.dispositions {
      var heading = [
        Span(" " + LevelNames.label(disposition.level.id, language) + " ", .badge(rank: disposition.level.rank))
      ]
      heading.append(Span(" "))
      let titleLines = StyledLine.wrapped(disposition.title, width: width, style: .title, prefix: heading, indent: 2)
      lines += titleLines
      if let timeframe = disposition.timeframe {
        lines.append(StyledLine([Span("  "), Span(TerminalText.sanitized(timeframe), .underline)]))
      }
      if let text = disposition.text {
        lines += StyledLine.wrapped(text, width: width, prefix: [Span("  ")])
      }
      if !disposition.actions.isEmpty {
        lines.append(StyledLine("  " + Chrome.orientationActions(language), .title))
        for action in disposition.actions {
          lines += StyledLine.wrapped(action, width: width, prefix: [Span("   • ")])
        }
      }
      if !disposition.sources.isEmpty {
        lines += StyledLine.wrapped(
          disposition.sources.joined(separator: " ; "), width: width, style: .faint,
          prefix: [Span("  " + Chrome.orientationWhy(language) + " : ", .faint)])
      }
      lines.append(StyledLine("  " + Chrome.orientationContacts(language), .title))
      let matches = state.contacts[disposition.code] ?? []
      // Queries that found nothing say so one by one below; this line is for the rest.
      if matches.isEmpty, state.services.contacts == nil || disposition.contacts.isEmpty {
        lines.append(
          StyledLine(
            "   " + (state.services.contacts == nil ? Chrome.directoryUnavailable : .orientationNoContact)(language),
            .faint))
      }
      for match in matches {
        let selected = contactIndex == state.orientation.selection
        let start = lines.count
        lines += contactLines(match, selected: selected, width: width, tag: contactIndex)
        contactRanges.append(start..<lines.count)
        contactIndex += 1
      }
      for label in state.unmatchedQueryLabels(disposition.code) {
        lines += StyledLine.wrapped(
          "⚠ " + nothingFound(TerminalText.sanitized(label)), width: width, style: .faint, prefix: [Span("    ")],
          indent: 6)
      }
      lines.append(.empty)
    }
    lines += pathSummary(width: width)
    lines += followUpsSummary(width: width)
    return Layout(lines: lines, contactLines: contactRanges)
  }

  /// « Aucune structure « Parquet » répertoriée pour le 27 (à compléter dans l'annuaire local) »;
  /// without a place the place is what is missing, and the key to give it is said.
  private func nothingFound(_ label: String) -> String {
    guard let departement = state.walk.place?.departement else {
      let key = ActionTable.spec(.setPlace)?.keyLabel(on: .orientation, language) ?? "p"
      return Chrome.orientationQueryEmptyNational(language, label, key)
    }
    return Chrome.orientationQueryEmpty(language, label, TerminalText.sanitized(departement))
  }

  /// The « suites données » recorded so far (`s`), last (where End lands).
  private func followUpsSummary(width: Int) -> [StyledLine] {
    guard !state.followUps.isEmpty else { return [] }
    var lines = [StyledLine.empty, StyledLine(Chrome.followUpsTitle(language), .title)]
    for followUp in state.followUps {
      lines += StyledLine.wrapped(TerminalText.sanitized(followUp.summary), width: width, prefix: [Span("  • ")])
    }
    return lines
  }

  /// The answers that led here, and those set aside by a change, after the contacts.
  private func pathSummary(width: Int) -> [StyledLine] {
    var lines: [StyledLine] = []
    if !state.walk.path.isEmpty {
      lines.append(StyledLine(Chrome.pathTitle(language), .title))
      for (index, entry) in state.walk.path.enumerated() {
        let mark = entry.changed ? " (" + Chrome.changedMark(language) + ")" : ""
        lines += StyledLine.wrapped(
          entry.question + " — " + entry.answer + mark, width: width,
          prefix: [Span("  "), Span(TextLayout.pad("\(index + 1)", width: 3), .faint)])
      }
    }
    if !state.walk.setAside.isEmpty {
      lines.append(StyledLine(Chrome.setAsideTitle(language), .title))
      for entry in state.walk.setAside {
        lines += StyledLine.wrapped(
          entry.question + " — " + entry.answer, width: width, style: .faint, prefix: [Span("  ~  ", .faint)])
      }
    }
    return lines
  }

  /// Name (and EXEMPLE tag), then phone and whether it is open now, then why it was chosen.
  private func contactLines(_ match: ContactMatch, selected: Bool, width: Int, tag: Int) -> [StyledLine] {
    let detail = state.services.directory?.detail(match.structureID, now: state.now)
    var name = StyledLine.wrapped(
      match.name, width: width, style: .title, prefix: [Span(selected ? "  › " : "    ", .title)],
      highlight: selected ? .selected : nil, tag: tag)
    if detail?.isExample == true, let last = name.indices.last {
      name[last].spans += [Span("  "), Span(" " + Chrome.exampleTag(language) + " ", .tag)]
    }
    var facts: [Span] = [Span("      ")]
    // Closed now but with an on-call line (« permanence »): that number, and say it is reachable.
    let onCall = match.openNow == false ? detail?.onCallPhone : nil
    if let phone = onCall ?? detail?.phones.first {
      facts.append(Span(TerminalText.sanitized(phone.number), .title))
      facts.append(Span(" · "))
    }
    facts.append(OpenLabel.span(match.openNow, language, onCall: onCall != nil))
    return name + [StyledLine(facts)]
      + StyledLine.wrapped(match.reason, width: width, style: .faint, prefix: [Span("      ")])
  }

  func draw(into grid: inout CellGrid) {
    let all = layout.lines
    // The scroll position is the state's (update keeps the chosen contact in view); clamped
    // here for a terminal resized since.
    let first = max(0, min(state.orientation.scroll, all.count - frame.bodyHeight))
    grid.draw(all, x: frame.fullX, y: frame.bodyTop, width: frame.fullWidth, height: frame.bodyHeight, first: first)
  }
}

/// « ouvert maintenant », « fermé maintenant », « horaires : à vérifier ».
enum OpenLabel {
  /// `onCall`: closed now, but an on-call line answers (« fermé maintenant · permanence joignable »).
  static func span(_ open: Bool?, _ language: Language, onCall: Bool = false) -> Span {
    switch open {
    case .some(false) where onCall: Span(Chrome.closedOnCall(language), .success)
    case .some(true): Span(Chrome.openNow(language), .success)
    case .some(false): Span(Chrome.closedNow(language), CellStyle(foreground: .red))
    case .none: Span(Chrome.hoursUnknown(language), .faint)
    }
  }
}
