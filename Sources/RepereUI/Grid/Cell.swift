/// One terminal cell: a grapheme cluster (a base character with its combining marks) and the
/// number of columns it takes.
public struct Cell: Hashable, Sendable {
  /// What the cell shows; empty for the right half of a wide character.
  public var text: String
  /// 1, 2 for a wide character's left half, 0 for its right half.
  public var width: Int
  public var style: CellStyle

  public init(text: String, width: Int, style: CellStyle = .plain) {
    self.text = text
    self.width = width
    self.style = style
  }

  /// A space in the default style.
  public static let blank = Cell(text: " ", width: 1)

  /// A space in `style` (used to paint backgrounds and bars).
  public static func blank(_ style: CellStyle) -> Cell { Cell(text: " ", width: 1, style: style) }

  /// The right half of a wide character: the terminal draws it with the left half.
  public var isContinuation: Bool { width == 0 }
}
