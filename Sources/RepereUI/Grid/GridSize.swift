/// A terminal size in columns and rows.
public struct GridSize: Hashable, Sendable, CustomStringConvertible {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
  }

  /// The smallest size the full interface is laid out for.
  public static let minimum = GridSize(columns: 80, rows: 24)

  /// Whether the full interface fits.
  public var fitsMinimum: Bool { columns >= Self.minimum.columns && rows >= Self.minimum.rows }

  public var description: String { "\(columns)×\(rows)" }
}
