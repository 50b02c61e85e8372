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
  static let screenNames = ["checklist", "checklist-group-2"]

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

  static let scenarioCases: [(String, GridSize)] = ShippedWorld.scenarioIDs.flatMap { id in sizes.map { (id, $0) } }

  /// The orientation of every shipped scenario, at its top and scrolled to its end.
  @Test(arguments: scenarioCases)
  func scenarioOrientation(_ id: String, _ size: GridSize) throws {
    let state = try ShippedWorld.walked(id, size: size)
    Self.assert(state, "\(id)-top")
    Self.assert(TestWorld.press([.end], on: state).0, "\(id)-end")
  }
}
