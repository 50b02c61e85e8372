import Foundation
import Testing

@testable import RepereBase

@Suite struct FindingTests {
  @Test func descriptionReadsLikeACompilerMessage() {
    let finding = Finding(
      code: "unknown-key", location: SourceLocation(file: "p.yaml", line: 3, column: 5),
      message: "clé `nxt` inconnue dans l'étape « age »", hint: "vouliez-vous dire « next » ?")
    #expect(
      finding.description
        == "p.yaml:3:5: error: clé `nxt` inconnue dans l'étape « age » (vouliez-vous dire « next » ?) [unknown-key]")
  }

  @Test func suggestionFindsNearMissesOnly() {
    #expect(Suggestion.closest(to: "nxt", among: ["next", "help", "text"]) == "next")
    #expect(Suggestion.closest(to: "dispostion", among: ["disposition", "kind"]) == "disposition")
    #expect(Suggestion.closest(to: "zzzzzz", among: ["next", "help"]) == nil)
    #expect(Suggestion.editDistance("ab", "ba") == 1)
  }

  @Test func sanitizingRemovesControlSequences() {
    let hostile = "Appeler\u{1B}[2J le 119\u{07}\u{9B}31m\tvite\u{202E}\nfin"
    #expect(TerminalText.sanitized(hostile) == "Appeler[2J le 11931m vitefin")
    #expect(TerminalText.sanitized("a\nb", keepNewlines: true) == "a\nb")
  }
}

@Suite struct YAMLFileTests {
  @Test func keysAreCheckedWithPositions() throws {
    var diagnostics = Diagnostics()
    let text = "format: x\nid: a\nnxt: b\n"
    let node = try #require(YAMLFile.parse(text, file: "f.yaml", diagnostics: &diagnostics))
    let mapping = try #require(node.mapping)
    mapping.checkKeys(
      allowed: ["format", "id", "next", "title"], required: ["title"], context: "the protocol", into: &diagnostics)
    let found = diagnostics.sorted.map { "\($0.code)@\($0.location)" }
    #expect(found == ["missing-key@f.yaml:1:1", "unknown-key@f.yaml:3:1"])
    #expect(diagnostics.findings.first { $0.code == "unknown-key" }?.hint == "vouliez-vous dire « next » ?")
  }

  @Test func duplicateKeysPointAtTheSecondOne() {
    var diagnostics = Diagnostics()
    let node = YAMLFile.parse(
      "steps:\n  - id: a\n    next: b\n    next: c\n", file: "d.yaml", diagnostics: &diagnostics)
    #expect(node == nil)
    #expect(diagnostics.findings.map(\.code) == ["duplicate-key"])
    #expect(diagnostics.findings.first?.location == SourceLocation(file: "d.yaml", line: 4, column: 5))
  }

  /// Issue 18, point 10: a duplicated top-level key was placed on a nested key of the same name.
  @Test func aDuplicatedTopLevelKeyIsFoundWhereItIs() {
    let cases: [(String, Int, Int)] = [
      ("format: x\nid: a\nsteps:\n  - id: b\n    next: c\nid: d\n", 6, 1),
      ("format: x\nsteps:\n  - id: b\n  - id: c\n    text: t\n    id: e\n", 6, 5),
    ]
    for (text, line, column) in cases {
      var diagnostics = Diagnostics()
      #expect(YAMLFile.parse(text, file: "k.yaml", diagnostics: &diagnostics) == nil)
      #expect(diagnostics.findings.map(\.code) == ["duplicate-key"], "\(text)")
      #expect(
        diagnostics.findings.first?.location == SourceLocation(file: "k.yaml", line: line, column: column), "\(text)")
    }
    // A flow mapping on one line: its line, at least.
    var diagnostics = Diagnostics()
    #expect(YAMLFile.parse("format: x\na: {b: 1, b: 2}\n", file: "k.yaml", diagnostics: &diagnostics) == nil)
    #expect(diagnostics.findings.first?.location.line == 2)
  }

  /// libyaml's reader stops at a byte offset; the finding gives its line and column in characters
  /// and never quotes the raw line (which may hold terminal escapes).
  @Test func aReaderErrorIsPlacedAtItsCharacter() {
    var diagnostics = Diagnostics()
    let text = "format: x\nnom: \"Éloïse \u{1B}[2J\u{01}\"\n"
    #expect(YAMLFile.parse(text, file: "r.yaml", diagnostics: &diagnostics) == nil)
    let finding = diagnostics.findings.first
    #expect(finding?.code == "yaml-syntax")
    #expect(finding?.location.line == 2)
    #expect(finding?.location.column == 14)
    #expect(finding.map { !$0.message.unicodeScalars.contains { $0.value < 0x20 } } == true)
  }

  @Test func syntaxErrorsCarryTheirPosition() {
    var diagnostics = Diagnostics()
    let node = YAMLFile.parse("a: [1, 2\nb: c\n", file: "bad.yaml", diagnostics: &diagnostics)
    #expect(node == nil)
    let finding = diagnostics.findings.first
    #expect(finding?.code == "yaml-syntax")
    #expect(finding?.location.file == "bad.yaml")
    #expect((finding?.location.line ?? 0) >= 2)
  }

  /// libyaml's own diagnosis is given in French, like every other message; its position stays.
  @Test func yamlSyntaxIsSaidInFrench() {
    var diagnostics = Diagnostics()
    _ = YAMLFile.parse("steps:\n  - id: q\n\tkind: yesno\n", file: "p.yaml", diagnostics: &diagnostics)
    #expect(
      diagnostics.findings.map(\.description) == [
        "p.yaml:3:1: error: syntaxe YAML : une tabulation casse l'indentation en lisant une valeur"
          + " (indentez avec des espaces, pas des tabulations) [yaml-syntax]"
      ])
  }

  @Test func invalidUTF8IsLocated() {
    var diagnostics = Diagnostics()
    let bytes: [UInt8] = Array("ok\nSa".utf8) + [0xE9] + Array("ne\n".utf8)  // Windows-1252 é
    let text = TextDecoding.utf8(Data(bytes), file: "w.csv", diagnostics: &diagnostics)
    #expect(text == nil)
    #expect(diagnostics.findings.first?.location == SourceLocation(file: "w.csv", line: 2, column: 3))
  }
}
