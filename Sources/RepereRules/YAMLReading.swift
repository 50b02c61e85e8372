import RepereBase

/// Typed reading of YAML values with findings for every wrong shape. Loaders keep going after a
/// finding so one run reports every mistake.
struct YAMLReader {
  var diagnostics = Diagnostics()

  /// A scalar as text (numbers and booleans as written); nil and a `wrong-type` finding otherwise.
  mutating func text(_ node: YAMLNode, _ what: String) -> String? {
    guard let value = node.scalar, !node.isNull else {
      diagnostics.error("wrong-type", at: node.location, "\(what) doit être un texte, pas \(node.shapeDescription)")
      return nil
    }
    return value
  }

  /// Like `text`, but null is accepted and gives nil without a finding.
  mutating func optionalText(_ node: YAMLNode?, _ what: String) -> String? {
    guard let node, !node.isNull else { return nil }
    return text(node, what)
  }

  /// A number written without quotes.
  mutating func number(_ node: YAMLNode, _ what: String) -> Double? {
    guard let value = node.number, value.isFinite else {
      // A scalar that is not a plain decimal (`0x10`, `1e1`, `.inf`, `"12"`) is quoted as
      // written: its shape alone would read « doit être un nombre, pas un texte ».
      let written = node.scalar.map { node.isNull ? "une valeur vide" : "« \($0) »" } ?? node.shapeDescription
      diagnostics.error(
        "wrong-type", at: node.location, "\(what) doit être un nombre, pas \(written)", hint: "écrivez 15 ou 2.5")
      return nil
    }
    return value
  }

  /// One text or a list of texts (`theme: x` or `theme: [x, y]`), each with its position.
  mutating func textList(_ node: YAMLNode?, _ what: String, allowSingle: Bool = false) -> [(String, SourceLocation)] {
    guard let node, !node.isNull else { return [] }
    if let items = node.sequence {
      return items.compactMap { item in text(item, "chaque élément de \(what)").map { ($0, item.location) } }
    }
    if allowSingle, let value = text(node, what) { return [(value, node.location)] }
    if !allowSingle {
      diagnostics.error(
        "wrong-type", at: node.location, "\(what) doit être une liste, pas \(node.shapeDescription)",
        hint: "écrivez [\(node.scalar ?? "…")]")
    }
    return []
  }

  /// A mapping, or nil and a finding.
  mutating func mapping(_ node: YAMLNode, _ what: String) -> YAMLMapping? {
    guard let mapping = node.mapping else {
      diagnostics.error(
        "wrong-type", at: node.location, "\(what) doit être un bloc de clés (clé: valeur), pas \(node.shapeDescription)"
      )
      return nil
    }
    return mapping
  }

  /// A list, or nil and a finding.
  mutating func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
    guard let items = node.sequence else {
      diagnostics.error("wrong-type", at: node.location, "\(what) doit être une liste, pas \(node.shapeDescription)")
      return nil
    }
    return items
  }

  /// A `YYYY-MM-DD` date.
  mutating func date(_ node: YAMLNode?, _ what: String) -> CalendarDay? {
    guard let node, !node.isNull, let value = text(node, what) else { return nil }
    guard let date = CalendarDay(iso: value) else {
      diagnostics.error(
        "invalid-date", at: node.location, "\(what) « \(value) » n'est pas une date", hint: "écrivez AAAA-MM-JJ")
      return nil
    }
    return date
  }

  /// The value's location, shifted past an opening quote so that offsets inside point right.
  static func contentLocation(of node: YAMLNode) -> SourceLocation {
    var location = node.location
    if node.isQuoted { location.column += 1 }
    return location
  }

  /// Where `offset` (in scalars) of a single-line scalar's text lies in the file.
  static func location(in node: YAMLNode, offset: Int) -> SourceLocation {
    var location = contentLocation(of: node)
    guard let text = node.scalar, !text.contains("\n") else { return location }
    location.column += Swift.max(0, offset)
    return location
  }
}

/// Identifiers of protocols, structures and scenarios: `[a-z0-9]` plus `-`, `/` and `.`.
enum Identifier {
  static func isValid(_ id: String) -> Bool {
    !id.isEmpty
      && id.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-/.".unicodeScalars.contains($0)
      }
  }

  /// Variable names usable in conditions.
  static func isVariable(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first,
      ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_"
    else { return false }
    return name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  }
}
