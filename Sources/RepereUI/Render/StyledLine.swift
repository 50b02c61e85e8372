import RepereBase

/// A piece of text in one style.
struct Span: Hashable, Sendable {
  var text: String
  var style: CellStyle

  init(_ text: String, _ style: CellStyle = .plain) {
    self.text = text
    self.style = style
  }
}

/// One line of a screen before it is placed: spans, an optional highlight painted across the
/// whole width (a selected row), and a tag saying which option or item it belongs to.
struct StyledLine: Hashable, Sendable {
  var spans: [Span]
  var highlight: CellStyle?
  var tag: Int?

  init(_ spans: [Span] = [], highlight: CellStyle? = nil, tag: Int? = nil) {
    self.spans = spans
    self.highlight = highlight
    self.tag = tag
  }

  init(_ text: String, _ style: CellStyle = .plain, tag: Int? = nil) {
    self.init([Span(text, style)], tag: tag)
  }

  static let empty = StyledLine()

  /// Columns the spans take on screen.
  var width: Int { spans.reduce(0) { $0 + CharacterWidth.of($1.text) } }

  /// `text` wrapped to `width`, the first line after `prefix`, the next ones indented to line
  /// up under the text. Every piece of data text is sanitized here.
  static func wrapped(
    _ text: String, width: Int, style: CellStyle = .plain, prefix: [Span] = [], indent: Int? = nil,
    highlight: CellStyle? = nil, tag: Int? = nil
  ) -> [StyledLine] {
    let prefixWidth = prefix.reduce(0) { $0 + CharacterWidth.of($1.text) }
    let hanging = indent ?? prefixWidth
    let clean = TerminalText.sanitized(text, keepNewlines: true)
    let available = max(1, width - max(prefixWidth, hanging))
    let pieces = TextLayout.wrap(clean, width: available)
    return pieces.enumerated().map { index, piece in
      let lead = index == 0 ? prefix : [Span(String(repeating: " ", count: hanging))]
      return StyledLine(lead + [Span(piece, style)], highlight: highlight, tag: tag)
    }
  }
}

extension CellGrid {
  /// Draws `line` at row `y` between `x` and `x + width`.
  mutating func draw(_ line: StyledLine, x: Int, y: Int, width: Int) {
    if let highlight = line.highlight { fill(x: x, y: y, width: width, style: highlight) }
    var column = x
    for span in line.spans {
      let remaining = x + width - column
      guard remaining > 0 else { break }
      var style = span.style
      if let highlight = line.highlight {
        style.reverse = style.reverse != highlight.reverse
        style.bold = style.bold || highlight.bold
      }
      column += put(span.text, x: column, y: y, style: style, maxWidth: remaining)
    }
  }

  /// Draws `lines` from row `y` downwards in a box of `height` rows, starting at line `first`.
  mutating func draw(_ lines: [StyledLine], x: Int, y: Int, width: Int, height: Int, first: Int = 0) {
    guard height > 0, first < lines.count else { return }
    for (offset, line) in lines[max(0, first)...].prefix(height).enumerated() {
      draw(line, x: x, y: y + offset, width: width)
    }
  }
}

/// The first line to show so that line `focus` is visible in `height` rows.
func scrollOffset(focus: Int?, count: Int, height: Int, preferred: Int = 0) -> Int {
  guard count > height, height > 0 else { return 0 }
  var first = min(max(0, preferred), count - height)
  if let focus {
    if focus < first { first = focus }
    if focus >= first + height { first = focus - height + 1 }
  }
  return max(0, min(first, count - height))
}
