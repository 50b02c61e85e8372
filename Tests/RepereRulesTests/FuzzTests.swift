import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereRules

/// Seeded generative tests: hostile conditions and protocol files must give findings, never a
/// crash or a hang. Bounded counts, fixed seeds.
@Suite(.tags(.slow)) struct FuzzTests {
  static let expressionInputs = 14_000
  static let yamlInputs = 6_000

  static let fragments = [
    "age", "signes", "statut", "securite", "departement", "commune", "x", "and", "or", "not", "in", "true", "false",
    "unknown", "known(", "count(", "score(", "has(", ",", "(", ")", "[", "]", "=", "==", "!=", "<", "<=", ">", ">=",
    "+", "-", "*", "'", "\"", "'ase'", "'hotel'", "15", "2.5", "0", "99999999999999999999999", "1.2.3", " ", "  ",
    "\u{0}", "é", "🙂", "\u{202E}", "\n", "!", "&&", "||", ".", "e9", "1" + String(repeating: "0", count: 30),
  ]

  static func randomCondition(_ generator: inout SeededGenerator) -> String {
    switch Int.random(in: 0..<10, using: &generator) {
    case 0:
      let depth = Int.random(in: 1...200, using: &generator)
      return String(repeating: "(", count: depth) + "age > 1" + String(repeating: ")", count: depth)
    case 1:
      return String(repeating: "not ", count: Int.random(in: 1...100, using: &generator)) + "securite"
    default:
      let count = Int.random(in: 0...24, using: &generator)
      return (0..<count).map { _ in fragments.randomElement(using: &generator) ?? "" }.joined(separator: " ")
    }
  }

  @Test func expressionParserIsTotal() throws {
    var generator = SeededGenerator(seed: 0x5EED_0001)
    let definition = try #require(ProtocolLoader.load(text: Fixtures.orientation, file: "p.yaml").0)
    let checker = ExpressionTypeChecker(definition)
    let context = EvaluationContext(
      values: ["age": .number(15), "securite": .unknown, "signes": .set(["hotel"])], weights: [:], place: nil)
    var parsed = 0
    var rejected = 0
    for _ in 0..<Self.expressionInputs {
      let text = Self.randomCondition(&generator)
      switch ExpressionParser.parse(text) {
      case .success(let expression):
        parsed += 1
        _ = checker.check(condition: expression)
        _ = ExpressionEvaluator.evaluate(expression, in: context)
      case .failure(let error):
        rejected += 1
        #expect(!error.message.isEmpty)
        #expect(error.offset >= 0 && error.offset <= text.unicodeScalars.count, "\(text)")
        #expect(["expression-syntax", "expression-too-complex", "unknown-function"].contains(error.code))
      }
    }
    #expect(parsed + rejected == Self.expressionInputs)
    #expect(parsed > 100 && rejected > 100)  // the generator reaches both sides
    print("expression fuzz: \(Self.expressionInputs) inputs, \(parsed) parsed, \(rejected) rejected")
  }

  /// Mutations of a valid protocol: lines dropped, duplicated, swapped or cut, hostile text
  /// inserted, keys and values replaced.
  static func mutate(_ lines: [String], _ generator: inout SeededGenerator) -> String {
    var lines = lines
    let insertions = [
      "\t- id: x", "  - {", "steps: [[[[[[[[[[", "&a [*a]", "*missing", "dispositions: 12", "kind: route",
      "    routes: [{ when: \"((((age\", next: q }]", "    next: ~", "\u{FEFF}format: x", "- ]", "'", "\"unterminated",
      "    options: [{ value: a }, { value: a }]", "    min: 1e9999", "    when: \(String(repeating: "(", count: 300))",
      "levels: []", "extends: national/orientation", "scope: 93", "    recommend: [{ disposition: zz, when: 'x' }]",
      "  ? complex", "!!binary abc", "%YAML 1.1", "---", "...", String(repeating: "[", count: 1_200),
    ]
    for _ in 0..<Int.random(in: 1...6, using: &generator) {
      guard !lines.isEmpty else { break }
      let index = Int.random(in: 0..<lines.count, using: &generator)
      switch Int.random(in: 0..<7, using: &generator) {
      case 0: lines.remove(at: index)
      case 1: lines.insert(lines[index], at: index)
      case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &generator))
      case 3:
        lines[index] = String(lines[index].prefix(Int.random(in: 0...max(0, lines[index].count), using: &generator)))
      case 4: lines.insert(insertions.randomElement(using: &generator) ?? "", at: index)
      case 5:
        let words = ["yes", "no", "next", "kind", "id", "text", "disposition", "level", "when", "var", "unknown"]
        let word = words.randomElement(using: &generator) ?? "id"
        lines[index] = lines[index].replacingOccurrences(of: word, with: word + "x")
      default:
        let values = ["fin-ip", "securite", "lieu", "signes", "zz", "", "null", "[]", "{}", "-1", "true"]
        if let colon = lines[index].firstIndex(of: ":") {
          lines[index] = String(lines[index][...colon]) + " " + (values.randomElement(using: &generator) ?? "")
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  @Test func protocolLoaderAndCheckerAreTotal() throws {
    var generator = SeededGenerator(seed: 0x5EED_0002)
    let base = Fixtures.orientation.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let overlay = try #require(ProtocolLoader.load(text: Fixtures.overlay95, file: "o.yaml").0)
    var loaded = 0
    var refused = 0
    for round in 0..<Self.yamlInputs {
      let text = Self.mutate(base, &generator)
      let (definition, findings) = ProtocolLoader.load(text: text, file: "p.yaml")
      for finding in findings {
        #expect(finding.location.file == "p.yaml")
        #expect(finding.location.line >= 1 && finding.location.column >= 1)
        #expect(!finding.code.isEmpty && !finding.message.isEmpty)
      }
      guard let definition else {
        refused += 1
        #expect(!findings.isEmpty, "a file refused without a finding: \(text)")
        continue
      }
      loaded += 1
      let library = ProtocolLibrary(files: [definition, overlay])
      _ = ProtocolChecker.check(library: library, today: CalendarDay(year: 2026, month: 11, day: 29))
      _ = PathAnalysis.analyze(definition, limit: 50)
      if loaded % 4 == 0 {  // a quarter of them: enough to meet every mutation, in a quarter of the time
        let feasible = FeasiblePaths.enumerate(
          library: library, protocolID: definition.id, limits: .init(maxPaths: 50, maxWork: 4_000))
        #expect(feasible.map { $0.paths.count <= 50 } ?? true)
      }
      // Walk with a few answers; broken protocols stop with a problem, never loop.
      let answers: [String: AnswerValue] = [
        "securite": round % 3 == 0 ? .unknown : .bool(round % 2 == 0),
        "lieu": .place(PlaceValue(communeCode: nil, departement: round % 2 == 0 ? "95" : "93", label: "x")),
        "age": .number(Double(round % 30)), "signes": .set(["hotel"]),
      ]
      let state = Walker.walk(library: library, protocolID: definition.id, answers: answers)
      #expect(state.path.count <= definition.steps.count + overlay.steps.count + 1)
    }
    #expect(loaded + refused == Self.yamlInputs)
    #expect(loaded > 100 && refused > 100)
    print("YAML fuzz: \(Self.yamlInputs) inputs, \(loaded) loaded and checked, \(refused) refused with findings")
  }
}
