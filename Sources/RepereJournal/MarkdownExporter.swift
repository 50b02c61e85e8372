import RepereBase

/// The orientation summary a professional pastes into an information préoccupante, a
/// signalement or a case file, in French: when, which protocol, where, the answers in order,
/// what changed and why, the level and why, what to do and whom to call, the notes.
///
/// Plain Markdown that still reads well pasted as plain text (lists, no tables). It holds no
/// identity — the journal never has one — and says so, so the professional adds the child's
/// civil status and their own details in their own document.
public enum MarkdownExporter {
  /// Renders `record`; `exportedAt` is the export's time (injected, for the footer).
  public static func render(_ record: RecordedCase, exportedAt: JournalTimestamp) -> String {
    var out: [String] = []
    out.append("# Synthèse d'orientation — Repère")
    out.append("")
    if record.opening?.demonstrationData == true {
      out.append("> **\(DemonstrationData.banner)**")
      out.append("")
    }
    if record.opening?.training == true {
      out.append("> **Cas d'exercice (formation)** : ne pas transmettre.")
      out.append("")
    }
    out.append(contentsOf: header(record))
    out.append("")
    out.append(contentsOf: levelSection(record))
    out.append(contentsOf: answersSection(record))
    out.append(contentsOf: setAsideSection(record))
    out.append(contentsOf: changesSection(record))
    out.append(contentsOf: dispositionsSection(record))
    out.append(contentsOf: followUpsSection(record))
    out.append(contentsOf: notesSection(record))
    out.append(contentsOf: warningsSection(record))
    out.append("---")
    out.append("")
    out.append(
      "Synthèse établie le \(exportedAt.frenchDate) à \(exportedAt.frenchTime) par Repère"
        + "\(record.opening.map { " \($0.programVersion)" } ?? ""), à partir du journal du dossier. "
        + "Aide à l'orientation : elle ne remplace ni l'évaluation professionnelle ni les procédures de votre service. "
        + "Elle ne contient aucune donnée d'identité : complétez l'état civil du mineur et vos coordonnées dans "
        + "votre propre écrit.")
    return out.joined(separator: "\n") + "\n"
  }

  private static func header(_ record: RecordedCase) -> [String] {
    var lines: [String] = []
    if let start = record.startedAt {
      var when = "- **Date** : \(start.frenchDate), \(start.frenchTime)"
      if let last = record.end?.time ?? record.lastEventAt, last != start {
        when +=
          last.frenchDate == start.frenchDate ? " – \(last.frenchTime)" : " – \(last.frenchDate), \(last.frenchTime)"
      }
      lines.append(when + " (\(start.offsetLabel))")
    }
    lines.append("- **Dossier** : \(record.caseID) (identifiant aléatoire, sans lien avec la personne)")
    if let opening = record.opening {
      lines.append("- **Protocole** : \(describe(opening.protocolInForce))")
    }
    for change in record.protocolSwitches {
      var line = "- **Protocole appliqué ensuite** : \(describe(change.event.to))"
      if let reason = change.event.reason { line += " — \(inline(reason))" }
      lines.append(line)
    }
    if let place = record.place {
      lines.append("- **Lieu** : \(describePlace(place))")
    } else {
      lines.append("- **Lieu** : non renseigné")
    }
    if let level = record.level {
      lines.append("- **Niveau** : \(inline(LevelScale.label(level)))")
    } else {
      lines.append("- **Niveau** : pas encore déterminé")
    }
    if let end = record.end {
      let outcome = end.event.outcome == .completed ? "clos" : "abandonné"
      lines.append("- **État** : \(outcome) le \(end.time.frenchDate) à \(end.time.frenchTime)")
    } else {
      lines.append("- **État** : en cours (non clos)")
    }
    if let opening = record.opening {
      lines.append(
        "- **Données** : empreinte \(inline(String(opening.bundleHash.prefix(23)))) ; Repère \(inline(opening.programVersion))"
      )
    }
    return lines
  }

