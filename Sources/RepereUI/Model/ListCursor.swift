/// The highlighted row of a list on screen (search results, levels, places, answers, cases):
/// one rule for moving it, so no list clamps its own index by hand. The list itself stays with
/// its screen; the cursor is given its length at each move.
public struct ListCursor: Hashable, Sendable {
  public var index: Int

  public init(_ index: Int = 0) {
    self.index = index
  }

  /// One row up, stopping at the first.
  public mutating func up() {
    index = max(0, index - 1)
  }

  /// One row down in a list of `count` rows, stopping at the last.
  public mutating func down(count: Int) {
    index = min(max(0, count - 1), index + 1)
  }

  /// One row up, from the first to the last (a question's options go round).
  public mutating func upAround(count: Int) {
    if count > 0 { index = (index - 1 + count) % count }
  }

  /// One row down, from the last to the first.
  public mutating func downAround(count: Int) {
    if count > 0 { index = (index + 1) % count }
  }

  /// Kept inside a list that now has `count` rows (it shrank).
  public mutating func keepInside(count: Int) {
    index = min(index, max(0, count - 1))
  }

  /// The row under the cursor in `rows`, if the list has it.
  public func row<Row>(in rows: [Row]) -> Row? {
    rows.indices.contains(index) ? rows[index] : nil
  }
}
