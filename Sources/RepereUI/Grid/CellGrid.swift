/// An off-screen grid of cells that screens draw into; the terminal backend paints it, tests
/// read it as text. Drawing never goes outside the grid, whatever the coordinates.
public struct CellGrid: Hashable, Sendable {
  public let size: GridSize
  public private(set) var cells: [Cell]

  public init(size: GridSize, fill: Cell = .blank) {
    self.size = size
    self.cells = Array(repeating: fill, count: size.columns * size.rows)
  }

  public var columns: Int { size.columns }
  public var rows: Int { size.rows }

  /// The cell at column `x`, row `y` (nil outside the grid).
  public subscript(x: Int, y: Int) -> Cell? {
    guard contains(x: x, y: y) else { return nil }
    return cells[y * columns + x]
  }

  func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < columns && y < rows }

  /// Writes `text` from column `x` on row `y`, clipped to `maxWidth` columns and the grid's edge;
  /// returns the number of columns written. A wide character that does not fit is replaced by
  /// spaces; a zero-width cluster with nothing before it is dropped.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
    guard y >= 0, y < rows else { return 0 }
    let limit = min(columns, x + (maxWidth ?? columns))
    var column = x
    for character in text {
      let width = CharacterWidth.of(character)
      if width == 0 { continue }
      if column + width > limit {
        while column < limit {
          setCell(Cell.blank(style), x: column, y: y)
          column += 1
        }
        break
      }
      if column >= 0 {
        setCell(Cell(text: String(character), width: width, style: style), x: column, y: y)
        if width == 2 { setCell(Cell(text: "", width: 0, style: style), x: column + 1, y: y) }
      }
      column += width
    }
    return max(0, column - x)
  }

  /// Paints `width` cells from `x` on row `y` with spaces in `style`.
  public mutating func fill(x: Int, y: Int, width: Int, style: CellStyle) {
    guard width > 0 else { return }
    for column in max(0, x)..<max(max(0, x), min(columns, x + width)) {
      setCell(Cell.blank(style), x: column, y: y)
    }
  }

  /// Paints a rectangle with spaces in `style`.
  public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: CellStyle) {
    guard height > 0 else { return }
    for row in y..<(y + height) { fill(x: x, y: row, width: width, style: style) }
  }

  /// Changes the style of existing cells without touching their text (for a selected row).
  public mutating func restyle(x: Int, y: Int, width: Int, _ change: (inout CellStyle) -> Void) {
    guard y >= 0, y < rows, width > 0 else { return }
    for column in max(0, x)..<max(max(0, x), min(columns, x + width)) {
      change(&cells[y * columns + column].style)
    }
  }

  /// Sets one cell, repairing any wide character it cuts in half so the grid never holds an
  /// orphan half (which would shift everything after it on a real terminal).
  private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
    guard contains(x: x, y: y) else { return }
    let index = y * columns + x
    let old = cells[index]
    if old.isContinuation, x > 0, !cell.isContinuation {
      cells[index - 1] = Cell.blank(cells[index - 1].style)
    }
    if old.width == 2, cell.width != 2, x + 1 < columns {
      cells[index + 1] = Cell.blank(cells[index + 1].style)
    }
    if cell.width == 2, x + 1 >= columns {
      cells[index] = Cell.blank(cell.style)
      return
    }
    cells[index] = cell
  }

  /// The rows as plain text, trailing spaces removed: the form golden snapshots are stored in.
  public var textLines: [String] {
    (0..<rows).map { row in
      var line = ""
      for column in 0..<columns {
        let cell = cells[row * columns + column]
        if !cell.isContinuation { line += cell.text }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The whole grid as text, one line per row.
  public var text: String { textLines.joined(separator: "\n") }

  /// The cells to send to a terminal that shows `previous` so that it shows this grid: only
  /// changed cells, in row order, never the right half of a wide character (ratatui's
  /// `Buffer::diff`). With no previous frame (first paint, after a resize) every cell.
  public func changes(from previous: CellGrid?) -> [CellChange] {
    var result: [CellChange] = []
    let comparable = previous.map { $0.size == size } ?? false
    for row in 0..<rows {
      var column = 0
      while column < columns {
        let index = row * columns + column
        let cell = cells[index]
        if cell.isContinuation {
          column += 1
          continue
        }
        let changedHere = !comparable || previous?.cells[index] != cell
        let changedTail =
          cell.width == 2 && column + 1 < columns && comparable && previous?.cells[index + 1] != cells[index + 1]
        if changedHere || changedTail { result.append(CellChange(x: column, y: row, cell: cell)) }
        column += max(1, cell.width)
      }
    }
    return result
  }
}

/// One cell to draw at a position.
public struct CellChange: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var cell: Cell

  public init(x: Int, y: Int, cell: Cell) {
    self.x = x
    self.y = y
    self.cell = cell
  }
}
