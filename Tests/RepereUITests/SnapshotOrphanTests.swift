import Foundation
import RepereTestSupport
import Testing

/// A golden screen that no test produces any more (a renamed scene, a removed scenario) would
/// never fail again: each suite lists the names it produces, and every file must be one of them.
@Suite struct SnapshotOrphanTests {
  @Test func everyGoldenScreenIsProducedByATest() {
    let produced =
      ScreenSnapshotTests.producedNames + TrainingSnapshotTests.producedNames
      + ShippedSnapshotTests.producedNames
    #expect(Set(produced).count == produced.count, "two tests write the same golden screen")
    let orphans = Golden.orphans(in: Snapshot.folder, produced: Set(produced.map { $0 + ".txt" }))
    #expect(orphans.isEmpty, "golden screens no test produces (delete them or list them in producedNames): \(orphans)")
  }
}
