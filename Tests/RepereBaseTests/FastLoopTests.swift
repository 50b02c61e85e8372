import Foundation
import Testing

/// The README's fast loop skips suites by name (this toolchain's `swift test` filters by name,
/// not by tag). Suites tagged `.endToEnd` or `.slow` say in the code what is slow; this test
/// keeps the README's regex naming every one of them, so a new slow suite is skipped too.
@Suite struct FastLoopTests {
  static let root = FindingCatalogueTests.root

  /// The `swift test --skip '…'` regex of the README's fast loop.
  static func readmeSkipPattern() throws -> String? {
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let line = readme.split(separator: "\n").first { $0.hasPrefix("swift test --skip '") }
    return line?.split(separator: "'").dropFirst().first.map(String.init)
  }

  /// `Module.Suite` names (as `swift test` matches them) of the suites declared with
  /// `@Suite(.tags(.endToEnd…` or `.slow`.
  static func taggedSuites() throws -> [String] {
    let pattern = try NSRegularExpression(
      pattern: #"@Suite\(\s*\.tags\([^)]*\.(?:endToEnd|slow)[^\n{]*\n?(?:[^\n{]*\n)?\s*struct (\w+)"#)
    var names: [String] = []
    let tests = root.appendingPathComponent("Tests")
    guard let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil) else { return [] }
    for case let url as URL in files where url.pathExtension == "swift" {
      let module = url.path.dropFirst(tests.path.count + 1).split(separator: "/").first.map(String.init) ?? ""
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        if let name = Range(match.range(at: 1), in: text) { names.append(module + "." + text[name]) }
      }
    }
    return names.sorted()
  }

  @Test func theReadmeFastLoopSkipsEveryTaggedSuite() throws {
    let skip = try #require(try Self.readmeSkipPattern(), "README has no `swift test --skip '…'` line")
    let regex = try NSRegularExpression(pattern: skip)
    let tagged = try Self.taggedSuites()
    #expect(tagged.count >= 14, "the tag scan found too few suites: \(tagged)")
    let missed = tagged.filter { name in
      regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) == nil
    }
    #expect(missed.isEmpty, "tagged slow suites the README's fast loop does not skip: \(missed)")
  }
}
