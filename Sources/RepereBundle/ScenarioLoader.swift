import Foundation
import RepereBase

/// Reads `repere/scenario@1` files.
public enum ScenarioLoader {
  static let topKeys: Set<String> = [
    "format", "id", "title", "protocol", "now", "vignette", "answers", "changes", "expect", "debrief",
  ]
  static let expectKeys: Set<String> = ["level", "dispositions", "path", "contacts"]

  /// Parses YAML text (tests and tools).
  public static func load(text: String, file: String) -> (Scenario?, [Finding]) {
    var diagnostics = Diagnostics()
    guard let node = YAMLFile.parse(text, file: file, diagnostics: &diagnostics) else {
      return (nil, diagnostics.findings)
    }
    let scenario = load(node: node, diagnostics: &diagnostics)
    return (scenario, diagnostics.findings)
  }

  public static func load(node: YAMLNode, diagnostics: inout Diagnostics) -> Scenario? {
    guard let top = node.mapping else {
      diagnostics.error("wrong-type", at: node.location, "un fichier de scénario doit être un bloc de clés")
      return nil
    }
    top.checkKeys(
      allowed: topKeys, required: ["format", "id", "title", "protocol", "answers", "expect"], context: "le scénario",
      into: &diagnostics)
    var fields: [String: SourceLocation] = [:]
    for entry in top.entries { fields[entry.key] = entry.value.location }
    var scenario = Scenario(
      id: text(top["id"], "`id`", &diagnostics) ?? "", title: text(top["title"], "`title`", &diagnostics) ?? "",
      protocolID: text(top["protocol"], "`protocol`", &diagnostics) ?? "",
      vignette: text(top["vignette"], "`vignette`", &diagnostics),
      debrief: text(top["debrief"], "`debrief`", &diagnostics),
      location: node.location, fieldLocations: fields)
    if let nowNode = top["now"], let written = text(nowNode, "`now`", &diagnostics) {
      scenario.now = Instant.parse(written)
      if scenario.now == nil {
        diagnostics.error(
          "invalid-date", at: nowNode.location, "`now` « \(written) » n'est pas une date et une heure",
          hint: "écrivez par exemple 2026-11-29T23:10:00+01:00")
      }
    }
    if let answersNode = top["answers"], !answersNode.isNull {
      if let mapping = answersNode.mapping {
        for entry in mapping.entries {
          guard let items = items(entry.value, &diagnostics) else { continue }
          scenario.answers.append(Scenario.Answer(stepID: entry.key, items: items, location: entry.keyLocation))
        }
      } else {
        diagnostics.error(
          "wrong-type", at: answersNode.location,
          "`answers` doit être un bloc « étape: réponse », pas \(answersNode.shapeDescription)")
      }
    }
    if let changesNode = top["changes"], !changesNode.isNull {
      if let list = changesNode.sequence {
        for item in list {
          guard let mapping = item.mapping else {
            diagnostics.error(
              "wrong-type", at: item.location, "chaque changement doit être un bloc { step, to, reason }")
            continue
          }
          mapping.checkKeys(
            allowed: ["step", "to", "reason"], required: ["step", "to"], context: "un changement", into: &diagnostics)
          guard let step = text(mapping["step"], "`step`", &diagnostics), let toNode = mapping["to"],
            let items = items(toNode, &diagnostics)
          else { continue }
          scenario.changes.append(
            Scenario.Change(
              stepID: step, items: items, reason: text(mapping["reason"], "`reason`", &diagnostics),
              location: mapping["step"]?.location ?? item.location))
        }
      } else {
        diagnostics.error("wrong-type", at: changesNode.location, "`changes` doit être une liste")
      }
    }
    if let expectNode = top["expect"], !expectNode.isNull {
      if let mapping = expectNode.mapping {
        mapping.checkKeys(allowed: expectKeys, required: [], context: "`expect`", into: &diagnostics)
        for entry in mapping.entries { scenario.fieldLocations["expect.\(entry.key)"] = entry.value.location }
        scenario.expect = Scenario.Expectation(
          level: text(mapping["level"], "`level`", &diagnostics),
          dispositions: list(mapping["dispositions"], "`dispositions`", &diagnostics),
          path: list(mapping["path"], "`path`", &diagnostics),
          contacts: list(mapping["contacts"], "`contacts`", &diagnostics))
      } else {
        diagnostics.error("wrong-type", at: expectNode.location, "`expect` doit être un bloc de clés")
      }
    }
    return scenario
  }

  private static func text(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> String? {
    guard let node, !node.isNull else { return nil }
    guard let value = node.scalar else {
      diagnostics.error("wrong-type", at: node.location, "\(what) doit être un texte, pas \(node.shapeDescription)")
      return nil
    }
    return value
  }

  private static func list(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> [String]? {
    guard let node, !node.isNull else { return nil }
    guard let items = node.sequence else {
      diagnostics.error("wrong-type", at: node.location, "\(what) doit être une liste, pas \(node.shapeDescription)")
      return nil
    }
    return items.compactMap { text($0, "chaque élément de \(what)", &diagnostics) }
  }

  /// An answer's text items: a scalar gives one, a list gives each.
  private static func items(_ node: YAMLNode, _ diagnostics: inout Diagnostics) -> [String]? {
    if let list = node.sequence { return list.compactMap { text($0, "un élément de réponse", &diagnostics) } }
    guard let value = node.scalar, !node.isNull else {
      diagnostics.error(
        "wrong-type", at: node.location, "une réponse doit être une valeur ou une liste, pas \(node.shapeDescription)")
      return nil
    }
    return [value]
  }
}
