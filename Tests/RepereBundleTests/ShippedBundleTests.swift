import Foundation
import RepereBase
import RepereRules
import Testing

@testable import RepereBundle

/// The bundle shipped in Protocols/: its protocols and scenarios are the project's regression
/// tests ("the project runs them all as protocol regression tests").
@Suite struct ShippedBundleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Protocols")

  static var isPresent: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent("protocoles").path)
  }

  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func protocolsAndScenariosCheckClean() {
    let (bundle, findings) = DataBundle.loadAndCheck(from: Self.root, today: BrokenCorpus.today)
    let mine = findings.filter { finding in
      finding.severity == .error
        && bundle.files.contains {
          $0.path == finding.location.file && ($0.kind == .protocolFile || $0.kind == .scenario)
        }
    }
    #expect(mine.isEmpty, "\(mine.map(\.description).joined(separator: "\n"))")
    #expect(bundle.places != nil)
    #expect(bundle.contacts != nil)
  }

  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func everyShippedScenarioPasses() {
    let (bundle, _) = DataBundle.load(from: Self.root)
    #expect(!bundle.scenarios.isEmpty)
    let results = bundle.run(bundle.scenarios, defaultNow: BrokenCorpus.today)
    for result in results where !result.passed {
      Issue.record("\(result.scenario.id): \(result.failures)")
    }
  }
}
