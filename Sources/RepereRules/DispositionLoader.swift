import RepereBase

/// Reads one entry of `dispositions:` and its contact queries.
enum DispositionLoader {
  static let keys: Set<String> = ["level", "timeframe", "title", "text", "actions", "contacts", "why"]
  static let queryKeys: Set<String> = ["id", "kind", "theme", "public", "age", "open", "limit", "within", "when"]

  static func load(code: String, entry: YAMLMapping.Entry, reader: inout YAMLReader) -> Disposition? {
    guard let mapping = reader.mapping(entry.value, "la disposition « \(code) »") else { return nil }
    mapping.checkKeys(
      allowed: keys, required: ["level", "title"], context: "la disposition « \(code) »", into: &reader.diagnostics)
    var fields: [String: SourceLocation] = [:]
    for item in mapping.entries { fields[item.key] = item.value.location }
    let why = reader.textList(mapping["why"], "`why`")
    for (index, item) in why.enumerated() { fields["why.\(index)"] = item.1 }
    var contacts: [ContactQuery] = []
    var contactFields: [[String: SourceLocation]] = []
    var contactConditions: [Condition?] = []
    if let node = mapping["contacts"], !node.isNull, let items = reader.sequence(node, "`contacts`") {
      for item in items {
        guard let loaded = query(item, reader: &reader) else { continue }
        contacts.append(loaded)
        contactFields.append(valueLocations(of: item))
        contactConditions.append(StepLoader.condition(item.mapping?["when"], reader: &reader))
      }
    }
    var result = Disposition(
      code: code, level: mapping["level"].flatMap { reader.text($0, "un niveau") } ?? "",
      title: mapping["title"].flatMap { reader.text($0, "un titre") } ?? code,
      timeframe: reader.optionalText(mapping["timeframe"], "`timeframe`"),
      text: reader.optionalText(mapping["text"], "`text`"),
      actions: reader.textList(mapping["actions"], "`actions`").map(\.0), contacts: contacts, why: why.map(\.0),
      location: entry.keyLocation, fieldLocations: fields)
    result.contactFieldLocations = contactFields
    result.contactConditions = contactConditions
    return result
  }

  /// `key` → where its value is written, and `key.i` for the items of a list.
  static func valueLocations(of node: YAMLNode) -> [String: SourceLocation] {
    var locations: [String: SourceLocation] = [:]
    for entry in node.mapping?.entries ?? [] {
      locations[entry.key] = entry.value.location
      if let items = entry.value.sequence {
        for (index, item) in items.enumerated() { locations["\(entry.key).\(index)"] = item.location }
      } else {
        locations["\(entry.key).0"] = entry.value.location
      }
    }
    return locations
  }

  /// One contact query; its location points at the query (`- { kind: crip }`).
  static func query(_ node: YAMLNode, reader: inout YAMLReader) -> ContactQuery? {
    guard let mapping = reader.mapping(node, "une requête de contacts") else { return nil }
    mapping.checkKeys(allowed: queryKeys, required: [], context: "une requête de contacts", into: &reader.diagnostics)
    var query = ContactQuery(location: node.location)
    query.id = reader.optionalText(mapping["id"], "`id`")
    query.kinds = reader.textList(mapping["kind"], "`kind`", allowSingle: true).map(\.0)
    query.themes = reader.textList(mapping["theme"], "`theme`", allowSingle: true).map(\.0)
    query.publics = reader.textList(mapping["public"], "`public`", allowSingle: true).map(\.0)
    query.ageVariable = reader.optionalText(mapping["age"], "`age`")
    if let node = mapping["open"], let text = reader.optionalText(node, "`open`") {
      if let open = OpenPreference(rawValue: text) {
        query.open = open
      } else {
        reader.diagnostics.error(
          "invalid-value", at: node.location, "`open` vaut now, prefer ou any, pas « \(text) »",
          hint: Suggestion.hint(for: text, among: OpenPreference.allCases.map(\.rawValue)))
      }
    }
    if let node = mapping["within"], let text = reader.optionalText(node, "`within`") {
      if let within = Widening(rawValue: text) {
        query.within = within
      } else {
        reader.diagnostics.error(
          "invalid-value", at: node.location, "`within` vaut departement, voisins, region ou national, pas « \(text) »",
          hint: Suggestion.hint(for: text, among: Widening.allCases.map(\.rawValue)))
      }
    }
    if let node = mapping["limit"], !node.isNull, let limit = reader.number(node, "`limit`") {
      if limit >= 1, limit <= 50, limit == limit.rounded() {
        query.limit = Int(limit)
      } else {
        reader.diagnostics.error("invalid-value", at: node.location, "`limit` doit être un nombre entier de 1 à 50")
      }
    }
    if query.id != nil, !(query.kinds.isEmpty && query.themes.isEmpty && query.publics.isEmpty) {
      reader.diagnostics.error(
        "contact-id-with-filters", at: node.location,
        "une requête de contacts nomme une structure par `id` ou cherche par `kind`/`theme`/`public`, pas les deux",
        hint: "faites-en deux requêtes")
    }
    if query.id == nil, query.kinds.isEmpty, query.themes.isEmpty, query.publics.isEmpty {
      reader.diagnostics.error(
        "empty-contact-query", at: node.location,
        "une requête de contacts demande un `id`, ou un `kind`, un `theme` ou un `public`")
    }
    return query
  }
}
