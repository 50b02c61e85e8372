import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereRules

@Suite struct LoaderTests {
  func load(_ text: String) throws -> ProtocolDefinition {
    let (definition, findings) = ProtocolLoader.load(text: text, file: "p.yaml")
    #expect(findings.isEmpty, "\(findings)")
    return try #require(definition)
  }

  @Test func everyStepKindLoadsWithItsFields() throws {
    let definition = try load(Fixtures.orientation)
    #expect(definition.id == "national/orientation")
    #expect(definition.levels == ProtocolDefinition.defaultLevels)
    #expect(definition.start == "securite")
    let kinds = Set(definition.steps.map(\.kind))
    #expect(kinds == [.yesno, .place, .number, .multi, .info, .route, .outcome])
    let securite = try #require(definition.step("securite"))
    #expect(securite.yes == "urgence")
    #expect(securite.no == "lieu")
    #expect(securite.unknownNext == "lieu")
    #expect(securite.location == SourceLocation(file: "p.yaml", line: 9, column: 5))
    let age = try #require(definition.step("age"))
    #expect(age.min == 0)
    #expect(age.max == 25)
    let signes = try #require(definition.step("signes"))
    #expect(signes.options.map(\.weight) == [2, 3, 1])
    #expect(signes.recommend.first?.disposition == "accompagnement")
    #expect(signes.recommend.first?.condition?.source == "score(signes) >= 3")
    let route = try #require(definition.step("orientation"))
    #expect(route.routes.count == 3)
    #expect(route.routes.last?.condition == nil)
    #expect(definition.step("fin-ip")?.disposition == "ip-crip")
    #expect(definition.step("conseil-info")?.variable == "conseil_info")
  }

  /// Issue 18, point 10: « must be a number, not a number » for `.inf`; `0x10` read as 16.
  @Test func aBoundThatIsNotADecimalIsQuotedAsWritten() throws {
    for (written, quoted) in [(".inf", "« .inf »"), ("0x10", "« 0x10 »"), ("1e1", "« 1e1 »"), ("\"12\"", "« 12 »")] {
      let text = Fixtures.orientation.replacingOccurrences(of: "min: 0", with: "min: \(written)")
      let (_, findings) = ProtocolLoader.load(text: text, file: "p.yaml")
      let finding = try #require(findings.first { $0.code == "wrong-type" }, "\(written): \(findings)")
      #expect(finding.message == "`min` doit être un nombre, pas \(quoted)")
      let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("min: ") }
      #expect(finding.location.line == line.map { $0 + 1 })
    }
  }

  /// `short` (an extension: docs/formats-extensions.md) names a question in a few words.
  @Test func aStepMayHaveAShortTitle() throws {
    let shipped = try #require(
      try FixtureLoader.protocols(in: TestPaths.shippedBundle, names: ["national-orientation.yaml"]).first)
    #expect(shipped.step("securite")?.short == "Danger immédiat ?")
    #expect(shipped.step("disparu")?.short == "Introuvable en ce moment ?")
    #expect(shipped.step("urgence-consignes")?.short == nil)
  }

  @Test func dispositionsAndContactQueries() throws {
    let definition = try load(Fixtures.orientation)
    let ip = try #require(definition.dispositions["ip-crip"])
    #expect(ip.level == "information-preoccupante")
    #expect(ip.contacts.map(\.kinds) == [["crip"], []])
    #expect(ip.contacts.last?.id == "national/119")
    let accompagnement = try #require(definition.dispositions["accompagnement"])
    #expect(accompagnement.contacts.first?.themes == ["prostitution-mineurs"])
    #expect(accompagnement.contacts.first?.limit == 2)
    #expect(accompagnement.contacts.first?.within == .national)
    #expect(accompagnement.contacts.first?.open == .prefer)
    #expect(definition.dispositions["signalement-procureur"]?.why == ["casf"])
    #expect(definition.sources["casf"]?.title == "CASF L226-3")
  }

  @Test func fullContactQuery() throws {
    let text = """
      format: repere/protocol@1
      id: q
      title: q
      version: "1"
      start: a
      levels: [haut, bas]
      scope: ["93", "2A", "971"]
      valid_from: 2026-01-01
      valid_to: 2026-12-31
      review_by: 2026-06-30
      steps:
        - { id: a, kind: number, text: Âge, next: b }
        - { id: b, kind: outcome, disposition: d }
      dispositions:
        d:
          level: haut
          title: D
          contacts:
            - { kind: [crip, police], theme: x, public: mineurs, age: a, open: now, limit: 5, within: voisins }
      """
    let definition = try load(text)
    let query = try #require(definition.dispositions["d"]?.contacts.first)
    #expect(query.kinds == ["crip", "police"])
    #expect(query.themes == ["x"])
    #expect(query.publics == ["mineurs"])
    #expect(query.ageVariable == "a")
    #expect(query.open == .now)
    #expect(query.limit == 5)
    #expect(query.within == .voisins)
    #expect(definition.levels == ["haut", "bas"])
    #expect(definition.scope == .departements(["93", "2A", "971"]))
    #expect(definition.validFrom == CalendarDay(year: 2026, month: 1, day: 1))
    #expect(definition.reviewBy == CalendarDay(year: 2026, month: 6, day: 30))
  }

  @Test func unknownKeysGetDidYouMean() {
    let text = """
      format: repere/protocol@1
      id: q
      title: q
      version: "1"
      start: a
      steps:
        - { id: a, kind: info, text: A, nxt: b }
      """
    let (_, findings) = ProtocolLoader.load(text: text, file: "p.yaml")
    let unknown = findings.first { $0.code == "unknown-key" }
    #expect(unknown?.hint == "vouliez-vous dire « next » ?")
    #expect(unknown?.location == SourceLocation(file: "p.yaml", line: 7, column: 35))
    #expect(findings.contains { $0.code == "missing-key" && $0.message.contains("`next`") })
  }

  @Test func overlayRequiresItsOwnKeys() {
    let text = """
      format: repere/protocol@1
      id: o
      extends: base
      title: o
      version: "1"
      """
    let (_, findings) = ProtocolLoader.load(text: text, file: "o.yaml")
    #expect(findings.map(\.code) == ["missing-key"])
    #expect(findings.first?.message.contains("`scope`") == true)
  }

  @Test func calendarDatesRejectImpossibleDays() {
    #expect(CalendarDay(iso: "2026-02-29") == nil)
    #expect(CalendarDay(iso: "2028-02-29") != nil)
    #expect(CalendarDay(iso: "2026-13-01") == nil)
    #expect(CalendarDay(iso: "26-01-01") == nil)
    #expect(CalendarDay(iso: "2026-04-31") == nil)
    #expect(CalendarDay(year: 2026, month: 1, day: 2).description == "2026-01-02")
  }
}

