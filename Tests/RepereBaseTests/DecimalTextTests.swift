import Testing

@testable import RepereBase

/// Issue 18, point 10: ages and bounds parsed `0x10` as 16 and `1e1` as 10.
@Suite struct DecimalTextTests {
  @Test func plainDecimalsAreRead() {
    #expect(DecimalText.parse("15") == 15)
    #expect(DecimalText.parse("-2.5") == -2.5)
    #expect(DecimalText.parse("+3") == 3)
    #expect(DecimalText.parse("2,5", allowComma: true) == 2.5)
    #expect(DecimalText.parse("007") == 7)
  }

  @Test func everyOtherSpellingIsRefused() {
    let refused = [
      "", "0x10", "0X1F", "1e1", "1E-3", "nan", "NaN", "inf", "-infinity", ".5", "5.", "1.2.3", "1_000",
      "--1", "1-", " 1", "1 ", "٣", "１", String(repeating: "9", count: DecimalText.maximumLength + 1),
    ]
    for text in refused { #expect(DecimalText.parse(text) == nil, "\(text)") }
    #expect(DecimalText.parse("2,5") == nil)
    #expect(DecimalText.parse("2,5.1", allowComma: true) == nil)
  }
}
