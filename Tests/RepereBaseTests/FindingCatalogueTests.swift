import Foundation
import Testing

/// docs/findings.md lists every finding code the sources emit, and only those: a new code
/// comes with its line in the catalogue, a removed one takes its line away.
@Suite struct FindingCatalogueTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `diagnostics.error("code"`, `.warning("code"`, `Finding(code: "code"`, `ExpressionError(code: "code"`,
  /// `code = "code"` (the data-file reader picks its code by the kind of failure).
  static func emittedCodes() throws -> Set<String> {
    let pattern = try NSRegularExpression(
      pattern: #"(?:\.(?:error|warning)\(\s*"([a-z][a-z0-9-]+)"|code:\s*"([a-z][a-z0-9-]+)""#
        + #"|\bcode = "([a-z][a-z0-9-]+)")"#)
    var codes = Set<String>()
    let sources = root.appendingPathComponent("Sources")
    let skipped = ["RepereBench", "RepereRulesBench"]
    guard let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
    for case let url as URL in files where url.pathExtension == "swift" {
      let module = url.path.dropFirst(sources.path.count + 1).split(separator: "/").first.map(String.init) ?? ""
      guard !skipped.contains(module) else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      let range = NSRange(text.startIndex..., in: text)
      for match in pattern.matches(in: text, range: range) {
        for group in 1...3 {
          if let found = Range(match.range(at: group), in: text) { codes.insert(String(text[found])) }
        }
      }
    }
    return codes
  }

  static func cataloguedCodes() throws -> Set<String> {
    let text = try String(contentsOf: root.appendingPathComponent("docs/findings.md"), encoding: .utf8)
    return Set(
      text.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("| `") else { return nil }
        return line.dropFirst(3).split(separator: "`").first.map(String.init)
      })
  }

  @Test func everyEmittedCodeIsCataloguedAndNoOther() throws {
    let emitted = try Self.emittedCodes()
    let catalogued = try Self.cataloguedCodes()
    #expect(emitted.count > 50)
    #expect(emitted.subtracting(catalogued).sorted() == [], "codes missing from docs/findings.md")
    #expect(catalogued.subtracting(emitted).sorted() == [], "codes in docs/findings.md no source emits")
  }
}
