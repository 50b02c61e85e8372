import Foundation
import RepereBase
import RepereRules

extension DataBundle {
  /// Every finding about the bundle as a whole, besides those of reading each file (returned by
  /// `load(from:)`): protocols and overlays, references to the vocabulary and the directory,
  /// scenarios. `today` decides the date warnings.
  public func check(today: Date) -> [Finding] {
    var findings = ProtocolChecker.check(library: library, today: CalendarDay(today))
    findings += directory?.check(today: today) ?? []
    findings += checkReferences()
    findings += checkScenarios()
    if let vocabulary {
      for table in correspondences { findings += table.check(against: vocabulary) }
    }
    return findings.sorted { ($0.location, $0.code, $0.message) < ($1.location, $1.code, $1.message) }
  }

  /// Loads the bundle and checks it: all findings, sorted, without repeats.
  public static func loadAndCheck(from root: URL, today: Date) -> (DataBundle, [Finding]) {
    let (bundle, loadFindings) = load(from: root)
    var seen = Set<String>()
    let all = (loadFindings + bundle.check(today: today)).sorted {
      ($0.location, $0.code, $0.message) < ($1.location, $1.code, $1.message)
    }.filter { seen.insert("\($0.code)|\($0.location)|\($0.message)").inserted }
    return (bundle, all)
  }

  /// Structure ids, kinds, themes and publics named by contact queries must exist in the
  /// directory and vocabulary (skipped while those are not loaded).
  func checkReferences() -> [Finding] {
    guard let references else { return [] }
    var diagnostics = Diagnostics()
    var hints = SuggestionBudget()
    for id in library.files.keys.sorted() {
      guard let file = library.files[id] else { continue }
      for disposition in file.dispositions.values {
        for (queryIndex, query) in disposition.contacts.enumerated() {
          let location = disposition.location(ofContact: queryIndex, field: "id")
          if let structure = query.id, let ids = references.structureIDs, !ids.contains(structure) {
            diagnostics.error(
              "missing-structure", at: location,
              "la disposition « \(disposition.code) » nomme la structure « \(structure) », absente de l'annuaire",
              hint: hints.hint(for: structure, among: ids.sorted()))
          }
          if let types = references.types {
            for (index, kind) in query.kinds.enumerated() where !types.contains(kind) {
              diagnostics.error(
                "unknown-type", at: disposition.location(ofContact: queryIndex, field: "kind.\(index)"),
                "le `kind` « \(kind) » d'une requête de contacts de « \(disposition.code) » n'est pas un type du vocabulaire",
                hint: Suggestion.hint(for: kind, among: types.sorted()))
            }
          }
          if let themes = references.themes {
            for (index, theme) in query.themes.enumerated() where !themes.contains(theme) {
              diagnostics.error(
                "unknown-theme", at: disposition.location(ofContact: queryIndex, field: "theme.\(index)"),
                "le `theme` « \(theme) » d'une requête de contacts de « \(disposition.code) » n'est pas une thématique du vocabulaire",
                hint: Suggestion.hint(for: theme, among: themes.sorted()))
            }
          }
          if let publics = references.publics {
            for (index, audience) in query.publics.enumerated() where !publics.contains(audience) {
              diagnostics.error(
                "unknown-public", at: disposition.location(ofContact: queryIndex, field: "public.\(index)"),
                "le `public` « \(audience) » d'une requête de contacts de « \(disposition.code) » n'est pas un public du vocabulaire",
                hint: Suggestion.hint(for: audience, among: publics.sorted()))
            }
          }
        }
      }
    }
    return diagnostics.findings
  }

