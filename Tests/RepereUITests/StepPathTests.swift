import RepereBase
import Testing

@testable import RepereUI

/// The walker says its path (all kinds, in order) for the journal's end event, which
/// `repere replay` compares on real journals.
@Suite struct StepPathTests {
  @Test func thePathGrowsWithEachAnswer() throws {
    var walker = try TestWorld.walker()
    #expect(walker.stepPath == [])
    _ = walker.answer("securite", .bool(false))
    #expect(walker.stepPath?.first == "securite")
  }
}
