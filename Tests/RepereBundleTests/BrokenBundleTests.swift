import Foundation
import RepereBase
import Testing

@testable import RepereBundle

/// The corpus of broken bundles: each folder under Fixtures/broken is a tiny bundle with an
/// `expected.txt` naming the finding it must produce (`code file:line:column`).
enum BrokenCorpus {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures/broken")

  static var names: [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return entries.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// The expected finding: code and `file:line:column`.
  static func expectation(_ name: String) throws -> (code: String, location: String) {
    let text = try String(
      contentsOf: root.appendingPathComponent(name).appendingPathComponent("expected.txt"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty })
    let parts = line.split(separator: " ")
    try #require(parts.count == 2, "expected.txt of \(name) must read 'code file:line:column'")
    return (String(parts[0]), String(parts[1]))
  }

  /// 2026-11-29 at noon in Paris.
  static let today = Date(timeIntervalSince1970: 1_795_950_000)
}

@Suite struct BrokenBundleTests {
  @Test func theCorpusHasAtLeastFortyCases() {
    #expect(BrokenCorpus.names.count >= 40)
  }

  /// The codes the corpus produces, each at the position its `expected.txt` names: a case is not
  /// removed without its code being produced elsewhere (docs/findings.md, FindingCatalogueTests).
  @Test func theCorpusProducesTheseCodes() throws {
    let codes = Set(try BrokenCorpus.names.map { try BrokenCorpus.expectation($0).code })
    let expected: Set<String> = [
      "conflicting-variable", "contact-id-with-filters", "date-order", "dead-end", "duplicate-key",
      "duplicate-option-value", "duplicate-protocol-id", "duplicate-scenario-id", "duplicate-step-id",
      "empty-contact-query", "empty-file", "empty-options", "expression-not-boolean", "expression-syntax",
      "expression-too-complex", "format-not-first", "invalid-answer", "invalid-date", "invalid-id", "invalid-range",
      "invalid-scope", "invalid-utf8", "invalid-value", "invalid-variable", "missing-base", "missing-disposition",
      "missing-format", "missing-key", "missing-protocol", "missing-source", "missing-step", "missing-structure",
      "outside-validity", "overlapping-overlays", "overlay-cycle", "overlay-levels", "reserved-variable",
      "review-overdue", "route-without-default", "type-mismatch", "unknown-answer-step", "unknown-format",
      "unknown-function", "unknown-key", "unknown-level", "unknown-option-value", "unknown-public",
      "unknown-step-kind", "unknown-theme", "unknown-type", "unknown-variable", "unreachable-disposition",
      "unreachable-route", "unreachable-step", "walk-loop", "wrong-type", "yaml-syntax",
    ]
    #expect(expected.subtracting(codes).sorted() == [])
  }

  @Test(arguments: BrokenCorpus.names)
  func eachBrokenBundleProducesItsFinding(name: String) throws {
    let (code, location) = try BrokenCorpus.expectation(name)
    let (_, findings) = DataBundle.loadAndCheck(
      from: BrokenCorpus.root.appendingPathComponent(name), today: BrokenCorpus.today)
    let found = findings.map { "\($0.code) \($0.location)" }
    #expect(found.contains("\(code) \(location)"), "\(name): \(found)")
    // Every finding has a message and a real position; nothing points at code.
    for finding in findings {
      #expect(!finding.message.isEmpty)
      #expect(finding.location.line >= 1 && finding.location.column >= 1)
      #expect(finding.location.file != "<code>")
    }
    let hasErrors = findings.contains { $0.severity == .error }
    #expect(FindingReport.exitStatus(findings, strict: false) == (hasErrors ? 2 : 0))
    #expect(FindingReport.exitStatus(findings, strict: true) != 0)
  }
}
