import RepereBase

extension ProtocolChecker {
  /// Checks a protocol ready to walk (an overlay merged with its base).
  static func checkMerged(_ definition: ProtocolDefinition, library: ProtocolLibrary) -> [Finding] {
    var diagnostics = Diagnostics()
    let stepIDs = definition.steps.map(\.id)
    let removedBy = removals(of: definition, library: library)
    var hints = SuggestionBudget()
    let dispositionCodes = definition.dispositions.keys.sorted()

    func missingStep(_ target: String, at location: SourceLocation, from: String) {
      if let removal = removedBy[target] {
        diagnostics.append(
          Finding(
            code: "missing-step", location: location,
            message: "\(from) mène à « \(target) », que la déclinaison « \(removal.overlay) » retire",
            hint: "dans la déclinaison, remplacez l'étape au lieu de la retirer, ou changez la suite de \(from)",
            related: [removal.location]))
      } else {
        diagnostics.error(
          "missing-step", at: location, "\(from) mène à « \(target) », qui n'est pas une étape de « \(definition.id) »",
          hint: hints.hint(for: target, among: stepIDs))
      }
    }

    if !definition.start.isEmpty, definition.step(definition.start) == nil {
      missingStep(definition.start, at: definition.location(of: "start"), from: "`start`")
    }
    for step in definition.steps {
      for link in step.successors where definition.step(link.target) == nil && !link.target.isEmpty {
        missingStep(link.target, at: link.location, from: "l'étape « \(step.id) »")
      }
      if step.kind == .outcome, let code = step.disposition, definition.dispositions[code] == nil {
        diagnostics.error(
          "missing-disposition", at: step.location(of: "disposition"),
          "l'étape « \(step.id) » aboutit à la disposition « \(code) », que « \(definition.id) » ne définit pas",
          hint: hints.hint(for: code, among: dispositionCodes))
      }
      for recommendation in step.recommend where definition.dispositions[recommendation.disposition] == nil {
        guard !recommendation.disposition.isEmpty else { continue }
        diagnostics.error(
          "missing-disposition", at: recommendation.location,
          "l'étape « \(step.id) » recommande « \(recommendation.disposition) », que « \(definition.id) » ne définit pas",
          hint: hints.hint(for: recommendation.disposition, among: dispositionCodes))
      }
      checkSources(step.why, fields: step.fieldLocations, fallback: step.location, in: definition, into: &diagnostics)
    }
    for disposition in definition.dispositions.values {
      if !disposition.level.isEmpty, definition.rank(ofLevel: disposition.level) == nil {
        diagnostics.error(
          "unknown-level", at: disposition.location(of: "level"),
          "le niveau « \(disposition.level) » de la disposition « \(disposition.code) » n'est pas dans l'échelle (\(definition.levels.joined(separator: ", ")))",
          hint: Suggestion.hint(for: disposition.level, among: definition.levels))
      }
      checkSources(
        disposition.why, fields: disposition.fieldLocations, fallback: disposition.location, in: definition,
        into: &diagnostics)
    }
    checkVariables(definition, into: &diagnostics)
    checkGraph(definition, into: &diagnostics)
    return diagnostics.findings
  }

  /// Steps of the base that an overlay in the chain removes, with where.
  static func removals(of definition: ProtocolDefinition, library: ProtocolLibrary) -> [String: (
    overlay: String, location: SourceLocation
  )] {
    var result: [String: (String, SourceLocation)] = [:]
    var current: ProtocolDefinition? = library.files[definition.id]
    var seen = Set<String>()
    while let file = current, seen.insert(file.id).inserted {
      for (index, id) in file.removedSteps.enumerated() where result[id] == nil {
        result[id] = (file.id, file.location(of: "remove.\(index)"))
      }
      current = file.extends.flatMap { library.files[$0] }
    }
    return result
  }

  static func checkSources(
    _ ids: [String], fields: [String: SourceLocation], fallback: SourceLocation, in definition: ProtocolDefinition,
    into diagnostics: inout Diagnostics
  ) {
    for (index, id) in ids.enumerated() where definition.sources[id] == nil {
      diagnostics.error(
        "missing-source", at: fields["why.\(index)"] ?? fallback,
        "`why` cite « \(id) », qui n'est pas parmi les sources du protocole",
        hint: Suggestion.hint(for: id, among: definition.sources.keys.sorted()) ?? "déclarez-la sous `sources:`")
    }
  }

  // MARK: Variables and conditions

