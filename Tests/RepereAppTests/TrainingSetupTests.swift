import Foundation
import RepereApp
import RepereBase
import RepereTestSupport
import Testing

@Suite struct TrainingSetupTests {
  static let root = TestPaths.fixture("training-bundle")

  @Test func aScenarioIsFoundWithItsBundleAndServices() throws {
    let setup = try TrainingSetup.load(data: Self.root, scenario: "lina-cergy", workingDirectory: Self.root)
    #expect(setup.scenario.id == "lina-cergy")
    #expect(setup.services.places != nil)
  }

  @Test func anUnknownScenarioOrFolderIsRefusedBeforeTheTerminalIsTaken() {
    #expect(throws: RuntimeFailure.self) {
      _ = try TrainingSetup.load(data: Self.root, scenario: "personne", workingDirectory: Self.root)
    }
    #expect {
      _ = try TrainingSetup.load(
        data: Self.root.appendingPathComponent("absent"), scenario: "lina-cergy", workingDirectory: Self.root)
    } throws: { error in
      (error as? CaseSetup.SetupError)?.description.contains("dossier de données introuvable") == true
    }
  }
}
