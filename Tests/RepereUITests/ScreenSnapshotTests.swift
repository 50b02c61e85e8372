import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Every screen rendered through the pure core at a fixed clock, at 80×24 and 120×40, compared
/// with the golden files in `__Snapshots__/`.
@Suite struct ScreenSnapshotTests {
  static let sizes = [GridSize(columns: 80, rows: 24), GridSize(columns: 120, rows: 40)]

  /// Named ways of reaching a screen from the start.
  enum Scene: String, CaseIterable {
    case firstQuestion = "first-question"
    case choiceWithHelp = "choice-option-help"
    case placeInput = "place-input"
    case placeChoice = "place-choice"
    case numberInput = "number-input"
    case checklist
    case orientation
    case orientationEnglish = "orientation-en"
    case search
    case detail
    case help
    case notes
    case raiseLevel = "raise-level"
    case raiseReason = "raise-reason"
    case confirmQuit = "confirm-quit"
    case changeList = "change-list"
    case changingAnswer = "changing-answer"
    case changeReason = "change-reason"
    case setAside = "set-aside"
    case resumeOffer = "resume-offer"
    case orientationUnlisted = "orientation-unlisted"
    case resumeList = "resume-list"

    func state(size: GridSize) throws -> AppState {
      let start = try TestWorld.state(size: size)
      let t = TestWorld.type
      func keys(_ keys: [KeyPress], from state: AppState? = nil) -> AppState {
        var result = TestWorld.press(keys, on: state ?? start).0
        result = UIProgram.update(result, .tick(TestWorld.now.addingTimeInterval(192))).0
        return result
      }
      switch self {
      case .firstQuestion: return keys([])
      case .choiceWithHelp: return keys([.character("2"), .down])
      case .placeInput: return keys([.character("2"), .character("1")] + t("Cer"))
      case .placeChoice: return keys([.character("2"), .character("1")] + t("Saint-Denis") + [.enter])
      case .numberInput: return keys([.character("2"), .character("1")] + t("95") + [.enter] + t("15"))
      case .checklist:
        return keys([.character("2"), .character("1")] + t("95") + [.enter] + t("15") + [.enter, .character("2")])
          .ticking(["fugues", "hotel"])
      case .orientation: return try TestWorld.finishedCase(size: size)
      case .orientationEnglish:
        var state = try TestWorld.finishedCase(size: size)
        state.language = .en
        return state
      case .search: return keys([.character("/")] + t("exemple"), from: try TestWorld.finishedCase(size: size))
      case .detail: return keys([.character("/")] + t("crip") + [.enter], from: try TestWorld.finishedCase(size: size))
      case .help: return keys([.character("2"), .character("?")])
      case .notes:
        let noted = keys([.character("n")] + t("Appel de la CPE, élève absente depuis lundi.") + [.function(2)])
        return keys([.character("n")] + t("Rappeler à 18 h") + [.enter] + t("Demander « Léa » ou Lou"), from: noted)
      case .raiseLevel: return keys([.character("l"), .down], from: try TestWorld.finishedCase(size: size))
      case .raiseReason:
        return keys(
          [.character("l"), .character("1")] + t("L'adulte est sur place"), from: try TestWorld.finishedCase(size: size)
        )
      case .confirmQuit: return keys([.character("2"), .character("q")])
      case .changeList: return keys([.character("c")], from: try TestWorld.finishedCase(size: size))
      case .changingAnswer:
        return keys([.character("c"), .character("4")], from: try TestWorld.finishedCase(size: size))
      case .changeReason:
        return keys(
          [.character("c"), .character("1"), .character("1")] + t("rappel de la CPE : l'adulte est « sur place »"),
          from: try TestWorld.finishedCase(size: size))
      case .setAside:
        // Changing « danger immédiat » to yes ends the walk early: later answers are set aside.
        let changed = keys(
          [.character("c"), .character("1"), .character("1"), .enter], from: try TestWorld.finishedCase(size: size))
        return keys([.character("c"), .character("1")], from: changed)
      case .orientationUnlisted: return try TestWorld.finishedCase(size: size, place: "27")
      case .resumeOffer: return keys([], from: try TestWorld.stateOfferingResume(size: size))
      case .resumeList: return keys([.character("r")], from: try TestWorld.stateOfferingResume(size: size))
      }
    }
  }

  static let cases: [(Scene, GridSize)] = Scene.allCases.flatMap { scene in sizes.map { (scene, $0) } }

  @Test(arguments: cases)
  func screen(_ scene: Scene, _ size: GridSize) throws {
    let state = try scene.state(size: size)
    Snapshot.assert(UIProgram.render(state), named: "\(scene.rawValue)-\(size.columns)x\(size.rows)")
  }

  static let tooSmallSizes = [
    GridSize(columns: 79, rows: 24), GridSize(columns: 40, rows: 10), GridSize(columns: 1, rows: 1),
  ]

  /// The golden files this suite produces (for `SnapshotOrphanTests`).
  static var producedNames: [String] {
    cases.map { "\($0.0.rawValue)-\($0.1.fileName)" } + tooSmallSizes.map { "too-small-\($0.fileName)" }
  }

  @Test(arguments: tooSmallSizes)
  func tooSmall(_ size: GridSize) throws {
    let state = try TestWorld.state(size: size)
    Snapshot.assert(UIProgram.render(state), named: "too-small-\(size.columns)x\(size.rows)")
  }
}

extension AppState {
  /// The same state with these checklist values ticked.
  func ticking(_ values: Set<String>) -> AppState {
    var copy = self
    copy.question.ticked = values
    return copy
  }
}
