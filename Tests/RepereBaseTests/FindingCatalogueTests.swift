import Foundation
import Testing

/// docs/findings.md lists every finding code the sources emit, and only those: a new code
/// comes with its line in the catalogue, a removed one takes its line away. Every catalogued
/// code is produced by some test: a new code without a test fails here.
@Suite struct FindingCatalogueTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `diagnostics.error("code"`, `.warning("code"`, `Finding(code: "code"`, `ExpressionError(code: "code"`,
  /// `code = "code"` (the data-file reader picks its code by the kind of failure), `…Code = "code"`
  /// (the journal reader's named codes) and `code: String = "code"` (a default code).
  static func emittedCodes() throws -> Set<String> {
    let pattern = try NSRegularExpression(
      pattern: #"(?:\.(?:error|warning)\(\s*"([a-z][a-z0-9-]+)"|code:\s*"([a-z][a-z0-9-]+)""#
        + #"|\b[a-zA-Z]*[cC]ode(?::\s*String)?\s*=\s*"([a-z][a-z0-9-]+)")"#)
    var codes = Set<String>()
    let sources = root.appendingPathComponent("Sources")
    let skipped = ["RepereBench", "RepereRulesBench"]
    for url in try files(under: sources, extension: "swift") {
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

  static func files(under folder: URL, extension wanted: String) throws -> [URL] {
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
      return []
    }
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == wanted }
  }

  /// The catalogue's rows: code → level (`error`, `warning`, or both for a code whose level
  /// depends on where it is found).
  static func catalogue() throws -> [String: String] {
    let text = try String(contentsOf: root.appendingPathComponent("docs/findings.md"), encoding: .utf8)
    var rows: [String: String] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 2, let code = cells[0].split(separator: "`").first else { continue }
      rows[String(code)] = cells[1]
    }
    return rows
  }

  static func cataloguedCodes() throws -> Set<String> { Set(try catalogue().keys) }

  /// Codes a test asserts: written in quotes in a test file other than this one (the broken
  /// corpus's codes are listed by `BrokenBundleTests.theCorpusProducesTheseCodes`).
  static func testedCodes() throws -> Set<String> {
    let tests = root.appendingPathComponent("Tests")
    let quoted = try NSRegularExpression(pattern: #""([a-z][a-z0-9-]+)""#)
    var codes = Set<String>()
    for url in try files(under: tests, extension: "swift") where url.lastPathComponent != "FindingCatalogueTests.swift"
    {
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in quoted.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let found = Range(match.range(at: 1), in: text) { codes.insert(String(text[found])) }
      }
    }
    return codes
  }

  @Test func everyEmittedCodeIsCataloguedAndNoOther() throws {
    let emitted = try Self.emittedCodes()
    let catalogued = try Self.cataloguedCodes()
    #expect(emitted.count > 50)
    #expect(emitted.subtracting(catalogued).sorted() == [], "codes missing from docs/findings.md")
    #expect(catalogued.subtracting(emitted).sorted() == [], "codes in docs/findings.md no source emits")
  }

  @Test func everyCataloguedCodeHasALevel() throws {
    for (code, level) in try Self.catalogue() {
      #expect(level.hasPrefix("error") || level.hasPrefix("warning"), "\(code): « \(level) »")
    }
  }

  @Test func everyCataloguedCodeIsProducedByATest() throws {
    let untested = try Self.cataloguedCodes().subtracting(try Self.testedCodes())
    #expect(untested.sorted() == [], "codes no test produces: add a case to FindingCodeTests")
  }
}