  private static func levelSection(_ record: RecordedCase) -> [String] {
    guard let level = record.level else { return [] }
    var lines = ["## Niveau retenu et pourquoi", ""]
    lines.append("**\(inline(LevelScale.label(level)))**")
    lines.append("")
    if let fromDispositions = record.dispositionLevel {
      let codes = record.dispositions.filter { $0.event.level == fromDispositions }.map { inline($0.event.title) }
      lines.append(
        "- Niveau des orientations retenues : \(inline(LevelScale.label(fromDispositions))) "
          + "(\(codes.joined(separator: " ; ")))")
    }
    for raise in record.levelRaises {
      let from = raise.event.from.map { "de « \(inline(LevelScale.shortLabel($0))) » " } ?? ""
      lines.append(
        "- Relevé \(from)à « \(inline(LevelScale.shortLabel(raise.event.to))) » à \(raise.time.frenchTime) "
          + "par le professionnel. "
          + "Motif : « \(inline(raise.event.reason)) »")
    }
    lines.append("")
    return lines
  }

  private static func answersSection(_ record: RecordedCase) -> [String] {
    var lines = ["## Réponses, dans l'ordre", ""]
    let answers = record.pathAnswers
    if answers.isEmpty { lines.append("Aucune réponse enregistrée.") }
    for (index, answer) in answers.enumerated() {
      var line = "\(index + 1). \(inline(answer.question)) — **\(inline(answer.label))**"
      if answer.changed { line += " (modifiée)" }
      lines.append(line)
    }
    lines.append("")
    return lines
  }

  /// Answers a change took off the path: listed apart, so no one reads them as facts the
  /// orientation rests on.
  private static func setAsideSection(_ record: RecordedCase) -> [String] {
    let answers = record.setAsideAnswers
    guard !answers.isEmpty else { return [] }
    var lines = ["## Réponses mises de côté", ""]
    lines.append("Données puis écartées par une modification : elles ne comptent plus pour l'orientation.")
    lines.append("")
    for answer in answers {
      lines.append("- \(inline(answer.question)) — \(inline(answer.label))")
    }
    lines.append("")
    return lines
  }

  private static func changesSection(_ record: RecordedCase) -> [String] {
    guard !record.changes.isEmpty else { return [] }
    var lines = ["## Modifications", ""]
    for change in record.changes {
      let event = change.event
      let from = event.fromLabel.map { "« \(inline($0)) »" } ?? "sans réponse"
      lines.append(
        "- \(change.time.frenchTime) — \(inline(event.question)) : \(from) → « \(inline(event.toLabel)) ». "
          + "Motif : « \(inline(event.reason)) »")
    }
    lines.append("")
    return lines
  }

  private static func dispositionsSection(_ record: RecordedCase) -> [String] {
    var lines = ["## Orientations et contacts", ""]
    if record.dispositions.isEmpty {
      lines.append("Aucune orientation recueillie à ce stade.")
      lines.append("")
    }
    for (index, stamped) in record.orderedDispositions.enumerated() {
      let disposition = stamped.event
      var title = "### \(index + 1). \(inline(disposition.title))"
      var qualifiers = [inline(LevelScale.shortLabel(disposition.level))]
      if let timeframe = disposition.timeframe { qualifiers.append(inline(timeframe)) }
      title += " (\(qualifiers.joined(separator: ", ")))"
      lines.append(title)
      lines.append("")
      if !disposition.actions.isEmpty {
        lines.append("À faire :")
        lines.append("")
        lines.append(contentsOf: disposition.actions.map { "- \(inline($0))" })
        lines.append("")
      }
      let unlisted = disposition.unlisted ?? []
      if !disposition.contacts.isEmpty || !unlisted.isEmpty {
        lines.append("Contacts :")
        lines.append("")
        lines.append(contentsOf: disposition.contacts.map(describeContact))
        lines.append(contentsOf: unlisted.map { "- ⚠ " + unlistedSentence($0, place: record.place) })
        lines.append("")
      }
      if !disposition.sources.isEmpty {
        lines.append("Références : \(disposition.sources.map(inline).joined(separator: " ; "))")
        lines.append("")
      }
    }
    return lines
  }

