import RepereBase
import Testing

@testable import RepereUI

/// Issue 18, point 5: one unbroken 1 MB word in a data text gave no frame (wrapping re-measured
/// and re-copied the rest of the word for every line cut from it). These sizes would time the
/// suite out if wrapping were quadratic again; nothing here measures time.
@Suite struct LongTextTests {
  @Test func aOneMegabyteWordWrapsIntoFullLines() {
    let word = String(repeating: "abcdefghij", count: 100_000)
    let lines = TextLayout.wrap("Avant " + word + " après", width: 80)
    #expect(lines.first == "Avant")
    #expect(lines.count == 1 + 1_000_000 / 80 + 1)
    #expect(lines.allSatisfy { CharacterWidth.of($0) <= 80 })
    #expect(lines.dropFirst().dropLast().joined() == word)
    #expect(lines.last == "après")
  }

  @Test func wideCharactersAreNeverSplitAcrossTheEdge() {
    let lines = TextLayout.wrap(String(repeating: "漢", count: 50_001), width: 9)
    #expect(lines.allSatisfy { CharacterWidth.of($0) <= 9 })
    #expect(lines.dropLast().allSatisfy { $0.count == 4 })
    #expect(lines.joined().count == 50_001)
  }

  /// French typography binds « … » and word : into one group; a 10,000-word group is still cut
  /// at its spaces in one pass.
  @Test func aLongBoundGroupIsCutAtItsSpacesInOnePass() {
    let text = "«" + String(repeating: " mot", count: 10_000) + " »"
    let lines = TextLayout.wrap(text, width: 40)
    #expect(lines.allSatisfy { CharacterWidth.of($0) <= 40 })
    #expect(lines.joined(separator: " ").split(separator: " ").filter { $0 == "mot" }.count == 10_000)
  }

  @Test func aDataTextPastTheLimitIsCutWithAVisibleMark() {
    let long = String(repeating: "x", count: 1_000_000)
    let cut = TextLimits.capped(long)
    #expect(cut?.count == TextLimits.maximumFieldLength)
    #expect(cut?.hasSuffix(" […]") == true)
    #expect(TextLimits.capped(String(repeating: "é", count: TextLimits.maximumFieldLength)) == nil)
    #expect(TextLimits.capped(String(repeating: "é", count: TextLimits.maximumFieldLength + 1))?.count == 4_000)
    #expect(TextLimits.capped("court") == nil)
  }
}
