import RepereBase

/// Static checks of protocols: duplicate ids, references, exhaustive graph analysis (unreachable
/// steps, loops, dead ends, dispositions never reached), expressions, levels, overlays, dates.
/// Overlays are checked merged with their base, as if they were one file; a problem born of
/// their meeting names both sides (`Finding.related`).
public enum ProtocolChecker {
  /// Every finding about the library's protocols, deduplicated and sorted.
  public static func check(library: ProtocolLibrary, today: CalendarDay?) -> [Finding] {
    check(files: library.loaded, library: library, today: today)
  }

  /// Checks protocols as loaded from files (duplicates across files included).
  public static func check(files: [ProtocolDefinition], library: ProtocolLibrary, today: CalendarDay?) -> [Finding] {
    var diagnostics = Diagnostics()
    var firstByID: [String: ProtocolDefinition] = [:]
    for file in files.sorted(by: { $0.location < $1.location }) {
      if let first = firstByID[file.id], !file.id.isEmpty {
        diagnostics.append(
          Finding(
            code: "duplicate-protocol-id", location: file.location(of: "id"),
            message: "l'identifiant de protocole « \(file.id) » est déjà pris par \(first.location.file)",
            hint: "un identifiant est unique dans tout le dossier de données", related: [first.location(of: "id")]))
        continue
      }
      firstByID[file.id] = file
      checkFile(file, today: today, into: &diagnostics)
    }
    checkOverlays(library: library, into: &diagnostics)
    for id in library.ids {
      guard let merged = library.protocolDefinition(id), let file = library.files[id] else { continue }
      // Base missing or a cycle of overlays: reported above, nothing sound to check.
      if file.extends != nil, merged.files.count < 2 || inCycle(id, library: library) { continue }
      var findings = checkMerged(merged, library: library)
      if let baseID = file.extends, let base = library.protocolDefinition(baseID) {
        // Report only what the overlay brings; point at the overlay when the finding lies in the base.
        let inBase = Set(checkMerged(base, library: library).map { "\($0.code)|\($0.location)" })
        findings = findings.filter { !inBase.contains("\($0.code)|\($0.location)") }.map { finding in
          var finding = finding
          if finding.location.file != file.location.file, finding.related.isEmpty {
            finding.message += " (dans « \(file.id) »)"
            finding.related.append(file.location(of: "extends"))
          }
          return finding
        }
      }
      diagnostics.append(contentsOf: findings)
    }
    return deduplicated(diagnostics.findings)
  }

  /// Findings sorted by position, without repeats (a base checked alone and under its overlays
  /// reports the same problem once).
  static func deduplicated(_ findings: [Finding]) -> [Finding] {
    var seen = Set<String>()
    var result: [Finding] = []
    for finding in findings.sorted(by: { ($0.location, $0.code, $0.message) < ($1.location, $1.code, $1.message) })
    where seen.insert("\(finding.code)|\(finding.location)|\(finding.message)").inserted {
      result.append(finding)
    }
    return result
  }

  // MARK: One file on its own

  static func checkFile(_ file: ProtocolDefinition, today: CalendarDay?, into diagnostics: inout Diagnostics) {
    var stepsByID: [String: Step] = [:]
    for step in file.steps where !step.id.isEmpty {
      if let first = stepsByID[step.id] {
        diagnostics.append(
          Finding(
            code: "duplicate-step-id", location: step.location(of: "id"),
            message: "l'identifiant d'étape « \(step.id) » est pris deux fois dans « \(file.id) »",
            hint: "renommez l'une des deux",
            related: [first.location(of: "id")]))
      } else {
        stepsByID[step.id] = step
      }
      checkStepShape(step, into: &diagnostics)
    }
    if file.extends != nil, file.declaresLevels {
      diagnostics.error(
        "overlay-levels", at: file.location(of: "levels"),
        "une déclinaison garde les niveaux de son protocole de base et ne peut pas en définir",
        hint: "retirez `levels` de « \(file.id) »")
    }
    checkDates(file, today: today, into: &diagnostics)
  }

  static func checkStepShape(_ step: Step, into diagnostics: inout Diagnostics) {
    var values = Set<String>()
    for option in step.options where !option.value.isEmpty && !values.insert(option.value).inserted {
      diagnostics.error(
        "duplicate-option-value", at: option.location,
        "la valeur d'option « \(option.value) » apparaît deux fois dans l'étape « \(step.id) »")
    }
    switch step.kind {
    case .choice:
      if step.next == nil {
        for option in step.options where option.next == nil {
          diagnostics.error(
            "dead-end", at: option.location,
            "l'option « \(option.value) » de l'étape « \(step.id) » ne mène nulle part : ni elle ni l'étape n'ont de `next`",
            hint: "donnez un `next` à l'option, ou un `next` à l'étape pour toutes ses options")
        }
      }
      if step.fieldLocations["options"] != nil, step.options.isEmpty {
        diagnostics.error("empty-options", at: step.location(of: "options"), "l'étape « \(step.id) » n'a aucune option")
      }
    case .multi:
      if step.fieldLocations["options"] != nil, step.options.isEmpty {
        diagnostics.error("empty-options", at: step.location(of: "options"), "l'étape « \(step.id) » n'a aucune option")
      }
    case .number:
      if let min = step.min, let max = step.max, min > max {
        diagnostics.error(
          "invalid-range", at: step.location(of: "max"),
          "`max` (\(AnswerValue.format(max))) est inférieur à `min` (\(AnswerValue.format(min))) dans l'étape « \(step.id) »"
        )
      }
    case .route:
      checkRoutes(step, into: &diagnostics)
    default:
      break
    }
  }