  /// « Suites données »: whom the professional called after the orientation, when, the
  /// reference and the outcome, as recorded (the time each was written in brackets).
  private static func followUpsSection(_ record: RecordedCase) -> [String] {
    guard !record.followUps.isEmpty else { return [] }
    var lines = ["## Suites données", ""]
    for stamped in record.followUps {
      let event = stamped.event
      var line = "- \(stamped.time.frenchTime) — **\(inline(event.contact))**"
      if let when = event.when, !when.isEmpty { line += " ; appel : \(inline(when))" }
      if let reference = event.reference, !reference.isEmpty { line += " ; référence : \(inline(reference))" }
      if let outcome = event.outcome, !outcome.isEmpty { line += " ; suite : \(inline(outcome))" }
      lines.append(line)
    }
    lines.append("")
    return lines
  }

  private static func notesSection(_ record: RecordedCase) -> [String] {
    guard !record.notes.isEmpty else { return [] }
    var lines = ["## Notes", ""]
    for note in record.notes {
      lines.append("- \(note.time.frenchTime) — \(block(note.event.text))")
    }
    lines.append("")
    return lines
  }

  private static func warningsSection(_ record: RecordedCase) -> [String] {
    guard !record.findings.isEmpty else { return [] }
    var lines = ["## Avertissements sur le journal", ""]
    for finding in record.findings {
      lines.append("- ligne \(finding.location.line) : \(inline(finding.message))")
    }
    lines.append("")
    return lines
  }

  /// The orientation screen's warning for a contact query that found no structure.
  private static func unlistedSentence(_ label: String, place: PlaceEvent?) -> String {
    guard let departement = place?.place.departement else {
      return
        "Aucune structure « \(inline(label)) » trouvée : lieu non précisé (à préciser pour chercher dans l'annuaire)"
    }
    return "Aucune structure « \(inline(label)) » répertoriée pour le \(inline(departement)) "
      + "(à compléter dans l'annuaire local)"
  }

  private static func describe(_ reference: ProtocolReference) -> String {
    let ids = "\(inline(reference.id)), version \(inline(reference.version))"
    guard let title = reference.title else { return ids }
    return "\(inline(title)) (\(ids))"
  }

  private static func describePlace(_ place: PlaceEvent) -> String {
    var codes: [String] = []
    if let commune = place.place.communeCode { codes.append("commune INSEE \(inline(commune))") }
    codes.append("département \(inline(place.place.departement))")
    return "\(inline(place.place.label)) — \(codes.joined(separator: ", ")) (saisi : « \(inline(place.typed)) »)"
  }

  private static func describeContact(_ contact: JournalContact) -> String {
    var line = "- "
    if contact.example { line += "**EXEMPLE FICTIF — ne pas appeler** : " }
    line += inline(contact.name)
    if let phone = contact.phone { line += " — \(inline(phone))" }
    if let reason = contact.reason { line += " — \(inline(reason))" }
    return line
  }

  /// Text typed by people or read from data, on one line and without control characters.
  static func inline(_ text: String) -> String {
    TerminalText.sanitized(text.replacingNewlines(with: " "))
  }

  /// A multi-line note kept inside its list item (continuation lines indented).
  static func block(_ text: String) -> String {
    TerminalText.sanitized(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "\n  ")
  }
}

extension String {
  func replacingNewlines(with replacement: String) -> String {
    var out = ""
    var previousWasNewline = false
    for character in self {
      if character.isNewline {
        if !previousWasNewline { out += replacement }
        previousWasNewline = true
      } else {
        out.append(character)
        previousWasNewline = false
      }
    }
    return out
  }
}
