import RepereRules

/// A large, valid protocol for timing: blocks of a yes/no, a choice, a checklist, a number and
/// a route with conditions, each block able to end early in an outcome, all reachable.
enum GeneratedProtocol {
  /// Steps per block.
  static let blockSize = 6

  static func yaml(steps: Int) -> String {
    let blocks = max(1, steps / blockSize)
    var lines = [
      "format: repere/protocol@1", "id: bench/generated", "title: Protocole généré", "version: \"1\"",
      "start: b0-oui", "sources:", "  src: { title: Source }", "steps:",
    ]
    for block in 0..<blocks {
      let next = block + 1 < blocks ? "b\(block + 1)-oui" : "fin-conseil"
      lines += [
        "  - id: b\(block)-oui", "    kind: yesno", "    text: Question \(block) ?", "    yes: b\(block)-choix",
        "    no: b\(block)-choix", "    unknown: b\(block)-choix", "    why: [src]",
        "  - id: b\(block)-choix", "    kind: choice", "    text: Choix \(block) ?", "    options:",
        "      - { value: a, label: A, next: b\(block)-liste }", "      - { value: b, label: B }",
        "      - { value: c, label: C, next: fin-ip }", "    next: b\(block)-liste",
        "  - id: b\(block)-liste", "    kind: multi", "    text: Signes \(block) ?", "    options:",
        "      - { value: x, label: X, weight: 2 }", "      - { value: y, label: Y }", "    next: b\(block)-nombre",
        "    recommend:", "      - { disposition: accompagnement, when: \"score(b\(block)_liste) >= 3\" }",
        "  - id: b\(block)-nombre", "    kind: number", "    text: Nombre \(block) ?", "    min: 0",
        "    max: 100", "    next: b\(block)-route",
        "  - id: b\(block)-route", "    kind: route", "    routes:",
        "      - { when: \"b\(block)_oui = true and b\(block)_nombre > 90\", next: fin-signalement }",
        "      - { when: \"b\(block)_choix in ['a', 'b'] and has(b\(block)_liste, 'x')\", next: b\(block)-info }",
        "      - { next: b\(block)-info }",
        "  - id: b\(block)-info", "    kind: info", "    text: Information \(block).", "    next: \(next)",
      ]
    }
    lines += [
      "  - { id: fin-signalement, kind: outcome, disposition: signalement }",
      "  - { id: fin-ip, kind: outcome, disposition: ip }",
      "  - { id: fin-conseil, kind: outcome, disposition: conseil }",
      "dispositions:", "  signalement: { level: signalement, title: Signaler, why: [src] }",
      "  ip: { level: information-preoccupante, title: IP, contacts: [{ kind: crip }] }",
      "  accompagnement: { level: accompagnement, title: Accompagner }",
      "  conseil: { level: conseil, title: Conseil }",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// Answers that walk every block to the end.
  static func answers(steps: Int) -> [String: AnswerValue] {
    var answers: [String: AnswerValue] = [:]
    for block in 0..<max(1, steps / blockSize) {
      answers["b\(block)-oui"] = .bool(false)
      answers["b\(block)-choix"] = .choice("a")
      answers["b\(block)-liste"] = .set(["x"])
      answers["b\(block)-nombre"] = .number(10)
    }
    return answers
  }
}
