/// The eight colours every colour terminal has. Styles never rely on colour alone: whatever a
/// colour says is also said with bold, reverse or text, so NO_COLOR and monochrome stay readable.
public enum PaletteColor: Int, Hashable, Sendable, CaseIterable {
  case black = 0
  case red, green, yellow, blue, magenta, cyan, white
}

/// How one cell is drawn.
public struct CellStyle: Hashable, Sendable {
  /// Foreground colour; nil keeps the terminal's default.
  public var foreground: PaletteColor?
  /// Background colour; nil keeps the terminal's default.
  public var background: PaletteColor?
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public var dim: Bool

  public init(
    foreground: PaletteColor? = nil, background: PaletteColor? = nil, bold: Bool = false, reverse: Bool = false,
    underline: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
  }

  /// The terminal's default look.
  public static let plain = CellStyle()
  public static let bold = CellStyle(bold: true)
  public static let reverse = CellStyle(reverse: true)
  public static let underline = CellStyle(underline: true)
  public static let dim = CellStyle(dim: true)

  /// This style without its colours: what a monochrome terminal shows.
  public var withoutColor: CellStyle {
    CellStyle(bold: bold, reverse: reverse, underline: underline, dim: dim)
  }
}

extension CellStyle {
  /// What a terminal without colours (or with NO_COLOR) draws: colours dropped, and a coloured
  /// background (a badge) turned into reverse video so it still stands out.
  public var monochrome: CellStyle {
    var style = withoutColor
    if background != nil { style.reverse.toggle() }
    if foreground != nil && background == nil && !style.reverse { style.bold = true }
    return style
  }

  static let title = CellStyle(bold: true)
  static let selected = CellStyle(reverse: true)
  static let error = CellStyle(foreground: .red, bold: true)
  static let success = CellStyle(foreground: .green)
  static let key = CellStyle(reverse: true)
  static let faint = CellStyle(dim: true)
  static let rule = CellStyle(foreground: .blue)
  static let tag = CellStyle(foreground: .black, background: .yellow, bold: true)

  /// The badge of a level of rank `rank`.
  static func badge(rank: Int) -> CellStyle {
    let color = LevelNames.color(rank: rank)
    let text: PaletteColor = color == .yellow || color == .green || color == .cyan ? .black : .white
    return CellStyle(foreground: text, background: color, bold: true)
  }
}
