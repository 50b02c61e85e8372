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
