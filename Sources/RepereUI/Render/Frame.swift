/// Where the parts of the screen go for a given size: header, rules, body, status and a
/// two-line footer of keys. The body is split into the question and the path pane.
struct Frame: Hashable, Sendable {
  let size: GridSize

  var headerRow: Int { 0 }
  var topRuleRow: Int { 1 }
  var bodyTop: Int { 2 }
  var bodyHeight: Int { max(0, size.rows - 6) }
  var bottomRuleRow: Int { size.rows - 4 }
  var statusRow: Int { size.rows - 3 }
  var footerRows: [Int] { [size.rows - 2, size.rows - 1] }

  /// Width of the path pane on the right.
  var paneWidth: Int { size.columns >= 100 ? size.columns * 2 / 5 : 32 }
  /// Column of the vertical rule between question and pane.
  var dividerColumn: Int { size.columns - paneWidth - 1 }
  /// The question area: one column of margin on the left.
  var mainX: Int { 1 }
  var mainWidth: Int { max(1, dividerColumn - 2) }
  var paneX: Int { dividerColumn + 2 }
  var paneContentWidth: Int { max(1, size.columns - paneX - 1) }
  /// The full-width body (orientation, overlays).
  var fullX: Int { 1 }
  var fullWidth: Int { max(1, size.columns - 2) }
}