  static func checkRoutes(_ step: Step, into diagnostics: inout Diagnostics) {
    guard let last = step.routes.last else {
      if step.fieldLocations["routes"] != nil {
        diagnostics.error(
          "route-without-default", at: step.location(of: "routes"),
          "l'étape d'aiguillage « \(step.id) » n'a aucune route",
          hint: "terminez par une route sans `when` : { next: … }")
      }
      return
    }
    for (index, route) in step.routes.enumerated() where route.condition == nil && index < step.routes.count - 1 {
      diagnostics.error(
        "unreachable-route", at: step.routes[index + 1].location,
        "les routes placées après la route par défaut de l'étape « \(step.id) » ne peuvent jamais être prises",
        hint: "la route sans `when` doit être la dernière")
      break
    }
    if last.condition != nil {
      diagnostics.error(
        "route-without-default", at: last.location,
        "la dernière route de l'étape « \(step.id) » a un `when` : quand aucune condition n'est vraie, le parcours n'a nulle part où aller",
        hint: "ajoutez en dernier une route sans `when` : { next: … }")
    }
  }

  static func checkDates(_ file: ProtocolDefinition, today: CalendarDay?, into diagnostics: inout Diagnostics) {
    if let from = file.validFrom, let to = file.validTo, to < from {
      diagnostics.error(
        "date-order", at: file.location(of: "valid_to"), "`valid_to` (\(to)) précède `valid_from` (\(from))",
        hint: "inversez-les ou corrigez l'année")
    }
    if let from = file.validFrom, let review = file.reviewBy, review < from {
      diagnostics.error(
        "date-order", at: file.location(of: "review_by"), "`review_by` (\(review)) précède `valid_from` (\(from))")
    }
    guard let today else { return }
    if let review = file.reviewBy, review < today {
      diagnostics.warning(
        "review-overdue", at: file.location(of: "review_by"),
        "le protocole « \(file.id) » devait être révisé le \(review)",
        hint: "révisez le protocole, puis reportez `review_by`")
    }
    if let from = file.validFrom, today < from {
      diagnostics.warning(
        "outside-validity", at: file.location(of: "valid_from"),
        "le protocole « \(file.id) » n'est pas encore en vigueur (à partir du \(from))")
    }
    if let to = file.validTo, to < today {
      diagnostics.warning(
        "outside-validity", at: file.location(of: "valid_to"),
        "le protocole « \(file.id) » n'est plus en vigueur (jusqu'au \(to))")
    }
  }

  // MARK: Overlays

  static func checkOverlays(library: ProtocolLibrary, into diagnostics: inout Diagnostics) {
    let files = library.files.values.sorted { $0.location < $1.location }
    for overlay in files {
      guard let baseID = overlay.extends else { continue }
      guard let base = library.files[baseID] else {
        diagnostics.error(
          "missing-base", at: overlay.location(of: "extends"),
          "« \(overlay.id) » étend « \(baseID) », qu'aucun protocole du dossier de données ne définit",
          hint: Suggestion.hint(for: baseID, among: library.files.keys.sorted()))
        continue
      }
      if inCycle(overlay.id, library: library) {
        diagnostics.error(
          "overlay-cycle", at: overlay.location(of: "extends"),
          "des déclinaisons s'étendent l'une l'autre en boucle : \(cycleDescription(overlay.id, library: library))",
          hint: "l'une d'elles ne doit rien étendre")
        continue
      }
      let merged = library.protocolDefinition(baseID)
      for (index, removed) in overlay.removedSteps.enumerated() where merged?.step(removed) == nil {
        diagnostics.append(
          Finding(
            code: "missing-step", location: overlay.location(of: "remove.\(index)"),
            message: "`remove` nomme l'étape « \(removed) », absente du protocole de base « \(baseID) »",
            hint: Suggestion.hint(for: removed, among: merged?.steps.map(\.id) ?? []), related: [base.location]))
      }
    }
    // Two overlays of one base whose scopes share a département.
    var byBase: [String: [ProtocolDefinition]] = [:]
    for file in files { if let base = file.extends { byBase[base, default: []].append(file) } }
    for (_, overlays) in byBase.sorted(by: { $0.key < $1.key }) {
      for (index, second) in overlays.enumerated() {
        for first in overlays[..<index] {
          let shared = sharedDepartements(first.scope, second.scope)
          guard !shared.isEmpty else { continue }
          diagnostics.append(
            Finding(
              code: "overlapping-overlays", location: second.location(of: "scope"),
              message:
                "« \(second.id) » et « \(first.id) » déclinent toutes deux « \(second.extends ?? "") » dans \(shared.joined(separator: ", "))",
              hint: "un département n'a qu'une déclinaison d'un même protocole de base",
              related: [first.location(of: "scope")]))
        }
      }
    }
  }

  static func sharedDepartements(_ lhs: ProtocolScope, _ rhs: ProtocolScope) -> [String] {
    switch (lhs, rhs) {
    case (.national, .national): return ["toute la France"]
    case (.national, .departements(let codes)), (.departements(let codes), .national): return codes
    case (.departements(let a), .departements(let b)): return a.filter { b.contains($0) }
    }
  }

  static func inCycle(_ id: String, library: ProtocolLibrary) -> Bool {
    var current = id
    var seen: Set<String> = [id]
    while let base = library.files[current]?.extends, library.files[base] != nil {
      if base == id { return true }
      guard seen.insert(base).inserted else { return false }
      current = base
    }
    return false
  }

  static func cycleDescription(_ id: String, library: ProtocolLibrary) -> String {
    var chain = [id]
    var current = id
    while let base = library.files[current]?.extends, chain.count <= library.files.count {
      chain.append(base)
      if base == id { break }
      current = base
    }
    return chain.joined(separator: " → ")
  }
}
