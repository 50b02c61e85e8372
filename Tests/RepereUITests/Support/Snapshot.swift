import Foundation
import RepereTestSupport
import Testing

@testable import RepereUI

/// Golden screens under `__Snapshots__/`: the text of the grid, then its styles (colour, bold,
/// reverse, underline, dim) as runs per row, so a lost highlight fails like a lost word.
/// `RECORD_SNAPSHOTS=1` rewrites them (review the diff like code); `SnapshotOrphanTests` fails
/// on a golden file no test produces.
enum Snapshot {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")

  static func text(of grid: CellGrid) -> String {
    let styles = styleRuns(of: grid)
    return "size: \(grid.size)\n" + grid.text + "\nstyles:\n" + styles.map { $0 + "\n" }.joined()
  }

  static func assert(
    _ grid: CellGrid, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let url = folder.appendingPathComponent("\(name).txt")
    if let problem = Golden.problem(comparing: text(of: grid), with: url) {
      Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
    }
  }

  /// One line per row that has styled cells: `row: from-to style; from-to style`, columns
  /// inclusive. Plain cells are left out, so a golden shows only what stands out.
  static func styleRuns(of grid: CellGrid) -> [String] {
    var lines: [String] = []
    for row in 0..<grid.rows {
      var runs: [String] = []
      var start = 0
      var current = grid[0, row]?.style ?? .plain
      for column in 1...grid.columns {
        let style = column < grid.columns ? (grid[column, row]?.style ?? .plain) : nil
        if style == current { continue }
        if current != .plain { runs.append("\(start)-\(column - 1) \(describe(current))") }
        start = column
        if let style { current = style }
      }
      if !runs.isEmpty { lines.append(String(format: "%2d: ", row) + runs.joined(separator: "; ")) }
    }
    return lines
  }

  static func describe(_ style: CellStyle) -> String {
    var words: [String] = []
    if let foreground = style.foreground { words.append("fg=\(foreground)") }
    if let background = style.background { words.append("bg=\(background)") }
    if style.bold { words.append("bold") }
    if style.reverse { words.append("reverse") }
    if style.underline { words.append("underline") }
    if style.dim { words.append("dim") }
    return words.joined(separator: " ")
  }
}

extension GridSize {
  /// The size as golden file names spell it: `80x24`.
  var fileName: String { "\(columns)x\(rows)" }
}
