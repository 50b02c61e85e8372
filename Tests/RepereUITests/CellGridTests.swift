import Testing

@testable import RepereUI

@Suite struct CharacterWidthTests {
  @Test func countsColumnsLikeWcwidth() {
    #expect(CharacterWidth.of("a") == 1)
    #expect(CharacterWidth.of("é") == 1)
    #expect(CharacterWidth.of("e\u{301}") == 1)  // e + combining acute: one cluster, one column
    #expect(CharacterWidth.of("—") == 1)
    #expect(CharacterWidth.of("─") == 1)
    #expect(CharacterWidth.of("漢") == 2)
    #expect(CharacterWidth.of("ｱ") == 1)  // halfwidth katakana
    #expect(CharacterWidth.of("Ａ") == 2)  // fullwidth Latin
    #expect(CharacterWidth.of("😀") == 2)
    #expect(CharacterWidth.of("❤\u{FE0F}") == 2)  // emoji presentation selector
    #expect(CharacterWidth.of("🇫🇷") == 2)
    #expect(CharacterWidth.of("\u{200B}") == 0)
    #expect(CharacterWidth.of("Léa 漢字") == 8)
  }

  @Test func zeroWidthScalars() {
    #expect(CharacterWidth.of(Unicode.Scalar(0x301)!) == 0)
    #expect(CharacterWidth.of(Unicode.Scalar(0x200D)!) == 0)
    #expect(CharacterWidth.of(Unicode.Scalar(0x1B)!) == 0)
  }
}

@Suite struct CellGridTests {
  @Test func putClipsAtTheEdgeAndReportsColumns() {
    var grid = CellGrid(size: GridSize(columns: 5, rows: 1))
    #expect(grid.put("abcdefg", x: 0, y: 0) == 5)
    #expect(grid.text == "abcde")
    #expect(grid.put("xy", x: 4, y: 0) == 1)
    #expect(grid.text == "abcdx")
    #expect(grid.put("z", x: 0, y: 3) == 0)  // outside: nothing, no crash
    #expect(grid.put("z", x: -3, y: 0) == 1)
  }

  @Test func wideCharacterThatDoesNotFitBecomesASpace() {
    var grid = CellGrid(size: GridSize(columns: 3, rows: 1))
    grid.put("ab漢", x: 0, y: 0)
    #expect(grid.text == "ab")
    #expect(grid[2, 0]?.width == 1)
    grid.put("漢", x: 0, y: 0)
    #expect(grid[0, 0]?.width == 2)
    #expect(grid[1, 0]?.isContinuation == true)
    #expect(grid.textLines == ["漢"])
  }

  @Test func overwritingHalfAWideCharacterRepairsTheOtherHalf() {
    var grid = CellGrid(size: GridSize(columns: 4, rows: 1))
    grid.put("漢字", x: 0, y: 0)
    grid.put("x", x: 1, y: 0)  // right half of 漢
    #expect(grid.text == " x字")
    grid.put("y", x: 2, y: 0)  // left half of 字
    #expect(grid.text == " xy")
    #expect(grid.cells.allSatisfy { !$0.isContinuation })
  }

  @Test func combiningMarksStayInTheirCell() {
    var grid = CellGrid(size: GridSize(columns: 4, rows: 1))
    grid.put("e\u{301}te\u{301}", x: 0, y: 0)
    #expect(grid[0, 0]?.text == "e\u{301}")
    #expect(grid.text == "e\u{301}te\u{301}")
  }

  @Test func diffSendsOnlyChangedCells() {
    var before = CellGrid(size: GridSize(columns: 10, rows: 2))
    before.put("Bonjour", x: 0, y: 0)
    var after = before
    after.put("j", x: 3, y: 1)
    #expect(after.changes(from: before) == [CellChange(x: 3, y: 1, cell: Cell(text: "j", width: 1))])
    #expect(before.changes(from: before).isEmpty)
    #expect(after.changes(from: nil).count == 20)
    var styled = before
    styled.restyle(x: 0, y: 0, width: 1) { $0.bold = true }
    #expect(styled.changes(from: before).map(\.x) == [0])
  }

  @Test func diffNeverSendsTheRightHalfOfAWideCharacter() {
    let before = CellGrid(size: GridSize(columns: 4, rows: 1))
    var after = before
    after.put("漢", x: 1, y: 0)
    let changes = after.changes(from: before)
    #expect(changes.map(\.x) == [1])
    #expect(changes.first?.cell.text == "漢")
    var back = after
    back.put("ab", x: 1, y: 0)
    #expect(back.changes(from: after).map(\.x) == [1, 2])
  }

  @Test func diffAfterAResizeRepaintsEverything() {
    let small = CellGrid(size: GridSize(columns: 2, rows: 2))
    let large = CellGrid(size: GridSize(columns: 3, rows: 2))
    #expect(large.changes(from: small).count == 6)
  }
}

@Suite struct TextLayoutTests {
  @Test func wrapsAtSpacesByDisplayWidth() {
    #expect(TextLayout.wrap("un deux trois quatre", width: 9) == ["un deux", "trois", "quatre"])
    #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextLayout.wrap("漢字漢字", width: 5) == ["漢字", "漢字"])
    #expect(TextLayout.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    #expect(TextLayout.wrap("x", width: 0).isEmpty)
  }

  /// The integrator saw « at a line end and « michetonnage » on the next: the space after « and
  /// before » : ; ! ? must never break, whichever space the text uses.
  @Test func keepsFrenchPunctuationWithItsWord() {
    let label = "Annonces ou profils en ligne ; mots comme « michetonnage », « OnlyFans » ? Oui !"
    // From 17 columns the widest group, « michetonnage », fits on a line.
    for width in 17...80 {
      let lines = TextLayout.wrap(label, width: width)
      #expect(lines.joined(separator: " ") == label, "width \(width)")
      for line in lines {
        #expect(!line.hasSuffix("«"), "width \(width): \(line)")
        #expect(line.first.map { !"»:;!?".contains($0) } ?? true, "width \(width): \(line)")
      }
    }
    #expect(TextLayout.wrap("mots comme « michetonnage »", width: 20) == ["mots comme", "« michetonnage »"])
    #expect(TextLayout.wrap("Attention : danger", width: 12) == ["Attention :", "danger"])
    #expect(TextLayout.wrap("Qui appelle ? Vous", width: 14) == ["Qui appelle ?", "Vous"])
    // Non-breaking spaces (U+00A0, U+202F) already in the data never break either.
    #expect(
      TextLayout.wrap("dit\u{202F}: «\u{00A0}non\u{00A0}»", width: 7) == ["dit\u{202F}:", "«\u{00A0}non\u{00A0}»"])
    // A group wider than the line still breaks at its spaces (as late as it can), not in a word.
    #expect(TextLayout.wrap("« michetonnage »", width: 14) == ["« michetonnage", "»"])
  }

  @Test func truncatesWithAnEllipsis() {
    #expect(TextLayout.truncate("Saint-Denis", width: 6) == "Saint…")
    #expect(TextLayout.truncate("court", width: 6) == "court")
    #expect(TextLayout.truncate("漢字漢字", width: 5) == "漢字…")
    #expect(TextLayout.pad("ab", width: 4) == "ab  ")
  }

  @Test func monochromeKeepsBadgesVisible() {
    let badge = CellStyle(foreground: .white, background: .red, bold: true)
    #expect(badge.monochrome == CellStyle(bold: true, reverse: true))
    #expect(CellStyle(foreground: .green).monochrome == CellStyle(bold: true))
    #expect(CellStyle(reverse: true).monochrome == CellStyle(reverse: true))
  }
}
