import Foundation
import RepereBase
import Testing

@testable import RepereLookup

/// The findings only `repere import` gives, each from one small input through `Importer.run`
/// (what the command runs), at the line and column of the mistake.
@Suite struct ImportFindingCodeTests {
  /// A `.json` input is read as data·inclusion structures (`--format`), so that a record
  /// without its id is not taken for another format.
  static func findings(_ path: String, _ text: String) -> [Finding] {
    var diagnostics = Diagnostics()
    let format: ImportFormat? = path.hasSuffix(".json") ? .dataInclusionStructures : nil
    _ = Importer.run(
      [ImportInput(path: path, data: Data(text.utf8), format: format)], tables: [], vocabulary: nil, reference: nil,
      selection: ImportSelection(), diagnostics: &diagnostics)
    return diagnostics.findings
  }

  @Test(arguments: [
    // A data·inclusion file cut after its first record.
    ("invalid-json", Severity.error, "s.json", #"[{"id":"a","nom":"b"},"#, "s.json:1:23"),
    // A record that is a number, not an object.
    ("invalid-record", .error, "s.json", "[\n  {\"id\": \"a\", \"nom\": \"A\"},\n  12\n]", "s.json:3:3"),
    // A data·inclusion structure without its id.
    ("missing-field", .error, "s.json", "[\n  {\"nom\": \"A\"}\n]", "s.json:2:3"),
    // Neither CSV nor JSON of a known source.
    ("unknown-import-format", .error, "notes.txt", "bonjour\n", "notes.txt:1:1"),
  ])
  func eachImportCodeIsPlaced(code: String, severity: Severity, path: String, text: String, location: String) {
    let found = Self.findings(path, text)
    let finding = found.first { $0.code == code }
    #expect("\(finding?.location as Any)" == "Optional(\(location))", "\(found.map { "\($0)" })")
    #expect(finding?.severity == severity)
  }
}