  static func checkVariables(_ definition: ProtocolDefinition, into diagnostics: inout Diagnostics) {
    var firstByVariable: [String: Step] = [:]
    for step in definition.steps where step.kind.asksQuestion {
      if ExpressionEvaluator.placeVariables.contains(step.variable) {
        diagnostics.error(
          "reserved-variable", at: step.location(of: step.fieldLocations["var"] == nil ? "id" : "var"),
          "« \(step.variable) » est réservé au lieu de la situation et ne peut pas garder la réponse de l'étape « \(step.id) »",
          hint: "donnez un autre nom avec `var:`")
      }
      if let first = firstByVariable[step.variable] {
        let firstType = ExpressionTypeChecker.type(of: first)
        let type = ExpressionTypeChecker.type(of: step)
        if !firstType.matches(type) {
          diagnostics.append(
            Finding(
              code: "conflicting-variable",
              location: step.location(of: step.fieldLocations["var"] == nil ? "id" : "var"),
              message:
                "la variable « \(step.variable) » contient ici \(type), mais \(firstType) à l'étape « \(first.id) »",
              hint: "donnez un autre nom à l'une des deux avec `var:`", related: [first.location]))
        }
      } else {
        firstByVariable[step.variable] = step
      }
    }
    let checker = ExpressionTypeChecker(definition)
    for step in definition.steps {
      for route in step.routes { check(route.condition, checker, into: &diagnostics) }
      for recommendation in step.recommend { check(recommendation.condition, checker, into: &diagnostics) }
    }
    for disposition in definition.dispositions.values {
      for condition in disposition.contactConditions { check(condition, checker, into: &diagnostics) }
      for (index, query) in disposition.contacts.enumerated() {
        guard let name = query.ageVariable else { continue }
        let location = disposition.location(ofContact: index, field: "age")
        guard let type = checker.variables[name] else {
          diagnostics.error(
            "unknown-variable", at: location,
            "une requête de contacts de « \(disposition.code) » lit l'âge dans la variable inconnue « \(name) »",
            hint: Suggestion.hint(for: name, among: checker.variables.keys.sorted()))
          continue
        }
        if type != .number {
          diagnostics.error(
            "type-mismatch", at: location, "`age` doit nommer une variable numérique, mais « \(name) » est \(type)")
        }
      }
    }
  }

  static func check(_ condition: Condition?, _ checker: ExpressionTypeChecker, into diagnostics: inout Diagnostics) {
    guard let condition, let expression = condition.expression else { return }
    for issue in checker.check(condition: expression) {
      diagnostics.append(
        Finding(
          code: issue.code, location: condition.location(at: issue.offset),
          message: "dans la condition « \(condition.source.prefix(80)) » : \(issue.message)", hint: issue.hint))
    }
  }

  // MARK: Graph

  static func checkGraph(_ definition: ProtocolDefinition, into diagnostics: inout Diagnostics) {
    let graph = StepGraph(definition)
    guard graph.startIndex != nil else { return }
    let reachable = graph.reachable()
    for (index, id) in graph.ids.enumerated() where !reachable.contains(index) {
      guard let step = definition.step(id) else { continue }
      diagnostics.error(
        "unreachable-step", at: step.location,
        "l'étape « \(id) » est inaccessible depuis le départ (« \(definition.start) »)",
        hint: "menez-y depuis une autre étape, ou retirez-la")
    }
    for cycle in graph.cycles(within: reachable) {
      let names = cycle.map { graph.ids[$0] }
      guard let lastID = names.last, let firstID = names.first, let last = definition.step(lastID) else { continue }
      let closing = last.successors.first { $0.target == firstID }?.location ?? last.location
      diagnostics.error(
        "walk-loop", at: closing,
        "le parcours peut tourner en rond sans fin : \((names + [firstID]).joined(separator: " → "))",
        hint: "un parcours doit avancer jusqu'à une issue ; faites mener « \(lastID) » ailleurs")
    }
    var reached = Set<String>()
    for index in reachable {
      guard let step = definition.step(graph.ids[index]) else { continue }
      if let code = step.disposition, step.kind == .outcome { reached.insert(code) }
      for recommendation in step.recommend { reached.insert(recommendation.disposition) }
    }
    for disposition in definition.dispositions.values where !reached.contains(disposition.code) {
      diagnostics.error(
        "unreachable-disposition", at: disposition.location,
        "la disposition « \(disposition.code) » n'est jamais atteinte : aucune issue ni recommandation accessible ne la nomme",
        hint: "faites-y aboutir une issue, recommandez-la ou retirez-la")
    }
  }
}

extension Condition {
  /// Where an offset inside the condition lies in the file (the condition's start when it
  /// spans several lines).
  public func location(at offset: Int) -> SourceLocation {
    guard !source.contains("\n") else { return location }
    var shifted = location
    shifted.column += max(0, offset)
    return shifted
  }
}
