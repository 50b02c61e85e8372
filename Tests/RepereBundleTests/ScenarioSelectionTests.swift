import Foundation
import RepereBase
import RepereBundle
import RepereTestSupport
import Testing

/// How `scenario test` and `train` find the scenarios a command line names.
@Suite struct ScenarioSelectionTests {
  static let root = TestPaths.fixture("training-bundle")

  static func bundle() -> DataBundle { DataBundle.load(from: root).0 }

  @Test func noNameSelectsEveryScenario() throws {
    let bundle = Self.bundle()
    let all = try ScenarioSelection.select([], in: bundle, workingDirectory: Self.root)
    #expect(all.map(\.id) == bundle.scenarios.map(\.id))
  }

  @Test func anIdOrAPathFromAnyWorkingDirectoryNamesTheSameScenario() throws {
    let bundle = Self.bundle()
    let byID = try ScenarioSelection.find("lina-cergy", in: bundle, workingDirectory: Self.root)
    let fromRoot = try ScenarioSelection.find("scenarios/lina-cergy.yaml", in: bundle, workingDirectory: Self.root)
    let fromTests = try ScenarioSelection.select(
      ["Fixtures/training-bundle/scenarios/lina-cergy.yaml"], in: bundle,
      workingDirectory: TestPaths.packageRoot.appendingPathComponent("Tests"))
    #expect([byID.id, fromRoot.id] + fromTests.map(\.id) == ["lina-cergy", "lina-cergy", "lina-cergy"])
  }

  @Test func anUnknownNameSuggestsTheClosestID() {
    #expect(
      throws: RuntimeFailure(
        "scénario « lina-cergi » introuvable — vouliez-vous dire « lina-cergy » ? (voir « repere scenario list »)")
    ) {
      _ = try ScenarioSelection.find("lina-cergi", in: Self.bundle(), workingDirectory: Self.root)
    }
  }

  @Test func anUnreadableFileOutsideTheBundleFailsWithItsFindingsFirst() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repere-selection-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("format: repere/scenario@1\nid: [\n".utf8).write(to: folder.appendingPathComponent("casse.yaml"))
    #expect {
      _ = try ScenarioSelection.select(["casse.yaml"], in: Self.bundle(), workingDirectory: folder)
    } throws: { error in
      guard let failure = error as? RuntimeFailure else { return false }
      return failure.message == "scénario « casse.yaml » illisible"
        && failure.details.first?.hasPrefix("casse.yaml:") == true
    }
  }
}