@Suite struct AnswerTextTests {
  let definition: ProtocolDefinition

  init() throws {
    definition = try #require(ProtocolLoader.load(text: Fixtures.orientation, file: "p.yaml").0)
  }

  func step(_ id: String) throws -> Step { try #require(definition.step(id)) }

  @Test func yesnoAcceptsTrueFalseOuiNon() throws {
    let parser = AnswerParser()
    for (text, value) in [("true", true), ("false", false), ("oui", true), ("non", false), ("Oui", true)] {
      #expect(try parser.parse(text, for: step("securite")).get() == .bool(value))
    }
    #expect(try parser.parse("unknown", for: step("securite")).get() == .unknown)
    #expect((try? parser.parse("peut-être", for: step("securite")).get()) == nil)
  }

  @Test func multiAcceptsAListOrCommas() throws {
    let parser = AnswerParser()
    #expect(try parser.parse("hotel, fugues", for: step("signes")).get() == .set(["fugues", "hotel"]))
    #expect(try parser.parse(["hotel", "argent"], for: step("signes")).get() == .set(["argent", "hotel"]))
    guard case .failure(let problem) = try parser.parse("hotell", for: step("signes")) else {
      Issue.record("accepted an unknown option")
      return
    }
    #expect(problem.hint == "vouliez-vous dire « hotel » ?")
  }

  @Test func numbersRespectBoundsAndUnknown() throws {
    let parser = AnswerParser()
    #expect(try parser.parse("15", for: step("age")).get() == .number(15))
    #expect(try parser.parse("15,5", for: step("age")).get() == .number(15.5))
    #expect((try? parser.parse("26", for: step("age")).get()) == nil)
    #expect((try? parser.parse("quinze", for: step("age")).get()) == nil)
    #expect((try? parser.parse("1e999", for: step("age")).get()) == nil)
    // Issue 18, point 10: Swift's Double(_:) reads these; an age never is written so.
    for hostile in ["0x10", "1e1", "nan", "inf", "+-3", "1.2.3", ".5", "5.", "1_0", String(repeating: "9", count: 40)] {
      #expect((try? parser.parse(hostile, for: step("age")).get()) == nil, "\(hostile)")
    }
    #expect(try parser.parse("unknown", for: step("age")).get() == .unknown)
  }

  @Test func placesResolveThroughTheResolver() throws {
    let parser = AnswerParser(places: TestPlaces())
    let place = try parser.parse("93200", for: step("lieu")).get()
    #expect(place == .place(PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)")))
    guard case .failure(let problem) = try parser.parse("Saint-Denis", for: step("lieu")) else {
      Issue.record("an ambiguous place was accepted")
      return
    }
    #expect(problem.message.contains("Saint-Denis (93), Saint-Denis (974)"))
    #expect((try? parser.parse("Atlantide", for: step("lieu")).get()) == nil)
    // Without reference data, département codes still work.
    #expect(
      try AnswerParser().parse("2A", for: step("lieu")).get()
        == .place(PlaceValue(communeCode: nil, departement: "2A", label: "2A")))
  }

  @Test func textFormRoundTrips() throws {
    let parser = AnswerParser(places: TestPlaces())
    let cases: [(String, AnswerValue)] = [
      ("securite", .bool(true)), ("securite", .unknown), ("age", .number(15)), ("age", .number(2.5)),
      ("signes", .set(["fugues", "hotel"])),
      ("lieu", .place(PlaceValue(communeCode: "93066", departement: "93", label: "x"))),
    ]
    for (id, value) in cases {
      let parsed = try parser.parse(value.textItems, for: step(id)).get()
      if case .place = value {
        #expect(value.textForm == "93066")
      } else {
        #expect(parsed == value, "\(id) \(value.textForm)")
      }
    }
    #expect(AnswerValue.number(15).textForm == "15")
    #expect(AnswerValue.set(["a", "b"]).textForm == "a,b")
    #expect(AnswerValue.unknown.displayText == "je ne sais pas")
  }

  @Test func answerValuesAreCodable() throws {
    let values: [AnswerValue] = [
      .bool(true), .choice("a"), .set(["x"]), .number(3), .text("t"), .unknown,
      .place(PlaceValue(communeCode: nil, departement: "93", label: "93")),
    ]
    let data = try JSONEncoder().encode(values)
    #expect(try JSONDecoder().decode([AnswerValue].self, from: data) == values)
  }
}
