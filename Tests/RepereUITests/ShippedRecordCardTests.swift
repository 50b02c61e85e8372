import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereUI

/// A record card of the shipped directory at 80×24: a long name and hours with their open state
/// wrap instead of being cut at the edge (« …section des mineurs (fi », « ouvert maintenant ( »).
@Suite struct ShippedRecordCardTests {
  @Test func aLongNameAndItsHoursWrapAt80Columns() throws {
    // A Monday at 10:00 in Paris: open, closing at 18:00.
    let monday = TestClock.date("2026-11-30T10:00:00+01:00")
    var state = ShippedWorld.state(now: monday, size: .minimum)
    state.overlays.append(.detail(id: "59/parquet-dunkerque-exemple", reason: nil, scroll: 0))
    let screen = UIProgram.render(state)
    let text = screen.textLines.joined(separator: "\n")
    let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("section des mineurs (fictif) EXEMPLE"), "\(text)")
    #expect(words.contains("Horaires : lun.–ven. 9 h–18 h ; fermé les jours fériés"), "\(text)")
    // The state is said once: « ouvert maintenant (ferme à 18:00) », not « (ouvert · ferme …) ».
    #expect(words.contains("fériés ouvert maintenant (ferme à 18:00)"), "\(text)")
    #expect(!words.contains("(ouvert"), "\(text)")
    for line in screen.textLines { #expect(CharacterWidth.of(line) <= 80) }
  }
}
