import RepereBase

/// Reads one item of `steps:`.
enum StepLoader {
  static let commonKeys: Set<String> = ["id", "kind", "text", "short", "help", "why", "var", "recommend"]

  /// The keys each kind accepts besides the common ones.
  static func ownKeys(_ kind: StepKind) -> Set<String> {
    switch kind {
    case .yesno: return ["yes", "no", "unknown"]
    case .choice, .multi: return ["options", "next", "unknown"]
    case .number: return ["min", "max", "unit", "next", "unknown"]
    case .place, .text: return ["next", "unknown"]
    case .info: return ["next"]
    case .route: return ["routes"]
    case .outcome: return ["disposition"]
    }
  }

  static let allKeys: Set<String> = StepKind.allCases.reduce(commonKeys) { $0.union(ownKeys($1)) }

  static func load(_ node: YAMLNode, reader: inout YAMLReader) -> Step? {
    guard let mapping = reader.mapping(node, "une étape") else { return nil }
    let id = mapping["id"].flatMap { reader.text($0, "l'identifiant d'une étape") } ?? ""
    let context = id.isEmpty ? "une étape" : "l'étape « \(id) »"
    var kind: StepKind?
    if let kindNode = mapping["kind"], let text = reader.text(kindNode, "`kind`") {
      kind = StepKind(rawValue: text)
      if kind == nil {
        reader.diagnostics.error(
          "unknown-step-kind", at: kindNode.location, "`kind` « \(text) » inconnu dans \(context)",
          hint: Suggestion.hint(for: text, among: StepKind.allCases.map(\.rawValue))
            ?? "valeurs possibles : yesno, choice, multi, number, place, text, info, route, outcome")
      }
    }
    var required = ["id", "kind"]
    if let kind {
      if kind.requiresText { required.append("text") }
      switch kind {
      case .yesno: required += ["yes", "no"]
      case .route: required.append("routes")
      case .outcome: required.append("disposition")
      case .choice, .multi: required.append("options")
      case .number, .place, .text, .info: required.append("next")
      }
    }
    let allowed = kind.map { commonKeys.union(ownKeys($0)) } ?? allKeys
    checkKeys(mapping, allowed: allowed, required: required, kind: kind, context: context, reader: &reader)

    var fields: [String: SourceLocation] = [:]
    for entry in mapping.entries { fields[entry.key] = entry.value.location }
    let why = reader.textList(mapping["why"], "`why`")
    for (index, item) in why.enumerated() { fields["why.\(index)"] = item.1 }
    var variable: String?
    if let varNode = mapping["var"], let name = reader.optionalText(varNode, "`var`") {
      variable = name
      if !Identifier.isVariable(name) {
        reader.diagnostics.error(
          "invalid-variable", at: varNode.location,
          "le nom de variable « \(name) » doit commencer par une lettre et ne contenir que des lettres, des chiffres et « _ »"
        )
      }
    }
    var step = Step(
      id: id, kind: kind ?? .info, text: reader.optionalText(mapping["text"], "`text`"),
      help: reader.optionalText(mapping["help"], "`help`"), why: why.map(\.0), variable: variable,
      location: node.location, fieldLocations: fields)
    step.short = reader.optionalText(mapping["short"], "`short`")
    step.unknownNext = reader.optionalText(mapping["unknown"], "`unknown`")
    step.yes = reader.optionalText(mapping["yes"], "`yes`")
    step.no = reader.optionalText(mapping["no"], "`no`")
    step.next = reader.optionalText(mapping["next"], "`next`")
    step.unit = reader.optionalText(mapping["unit"], "`unit`")
    step.disposition = reader.optionalText(mapping["disposition"], "`disposition`")
    if let node = mapping["min"], !node.isNull { step.min = reader.number(node, "`min`") }
    if let node = mapping["max"], !node.isNull { step.max = reader.number(node, "`max`") }
    if let node = mapping["options"], !node.isNull, let items = reader.sequence(node, "`options`") {
      step.options = items.compactMap { option($0, kind: kind ?? .choice, reader: &reader) }
    }
    if let node = mapping["routes"], !node.isNull, let items = reader.sequence(node, "`routes`") {
      step.routes = items.compactMap { route($0, reader: &reader) }
    }
    if let node = mapping["recommend"], !node.isNull, let items = reader.sequence(node, "`recommend`") {
      step.recommend = items.compactMap { recommendation($0, reader: &reader) }
    }
    return step
  }

