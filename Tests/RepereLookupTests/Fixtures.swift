import Foundation
import RepereBase
@_exported import RepereTestSupport

@testable import RepereLookup

/// Shared test data: the fixture bundle (with the real reference data) loaded once.
enum Fixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let bundle = folder.appendingPathComponent("bundle")
  // swift-format-ignore: NeverUseForceTry
  static let data: LookupData = try! LookupData.load(folder: bundle)
  static var directory: Directory { data.directory }
  static var places: PlaceIndex { data.places }
  static let paris = CalendarDay.paris

  /// An ISO 8601 instant; tests use explicit offsets.
  static func date(_ iso: String) -> Date {
    TestClock.date(iso)
  }

  /// The fixture's records taken as real ones, plus two fictional 95 records
  /// (`Fixtures/exemple-95.yaml`). The fixture file itself says « exemple fictif » (its tags are
  /// what the search and report tests show), but the resolver keeps fictional records to their
  /// own département, so its widening tests need real ones.
  static let resolverDirectory: Directory = {
    let real = Array(directory.structures).map { structure -> Structure in
      var copy = structure
      copy.isExample = false
      return copy
    }
    let url = folder.appendingPathComponent("exemple-95.yaml")
    // swift-format-ignore: NeverUseForceTry
    let text = try! String(contentsOf: url, encoding: .utf8)
    let examples = directoryFile(text, file: "exemple-95.yaml").0?.structures ?? []
    return Directory(structures: real + examples, reference: data.reference, vocabulary: data.vocabulary)
  }()

  /// Parses hours that the test knows are valid.
  static func hours(_ text: String) throws -> OpeningHours {
    try OpeningHours.parse(text).get()
  }

  /// Loads a YAML directory text as if it were `file`.
  static func directoryFile(_ yaml: String, file: String = "annuaire.yaml") -> (DirectoryFile?, [Finding]) {
    var diagnostics = Diagnostics()
    guard let node = YAMLFile.parse(yaml, file: file, diagnostics: &diagnostics) else {
      return (nil, diagnostics.findings)
    }
    let loaded = DirectoryFile.load(node, diagnostics: &diagnostics)
    return (loaded, diagnostics.findings)
  }
}
