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
            message: "\(from) leads to '\(target)', which the overlay \(removal.overlay) removes",
            hint: "replace the step in the overlay instead of removing it, or change where \(from) leads",
            related: [removal.location]))
      } else {
        diagnostics.error(
          "missing-step", at: location, "\(from) leads to '\(target)', which is not a step of \(definition.id)",
          hint: hints.hint(for: target, among: stepIDs))
      }
    }

    if !definition.start.isEmpty, definition.step(definition.start) == nil {
      missingStep(definition.start, at: definition.location(of: "start"), from: "start")
    }
    for step in definition.steps {
      for link in step.successors where definition.step(link.target) == nil && !link.target.isEmpty {
        missingStep(link.target, at: link.location, from: "step '\(step.id)'")
      }
      if step.kind == .outcome, let code = step.disposition, definition.dispositions[code] == nil {
        diagnostics.error(
          "missing-disposition", at: step.location(of: "disposition"),
          "step '\(step.id)' ends with disposition '\(code)', which \(definition.id) does not define",
          hint: hints.hint(for: code, among: dispositionCodes))
      }
      for recommendation in step.recommend where definition.dispositions[recommendation.disposition] == nil {
        guard !recommendation.disposition.isEmpty else { continue }
        diagnostics.error(
          "missing-disposition", at: recommendation.location,
          "step '\(step.id)' recommends '\(recommendation.disposition)', which \(definition.id) does not define",
          hint: hints.hint(for: recommendation.disposition, among: dispositionCodes))
      }
      checkSources(step.why, fields: step.fieldLocations, fallback: step.location, in: definition, into: &diagnostics)
    }
    for disposition in definition.dispositions.values {
      if !disposition.level.isEmpty, definition.rank(ofLevel: disposition.level) == nil {
        diagnostics.error(
          "unknown-level", at: disposition.location(of: "level"),
          "level '\(disposition.level)' of disposition '\(disposition.code)' is not in the scale (\(definition.levels.joined(separator: ", ")))",
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
        "why cites '\(id)', which is not among the protocol's sources",
        hint: Suggestion.hint(for: id, among: definition.sources.keys.sorted()) ?? "declare it under sources:")
    }
  }

  // MARK: Variables and conditions

  static func checkVariables(_ definition: ProtocolDefinition, into diagnostics: inout Diagnostics) {
    var firstByVariable: [String: Step] = [:]
    for step in definition.steps where step.kind.asksQuestion {
      if ExpressionEvaluator.placeVariables.contains(step.variable) {
        diagnostics.error(
          "reserved-variable", at: step.location(of: step.fieldLocations["var"] == nil ? "id" : "var"),
          "'\(step.variable)' is reserved for the case's place and cannot store the answer of step '\(step.id)'",
          hint: "set another name with var:")
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
                "variable '\(step.variable)' holds \(type) here but \(firstType) at step '\(first.id)'",
              hint: "give one of them another name with var:", related: [first.location]))
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
      for (index, query) in disposition.contacts.enumerated() {
        guard let name = query.ageVariable else { continue }
        let location = disposition.location(ofContact: index, field: "age")
        guard let type = checker.variables[name] else {
          diagnostics.error(
            "unknown-variable", at: location,
            "contact query of '\(disposition.code)' reads age from unknown variable '\(name)'",
            hint: Suggestion.hint(for: name, among: checker.variables.keys.sorted()))
          continue
        }
        if type != .number {
          diagnostics.error(
            "type-mismatch", at: location, "age must name a number variable, but '\(name)' is \(type)")
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
          message: "in condition '\(condition.source.prefix(80))': \(issue.message)", hint: issue.hint))
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
        "unreachable-step", at: step.location, "step '\(id)' cannot be reached from start ('\(definition.start)')",
        hint: "lead to it from another step, or remove it")
    }
    for cycle in graph.cycles(within: reachable) {
      let names = cycle.map { graph.ids[$0] }
      guard let lastID = names.last, let firstID = names.first, let last = definition.step(lastID) else { continue }
      let closing = last.successors.first { $0.target == firstID }?.location ?? last.location
      diagnostics.error(
        "walk-loop", at: closing,
        "the walk can loop forever: \((names + [firstID]).joined(separator: " → "))",
        hint: "a walk must move forward to an outcome; lead '\(lastID)' elsewhere")
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
        "disposition '\(disposition.code)' is never reached: no reachable outcome or recommend names it",
        hint: "end an outcome with it, recommend it, or remove it")
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
