import RepereBase
import Testing

@testable import RepereRules

/// Small protocols written for the tests.
enum Fixtures {
  static let orientation = """
    format: repere/protocol@1
    id: national/orientation
    title: Orientation test
    version: "1"
    start: securite
    sources:
      casf: { title: "CASF L226-3" }
    steps:
      - id: securite
        kind: yesno
        text: Danger immédiat ?
        yes: urgence
        no: lieu
        unknown: lieu
      - id: lieu
        kind: place
        text: Où ?
        next: age
      - id: age
        kind: number
        text: Âge ?
        min: 0
        max: 25
        next: signes
        unknown: signes
      - id: signes
        kind: multi
        text: Signes ?
        options:
          - { value: fugues, label: Fugues, weight: 2 }
          - { value: hotel, label: Hôtel, weight: 3 }
          - { value: argent, label: Argent }
        next: conseil-info
        recommend:
          - { disposition: accompagnement, when: "score(signes) >= 3" }
      - id: conseil-info
        kind: info
        text: Noter les paroles.
        next: orientation
      - id: orientation
        kind: route
        routes:
          - { when: "age < 18 and has(signes, 'hotel')", next: fin-signalement }
          - { when: "count(signes) >= 1", next: fin-ip }
          - { next: fin-conseil }
      - id: urgence
        kind: outcome
        disposition: urgence-17
      - id: fin-signalement
        kind: outcome
        disposition: signalement-procureur
      - id: fin-ip
        kind: outcome
        disposition: ip-crip
      - id: fin-conseil
        kind: outcome
        disposition: conseil
    dispositions:
      urgence-17: { level: urgence, title: Appeler le 17, contacts: [{ kind: police }] }
      signalement-procureur: { level: signalement, title: Signaler, why: [casf] }
      ip-crip: { level: information-preoccupante, title: IP, contacts: [{ kind: crip }, { id: national/119 }] }
      accompagnement: { level: accompagnement, title: Accompagner, contacts: [{ theme: prostitution-mineurs, limit: 2 }] }
      conseil: { level: conseil, title: Conseil }
    """

  static let overlay95 = """
    format: repere/protocol@1
    id: 95/orientation
    extends: national/orientation
    scope: ["95"]
    title: Orientation Val-d'Oise (exemple)
    version: "1"
    steps:
      - id: age
        kind: number
        text: Âge (95) ?
        next: referent
      - id: referent
        kind: yesno
        text: Référent ASE connu ?
        yes: signes
        no: signes
      - id: signes
        kind: multi
        text: Signes (95) ?
        options:
          - { value: fugues, label: Fugues }
          - { value: hotel, label: Hôtel }
          - { value: argent, label: Argent }
        next: orientation
        recommend:
          - { disposition: accompagnement, when: "count(signes) >= 2" }
    remove: [conseil-info]
    dispositions:
      ip-crip: { level: information-preoccupante, title: IP 95 }
    """

  static func library(_ texts: String...) throws -> ProtocolLibrary {
    var definitions: [ProtocolDefinition] = []
    for (index, text) in texts.enumerated() {
      let (definition, findings) = ProtocolLoader.load(text: text, file: "p\(index).yaml")
      #expect(findings.isEmpty, "\(findings)")
      definitions.append(try #require(definition))
    }
    return ProtocolLibrary(files: definitions)
  }
}

/// Places for tests: département codes, and « Saint-Denis » in two départements.
struct TestPlaces: PlaceResolving {
  func candidates(for text: String) -> [PlaceValue] {
    switch text.lowercased() {
    case "95", "95000", "cergy": return [PlaceValue(communeCode: "95127", departement: "95", label: "Cergy (95)")]
    case "93", "93200", "93066": return [PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)")]
    case "saint-denis":
      return [
        PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)"),
        PlaceValue(communeCode: "97411", departement: "974", label: "Saint-Denis (974)"),
      ]
    default: return []
    }
  }
}
