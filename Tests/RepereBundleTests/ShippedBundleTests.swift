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

  /// Issue 12, point 10: a 119 operator passing a situation on was told to call the 119. The
  /// same case from a school nurse (08) and from a 119 operator (33): only the first gets it.
  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func aCallerFromThe119IsNotToldToCallThe119() throws {
    let (bundle, _) = DataBundle.load(from: Self.root)
    func contactIDs(_ id: String) throws -> Set<String> {
      let scenario = try #require(bundle.scenarios.first { $0.id == id })
      let result = bundle.run(scenario, defaultNow: BrokenCorpus.today)
      #expect(result.passed, "\(result.failures)")
      return Set(result.contacts.flatMap { $0.matches.map(\.structureID) })
    }
    #expect(try contactIDs("08-signes-convergents-beauvais").contains("national/119"))
    let fromThe119 = try contactIDs("33-ecoutant-119-transmet")
    #expect(!fromThe119.contains("national/119"))
    #expect(fromThe119.contains("national/fil-sante-jeunes"))
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

  /// `repere paths` on the shipped protocols is exact (no truncation, no approximation, no walk
  /// stopped on a problem, every disposition reachable) and finds the path of every scenario.
  @Test(.enabled(if: ShippedBundleTests.isPresent), arguments: ["national/orientation", "95/orientation"])
  func feasiblePathsAreExactAndFindEveryScenario(protocolID: String) throws {
    let (bundle, _) = DataBundle.load(from: Self.root)
    let summary = try #require(bundle.pathsSummary(protocolID: protocolID, defaultNow: BrokenCorpus.today))
    #expect(!summary.paths.truncated)
    #expect(summary.paths.approximations.isEmpty)
    #expect(summary.paths.problems.isEmpty)
    #expect(summary.paths.unreached.isEmpty, "\(summary.paths.unreached)")
    #expect(summary.unmatchedScenarios.isEmpty, "\(summary.unmatchedScenarios)")
    #expect(summary.paths.paths.count < summary.paths.variantCount)
  }

  /// The content issue: `repere paths` shows every disposition covered by the scenarios, for the
  /// national protocol and for the local overlay started directly.
  @Test(.enabled(if: ShippedBundleTests.isPresent), arguments: ["national/orientation", "95/orientation"])
  func everyDispositionIsCoveredByAScenario(protocolID: String) throws {
    let (bundle, _) = DataBundle.load(from: Self.root)
    let summary = try #require(bundle.pathsSummary(protocolID: protocolID, defaultNow: BrokenCorpus.today))
    #expect(summary.coverage.uncoveredDispositions.isEmpty, "\(summary.coverage.uncoveredDispositions)")
    #expect(summary.coverage.dispositions.count == summary.paths.dispositions.count)
  }
}
