import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// Golden screens of the bundle shipped in Protocols/ (not a fixture), at 80×24 and 120×40, in
/// `__Snapshots__/shipped/`. When the shipped content changes, re-record them all with one
/// command and review the diff like code:
///
///     RECORD_SNAPSHOTS=1 swift test --filter ShippedSnapshotTests
@Suite struct ShippedSnapshotTests {
  static let sizes = ScreenSnapshotTests.sizes

  static func assert(_ state: AppState, _ name: String) {
    Snapshot.assert(UIProgram.render(state), named: "shipped/\(name)-\(state.size.columns)x\(state.size.rows)")
  }

  /// Screens of the shipped bundle that are not a scenario's orientation, each at every size.
  static let screenNames = [
    "checklist", "checklist-group-2", "urgent-path-1", "urgent-path-2", "urgent-path-2-end", "urgent-path-place",
    "urgent-path-placed", "raised-urgence-top", "raised-urgence-end", "follow-up-quit", "follow-up-entry",
    "follow-up-recorded", "path-pane",
  ]

  /// The golden files this suite produces (for `SnapshotOrphanTests`).
  static var producedNames: [String] {
    let screens = screenNames.flatMap { name in sizes.map { "shipped/\(name)-\($0.fileName)" } }
    let scenarios = scenarioCases.flatMap { id, size in ["top", "end"].map { "shipped/\(id)-\($0)-\(size.fileName)" } }
    return screens + scenarios
  }

  @Test(arguments: sizes)
  func signsChecklist(_ size: GridSize) throws {
    let state = try ShippedChecklistTests.atSigns(size: size)
    Self.assert(state, "checklist")
    Self.assert(TestWorld.press([.character("1"), .character("2"), .tab, .down], on: state).0, "checklist-group-2")
  }

  /// Two questions answered: the path pane names them by their short titles (« Danger
  /// immédiat ? », « Introuvable en ce moment ? »), never by two identical truncated texts.
  @Test(arguments: sizes)
  func pathPane(_ size: GridSize) throws {
    let state = TestWorld.press([.character("2"), .character("2")], on: ShippedWorld.state(size: size)).0
    let text = UIProgram.render(state).text
    #expect(text.contains("Danger immédiat ?") && text.contains("Introuvable en ce moment ?"))
    Self.assert(state, "path-pane")
  }

  /// The urgent path (« danger immédiat » answered yes) as it is walked, question by question.
  @Test(arguments: sizes)
  func urgentPath(_ size: GridSize) throws {
    var state = ShippedWorld.state(size: size)
    state = TestWorld.press([.character("1")], on: state).0
    Self.assert(state, "urgent-path-1")
    state = TestWorld.press([.enter], on: state).0
    Self.assert(state, "urgent-path-2")
    Self.assert(TestWorld.press([.end], on: state).0, "urgent-path-2-end")
    state = TestWorld.press([.character("p")] + TestWorld.type("Sarcel"), on: state).0
    Self.assert(state, "urgent-path-place")
    state = TestWorld.press(TestWorld.type("les") + [.enter], on: state).0
    Self.assert(state, "urgent-path-placed")
  }

  /// A finished « signalement » raised to « urgence » with `l`: the 17 / 112 come first.
  @Test(arguments: sizes)
  func raisedLevel(_ size: GridSize) throws {
    let finished = try ShippedWorld.walked("15-tiers-organisateur-sarcelles", size: size)
    let raised = ShippedRaisedLevelTests.raiseToUrgence(finished).0
    Self.assert(raised, "raised-urgence-top")
    Self.assert(TestWorld.press([.end], on: raised).0, "raised-urgence-end")
  }

  /// After the orientation: the quit box keeps the case open (f closes it), a « suite donnée »
  /// typed, then listed on the orientation.
  @Test(arguments: sizes)
  func followUp(_ size: GridSize) throws {
    let finished = try ShippedWorld.walked("15-tiers-organisateur-sarcelles", size: size)
    Self.assert(TestWorld.press([.character("q")], on: finished).0, "follow-up-quit")
    let keys: [KeyPress] =
      [.character("s")] + TestWorld.type("Parquet de Pontoise") + [.tab] + TestWorld.type("23 h 40") + [.tab]
      + TestWorld.type("2026/118") + [.tab] + TestWorld.type("rappel du magistrat")
    let typed = TestWorld.press(keys, on: finished).0
    Self.assert(typed, "follow-up-entry")
    Self.assert(TestWorld.press([.enter, .end], on: typed).0, "follow-up-recorded")
  }

  static let scenarioCases: [(String, GridSize)] = ShippedWorld.scenarioIDs.flatMap { id in sizes.map { (id, $0) } }

  /// The orientation of every shipped scenario, at its top and scrolled to its end.
  @Test(arguments: scenarioCases)
  func scenarioOrientation(_ id: String, _ size: GridSize) throws {
    let state = try ShippedWorld.walked(id, size: size)
    Self.assert(state, "\(id)-top")
    Self.assert(TestWorld.press([.end], on: state).0, "\(id)-end")
  }
}