  /// Scenarios must name an existing protocol, steps of its family, answers that fit them,
  /// dispositions and levels it defines.
  func checkScenarios() -> [Finding] {
    var diagnostics = Diagnostics()
    var firstByID: [String: Scenario] = [:]
    for scenario in scenarios {
      if let first = firstByID[scenario.id] {
        diagnostics.append(
          Finding(
            code: "duplicate-scenario-id", location: scenario.location(of: "id"),
            message: "l'identifiant de scénario « \(scenario.id) » est déjà pris par \(first.file)",
            related: [first.location(of: "id")]))
      } else {
        firstByID[scenario.id] = scenario
      }
      guard let definition = library.protocolDefinition(scenario.protocolID) else {
        if !scenario.protocolID.isEmpty {
          diagnostics.error(
            "missing-protocol", at: scenario.location(of: "protocol"),
            "le scénario « \(scenario.id) » nomme le protocole « \(scenario.protocolID) », absent du dossier de données",
            hint: Suggestion.hint(for: scenario.protocolID, among: library.ids))
        }
        continue
      }
      let family = familySteps(of: scenario.protocolID)
      let parser = answerParser
      let written =
        scenario.answers.map { ($0.stepID, $0.items, $0.location) }
        + scenario.changes.map { ($0.stepID, $0.items, $0.location) }
      for (stepID, items, location) in written {
        guard let step = family[stepID] else {
          diagnostics.error(
            "unknown-answer-step", at: location,
            "le scénario « \(scenario.id) » répond à « \(stepID) », qui n'est une étape ni de « \(scenario.protocolID) » ni de ses déclinaisons",
            hint: Suggestion.hint(for: stepID, among: family.keys.sorted()))
          continue
        }
        if case .failure(let problem) = parser.parse(items, for: step), places != nil || step.kind != .place {
          diagnostics.error(
            "invalid-answer", at: location, "la réponse à « \(stepID) » ne convient pas à l'étape : \(problem.message)",
            hint: problem.hint)
        }
      }
      let codes = Set(family.values.compactMap(\.disposition)).union(allDispositionCodes(of: scenario.protocolID))
      for code in scenario.expect.dispositions ?? [] where !codes.contains(code) {
        diagnostics.error(
          "missing-disposition", at: scenario.location(of: "expect.dispositions"),
          "le scénario « \(scenario.id) » attend la disposition « \(code) », que « \(scenario.protocolID) » ne définit pas",
          hint: Suggestion.hint(for: code, among: codes.sorted()))
      }
      if let level = scenario.expect.level, definition.rank(ofLevel: level) == nil {
        diagnostics.error(
          "unknown-level", at: scenario.location(of: "expect.level"),
          "le scénario « \(scenario.id) » attend le niveau « \(level) », absent de l'échelle des niveaux",
          hint: Suggestion.hint(for: level, among: definition.levels))
      }
      for id in scenario.expect.path ?? [] where family[id] == nil {
        diagnostics.error(
          "missing-step", at: scenario.location(of: "expect.path"),
          "le scénario « \(scenario.id) » attend l'étape « \(id) » sur le parcours, absente de « \(scenario.protocolID) »",
          hint: Suggestion.hint(for: id, among: family.keys.sorted()))
      }
      if let ids = references?.structureIDs {
        for id in scenario.expect.contacts ?? [] where !ids.contains(id) {
          diagnostics.error(
            "missing-structure", at: scenario.location(of: "expect.contacts"),
            "le scénario « \(scenario.id) » attend le contact « \(id) », absent de l'annuaire",
            hint: Suggestion.hint(for: id, among: ids.sorted()))
        }
      }
    }
    return diagnostics.findings
  }

  /// Steps of a protocol and of every protocol of its family (overlays add steps), the
  /// protocol's own winning: the steps an answer may name.
  public func familySteps(of protocolID: String) -> [String: Step] {
    var steps: [String: Step] = [:]
    let root = library.root(of: protocolID)
    for id in library.ids where library.root(of: id) == root {
      for step in library.protocolDefinition(id)?.steps ?? [] where steps[step.id] == nil { steps[step.id] = step }
    }
    for step in library.protocolDefinition(protocolID)?.steps ?? [] { steps[step.id] = step }
    return steps
  }

  func allDispositionCodes(of protocolID: String) -> Set<String> {
    let root = library.root(of: protocolID)
    var codes = Set<String>()
    for id in library.ids where library.root(of: id) == root {
      codes.formUnion(library.protocolDefinition(id)?.dispositions.keys ?? [:].keys)
    }
    return codes
  }
}
