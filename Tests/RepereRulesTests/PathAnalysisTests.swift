import Testing

@testable import RepereRules

@Suite struct PathAnalysisTests {
  @Test func countsEveryDistinctPathPerDisposition() throws {
    let library = try Fixtures.library(Fixtures.orientation)
    let definition = try #require(library.protocolDefinition("national/orientation"))
    let analysis = try #require(PathAnalysis.analyze(definition))
    #expect(analysis.totalPaths == 4)
    let counts = Dictionary(uniqueKeysWithValues: analysis.dispositions.map { ($0.code, $0.count) })
    #expect(counts == ["urgence-17": 1, "signalement-procureur": 1, "ip-crip": 1, "accompagnement": 3, "conseil": 1])
    #expect(analysis.dispositions.first { $0.code == "urgence-17" }?.paths == [["securite", "urgence"]])
    let walked = [["securite", "urgence"], ["securite", "urgence"], ["securite", "lieu"]]
    let (covered, percent) = analysis.coverage(of: walked, in: definition)
    #expect(covered == 1)
    #expect(percent == 25)
  }

  @Test func countsSaturateInsteadOfOverflowing() throws {
    // 70 binary choices in a row: 2^70 paths.
    var steps: [Step] = []
    for index in 0..<70 {
      steps.append(Step(id: "q\(index)", kind: .yesno, text: "Q", yes: "q\(index + 1)", no: "q\(index + 1)"))
    }
    steps.append(Step(id: "q70", kind: .outcome, disposition: "d"))
    // yes and no lead to the same step, so there is one path; make them differ through a detour.
    var detoured: [Step] = []
    for index in 0..<70 {
      detoured.append(Step(id: "q\(index)", kind: .yesno, text: "Q", yes: "d\(index)", no: "q\(index + 1)"))
      detoured.append(Step(id: "d\(index)", kind: .info, text: "I", next: "q\(index + 1)"))
    }
    detoured.append(Step(id: "q70", kind: .outcome, disposition: "d"))
    let definition = ProtocolDefinition(
      id: "big", title: "big", version: "1", start: "q0", steps: detoured,
      dispositions: ["d": Disposition(code: "d", level: "conseil", title: "D")])
    let analysis = try #require(PathAnalysis.analyze(definition, limit: 10))
    #expect(analysis.totalPaths == Int.max)
    #expect(analysis.truncated)
    #expect(analysis.dispositions.first?.paths.count == 10)
    let single = ProtocolDefinition(
      id: "s", title: "s", version: "1", start: "q0", steps: steps,
      dispositions: ["d": Disposition(code: "d", level: "conseil", title: "D")])
    #expect(PathAnalysis.analyze(single)?.totalPaths == 1)
  }
}
