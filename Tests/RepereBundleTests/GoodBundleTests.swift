import Foundation
import RepereBase
import RepereRules
import Testing

@testable import RepereBundle

enum GoodBundle {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/good")

  static func load() -> (DataBundle, [Finding]) {
    DataBundle.loadAndCheck(from: root, today: BrokenCorpus.today)
  }
}

@Suite struct GoodBundleTests {
  @Test func aCleanBundleChecksClean() {
    let (bundle, findings) = GoodBundle.load()
    #expect(findings.isEmpty, "\(findings)")
    #expect(bundle.library.ids == ["95/orientation", "national/orientation"])
    #expect(bundle.scenarios.map(\.id).sorted() == ["lea-15-ans-hotel", "val-doise-bascule"])
    #expect(
      bundle.files.map(\.path) == [
        "protocoles/95.yaml", "protocoles/national.yaml", "scenarios/lea.yaml", "scenarios/val-doise.yaml",
      ])
    #expect(FindingReport.human(findings) == "Aucun problème trouvé.")
    #expect(FindingReport.exitStatus(findings, strict: true) == 0)
  }

  @Test func scenariosPassAndReportTheClosingLine() {
    let (bundle, _) = GoodBundle.load()
    let results = bundle.run(bundle.scenarios, defaultNow: BrokenCorpus.today)
    let allPassed = results.allSatisfy { $0.passed }
    #expect(allPassed, "\(results.map(\.failures))")
    let report = ScenarioReport.human(results)
    #expect(report.hasSuffix("\n2 passed, 0 failed"))
    #expect(report.contains("PASS lea-15-ans-hotel — Léa, 15 ans, retrouvée dans un hôtel [scenarios/lea.yaml]"))
    let switched = results.first { $0.scenario.id == "val-doise-bascule" }
    #expect(switched?.state?.protocolID == "95/orientation")
    #expect(switched?.changes.contains(.changed(step: "age", from: .number(17), to: .number(19))) == true)
  }

  @Test func failingScenariosShowExpectedAndActual() throws {
    let (bundle, _) = GoodBundle.load()
    var scenario = try #require(bundle.scenarios.first { $0.id == "lea-15-ans-hotel" })
    scenario.expect.level = "urgence"
    scenario.expect.dispositions = ["ip-crip"]
    scenario.expect.path = ["securite"]
    // A second, unreadable answer to `age` is reported; the first one still counts.
    scenario.answers.append(Scenario.Answer(stepID: "age", items: ["quinze"]))
    let result = bundle.run(scenario, defaultNow: BrokenCorpus.today)
    #expect(result.failures.map(\.aspect) == ["answer age", "level", "dispositions", "path"])
    let report = ScenarioReport.human([result])
    #expect(report.contains("FAIL lea-15-ans-hotel"))
    #expect(report.contains("    level :\n      attendu : urgence\n      obtenu  : signalement"))
    #expect(report.hasSuffix("0 passed, 1 failed"))
  }

  @Test func changesOffThePathFailTheScenario() throws {
    let (bundle, _) = GoodBundle.load()
    var scenario = try #require(bundle.scenarios.first { $0.id == "lea-15-ans-hotel" })
    scenario.changes = [
      Scenario.Change(stepID: "referent", items: ["true"], reason: nil, location: scenario.location)
    ]
    let result = bundle.run(scenario, defaultNow: BrokenCorpus.today)
    #expect(result.failures.first?.aspect == "change referent")
  }

  @Test func walkReportShowsPathLevelDispositionsAndExplanation() throws {
    let (bundle, _) = GoodBundle.load()
    let state = Walker.walk(
      library: bundle.library, protocolID: "national/orientation",
      answers: [
        "securite": .bool(false), "lieu": .place(PlaceValue(communeCode: nil, departement: "93", label: "93")),
        "age": .number(16), "signes": .set(["argent"]),
      ])
    let text = WalkReport.human(state, library: bundle.library, contacts: [])
    #expect(text.contains("  7. fin-ip [outcome]"))
    #expect(text.contains("Niveau de la situation : information-preoccupante"))
    #expect(text.contains("• ip-crip — information-preoccupante : Transmettre une information préoccupante à la CRIP"))
    #expect(text.contains("(contacts : annuaire non chargé)"))
    #expect(text.contains("orientation : « count(signes) >= 1 » (signes = argent) → fin-ip"))
    let json = WalkReport.json(state, library: bundle.library, contacts: [])
    let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(decoded["level"] as? String == "information-preoccupante")
    #expect(decoded["finished"] as? Bool == true)
    #expect((decoded["path"] as? [[String: Any]])?.count == 7)
  }

  @Test func walkWarnsOutsideTheValidityWindow() throws {
    let (bundle, _) = GoodBundle.load()
    let definition = try #require(bundle.library.protocolDefinition("national/orientation"))
    let before = try #require(Instant.parse("2026-10-31T23:30:00+01:00"))
    #expect(
      WalkReport.validityWarning(definition, now: before)
        == "Attention : ce protocole n'est valable qu'à partir du 2026-11-01")
    let during = try #require(Instant.parse("2026-11-01T00:30:00+01:00"))
    #expect(WalkReport.validityWarning(definition, now: during) == nil)
  }

  @Test func checkJSONIsMachineReadable() throws {
    let finding = Finding(
      code: "missing-step", location: SourceLocation(file: "p.yaml", line: 3, column: 9), message: "m",
      hint: "vouliez-vous dire « a » ?", related: [SourceLocation(file: "o.yaml", line: 1, column: 1)])
    let json = FindingReport.json([finding])
    let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(decoded["errors"] as? Int == 1)
    let first = try #require((decoded["findings"] as? [[String: Any]])?.first)
    #expect(first["file"] as? String == "p.yaml")
    #expect(first["line"] as? Int == 3)
    #expect(first["column"] as? Int == 9)
    #expect(first["hint"] as? String == "vouliez-vous dire « a » ?")
    #expect(FindingReport.human([finding]).contains("o.yaml:1:1: note: voir aussi"))
  }

  @Test func warningsAloneExitZeroUnlessStrict() {
    let warning = Finding(
      code: "review-overdue", severity: .warning, location: SourceLocation(file: "p.yaml", line: 1, column: 1),
      message: "m")
    #expect(FindingReport.exitStatus([warning], strict: false) == 0)
    #expect(FindingReport.exitStatus([warning], strict: true) == 1)
  }

  @Test func pathsCoverageCountsScenarioWalks() throws {
    let (bundle, _) = GoodBundle.load()
    let summary = try #require(bundle.pathsSummary(protocolID: "national/orientation", defaultNow: BrokenCorpus.today))
    let paths = summary.paths
    // National: the urgence, then fin-signalement, fin-ip or fin-conseil; under the 95 overlay
    // (no urgence after the place): its three outcomes with the `referent` question.
    #expect(paths.paths.count == 7)
    #expect(paths.paths.filter { $0.protocolID == "95/orientation" }.count == 3)
    #expect(summary.structuralPaths == 4)
    // Léa walks a national path; the Val-d'Oise case, the overlay's fin-ip.
    #expect(summary.scenariosByPath.values.flatMap { $0 }.sorted() == ["lea-15-ans-hotel", "val-doise-bascule"])
    #expect(summary.coverage.paths.count == 2)
    #expect(summary.unmatchedScenarios.isEmpty)
    let text = PathsReport.human(summary, showPaths: 1)
    #expect(text.contains("Couverture par les scénarios : 2/7 parcours (28.6 %)"))
    #expect(text.contains("Parcours structurels (conditions ignorées, pour mémoire) : 4"))
    #expect(text.contains("  dont 3 sous 95/orientation (choisi par le lieu)"))
    #expect(text.contains("urgence-17 (urgence) : "))
    #expect(text.contains("  non couverte : urgence-17"))
    #expect(text.contains("    par exemple : securite=true"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(PathsReport.json(summary).utf8)) as? [String: Any])
    #expect(json["total_paths"] as? Int == 7)
    #expect(json["covered_paths"] as? Int == 2)
    #expect(json["coverage_percent"] as? Double == 28.6)
    #expect(json["truncated"] as? Bool == false)
    #expect(json["format"] as? String == "repere/paths@1")
    #expect((json["uncovered_dispositions"] as? [String])?.contains("urgence-17") == true)
    let listed = try #require(json["paths"] as? [[String: Any]])
    #expect(listed.count == 7)
    #expect(listed.contains { ($0["scenarios"] as? [String]) == ["lea-15-ans-hotel"] })
  }

  @Test func aMissingDataFolderIsAFindingNotACrash() {
    let (_, findings) = DataBundle.load(from: URL(fileURLWithPath: "/nonexistent/repere"))
    #expect(findings.map(\.code) == ["missing-data-folder"])
  }
}
