import RepereBase
import RepereBundle
import Testing

/// `repere check` on a large directory: the first findings of each code, then a count.
@Suite struct FindingSummaryTests {
  static let findings: [Finding] =
    (1...25).map { line in
      Finding(
        code: "postal-code-mismatch", location: SourceLocation(file: "annuaire.csv", line: line + 1, column: 7),
        message: "the postal code 75011 does not belong to Lyon")
    } + [
      Finding(
        code: "stale-record", severity: .warning, location: SourceLocation(file: "annuaire.csv", line: 40, column: 3),
        message: "old")
    ]

  @Test func sameCodeIsCountedAfterTheFirstOnes() {
    let text = FindingReport.human(Self.findings, limitPerCode: 20)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 20 + 1 + 1 + 1)
    #expect(lines[19].hasPrefix("annuaire.csv:21:7: error:"))
    #expect(lines[20].contains("stale-record"))
    #expect(lines[21] == "… et 5 autres [postal-code-mismatch] (--all pour tout afficher)")
    #expect(lines[22] == "25 erreurs, 1 avertissement")
  }

  @Test func allShowsEverythingAndJSONKeepsEverything() {
    #expect(FindingReport.human(Self.findings).split(separator: "\n").count == 27)
    #expect(FindingReport.json(Self.findings).components(separatedBy: "postal-code-mismatch").count - 1 == 25)
  }

  @Test func largeCountsAreGroupedTheFrenchWay() {
    let many = (0..<1704).map { index in
      Finding(code: "x", location: SourceLocation(file: "f", line: index + 1, column: 1), message: "m")
    }
    let text = FindingReport.human(many, limitPerCode: 20)
    #expect(text.hasSuffix("… et 1 684 autres [x] (--all pour tout afficher)\n1 704 erreurs, 0 avertissement"))
  }
}