  /// Unknown keys name the kind, so that `yes` on a `choice` reads as a misplaced key.
  private static func checkKeys(
    _ mapping: YAMLMapping, allowed: Set<String>, required: [String], kind: StepKind?, context: String,
    reader: inout YAMLReader
  ) {
    var seen = Set<String>()
    for entry in mapping.entries {
      guard seen.insert(entry.key).inserted else {
        reader.diagnostics.error(
          "duplicate-key", at: entry.keyLocation, "la clé `\(entry.key)` apparaît deux fois dans \(context)")
        continue
      }
      guard !allowed.contains(entry.key) else { continue }
      if let kind, allKeys.contains(entry.key) {
        let own = ownKeys(kind).sorted().map { "`\($0)`" }.joined(separator: ", ")
        let hint =
          entry.key == "unknown"
          ? "« je ne sais pas » n'est proposé que pour les questions"
          : own.isEmpty ? nil : "une étape « \(kind.rawValue) » prend \(own) en plus des clés communes"
        reader.diagnostics.error(
          "unknown-key", at: entry.keyLocation,
          "la clé `\(entry.key)` n'a pas sa place dans une étape « \(kind.rawValue) » (\(context))", hint: hint)
      } else {
        reader.diagnostics.error(
          "unknown-key", at: entry.keyLocation, "clé `\(entry.key)` inconnue dans \(context)",
          hint: Suggestion.hint(for: entry.key, among: allowed.sorted()))
      }
    }
    for key in required where !seen.contains(key) {
      reader.diagnostics.error(
        "missing-key", at: mapping.location, "il manque la clé obligatoire `\(key)` dans \(context)")
    }
  }

  private static func option(_ node: YAMLNode, kind: StepKind, reader: inout YAMLReader) -> StepOption? {
    guard let mapping = reader.mapping(node, "une option") else { return nil }
    let allowed: Set<String> =
      kind == .multi ? ["value", "label", "weight", "help"] : ["value", "label", "next", "help"]
    let value = mapping["value"].flatMap { reader.text($0, "la valeur d'une option") } ?? ""
    let context = value.isEmpty ? "une option" : "l'option « \(value) »"
    if mapping["next"] != nil, kind == .multi {
      reader.diagnostics.error(
        "unknown-key", at: mapping.entry("next")?.keyLocation ?? node.location,
        "les options d'une liste à cocher (multi) ne peuvent pas avoir leur propre `next`",
        hint: "placez `next` sur l'étape")
      var others = mapping.entries.filter { $0.key != "next" }
      others = others.filter { !allowed.contains($0.key) }
      for entry in others {
        reader.diagnostics.error(
          "unknown-key", at: entry.keyLocation, "clé `\(entry.key)` inconnue dans \(context)",
          hint: Suggestion.hint(for: entry.key, among: allowed.sorted()))
      }
    } else {
      mapping.checkKeys(allowed: allowed, required: ["value", "label"], context: context, into: &reader.diagnostics)
    }
    var weight = 1.0
    if let node = mapping["weight"], !node.isNull, let value = reader.number(node, "`weight`") { weight = value }
    return StepOption(
      value: value, label: mapping["label"].flatMap { reader.text($0, "le libellé d'une option") } ?? value,
      next: reader.optionalText(mapping["next"], "`next`"), help: reader.optionalText(mapping["help"], "`help`"),
      weight: weight, location: mapping["next"]?.location ?? node.location)
  }

  private static func route(_ node: YAMLNode, reader: inout YAMLReader) -> Route? {
    guard let mapping = reader.mapping(node, "une route") else { return nil }
    mapping.checkKeys(allowed: ["when", "next"], required: ["next"], context: "une route", into: &reader.diagnostics)
    let next = mapping["next"].flatMap { reader.text($0, "le `next` d'une route") } ?? ""
    return Route(
      condition: condition(mapping["when"], reader: &reader), next: next,
      location: mapping["next"]?.location ?? node.location)
  }

  private static func recommendation(_ node: YAMLNode, reader: inout YAMLReader) -> Recommendation? {
    guard let mapping = reader.mapping(node, "une recommandation") else { return nil }
    mapping.checkKeys(
      allowed: ["disposition", "when"], required: ["disposition"], context: "une recommandation",
      into: &reader.diagnostics)
    return Recommendation(
      disposition: mapping["disposition"].flatMap { reader.text($0, "`disposition`") } ?? "",
      condition: condition(mapping["when"], reader: &reader),
      location: mapping["disposition"]?.location ?? node.location)
  }

  /// Parses a `when`, reporting syntax errors at their position inside the condition.
  static func condition(_ node: YAMLNode?, reader: inout YAMLReader) -> Condition? {
    guard let node, !node.isNull else { return nil }
    guard let source = reader.text(node, "une condition (`when`)") else { return nil }
    switch ExpressionParser.parse(source) {
    case .success(let expression):
      return Condition(source: source, expression: expression, location: YAMLReader.contentLocation(of: node))
    case .failure(let error):
      reader.diagnostics.append(
        Finding(
          code: error.code, location: YAMLReader.location(in: node, offset: error.offset),
          message: "dans la condition « \(source.prefix(80)) » : \(error.message)", hint: error.hint))
      return Condition(source: source, expression: nil, location: YAMLReader.contentLocation(of: node))
    }
  }
}
