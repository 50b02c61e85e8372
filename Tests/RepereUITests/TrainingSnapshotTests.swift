import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Golden screens of a training session (`repere train`) at 80×24 and 120×40, compared with
/// `__Snapshots__/training-*.txt` (RECORD_SNAPSHOTS=1 to rewrite, then review the diff).
@Suite struct TrainingSnapshotTests {
  static let sizes = [GridSize(columns: 80, rows: 24), GridSize(columns: 120, rows: 40)]

  enum Scene: String, CaseIterable {
    case vignette = "training-vignette"
    case vignettePresenter = "training-vignette-presenter"
    case questionPresenter = "training-question-presenter"
    /// The first question's reference: help and a source with its address.
    case revealSources = "training-reveal-sources"
    /// The age, which the scenario corrects.
    case revealCorrection = "training-reveal-correction"
    /// The group kept the first age: a mismatch, another outcome, another level.
    case debrief = "training-debrief"
    /// The same debrief scrolled to its end (the scenario's debrief text).
    case debriefEnd = "training-debrief-end"
    case debriefEnglish = "training-debrief-en"

    func state(size: GridSize) throws -> AppState {
      let start = try TrainingWorld.state(
        size: size, presenter: self == .vignettePresenter || self == .questionPresenter)
      let english = try TrainingWorld.state(size: size, language: .en)
      let t = TrainingWorld.t
      switch self {
      case .vignette, .vignettePresenter:
        return TrainingWorld.after([], from: start)
      case .questionPresenter:
        return TrainingWorld.after([.enter, .character("2")], from: start)
      case .revealSources:
        return TrainingWorld.after([.enter, .character("r")], from: start)
      case .revealCorrection:
        let keys: [KeyPress] = [.enter, .character("2"), .character("2")] + t("Cergy") + [.enter, .function(8)]
        return TrainingWorld.after(keys, from: start)
      case .debrief:
        return TrainingWorld.after(TrainingWorld.walkKeys(age: "19") + [.character("d")], from: start)
      case .debriefEnd:
        let keys = TrainingWorld.walkKeys(age: "19") + [.character("d")] + Array(repeating: .pageDown, count: 10)
        return TrainingWorld.after(keys, from: start)
      case .debriefEnglish:
        return TrainingWorld.after(TrainingWorld.walkKeys(age: "19") + [.character("d")], from: english)
      }
    }
  }

  static let cases: [(Scene, GridSize)] = Scene.allCases.flatMap { scene in sizes.map { (scene, $0) } }

  /// The golden files this suite produces (for `SnapshotOrphanTests`).
  static var producedNames: [String] { cases.map { "\($0.0.rawValue)-\($0.1.fileName)" } }

  @Test(arguments: cases)
  func screen(_ scene: Scene, _ size: GridSize) throws {
    let state = try scene.state(size: size)
    Snapshot.assert(UIProgram.render(state), named: "\(scene.rawValue)-\(size.columns)x\(size.rows)")
  }
}
