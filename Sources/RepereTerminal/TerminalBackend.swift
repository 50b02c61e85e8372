import RepereUI

/// What the runtime loop needs from a terminal: its size, painting a grid, reading one input,
/// and the terminating signal received. `CursesScreen` is the real one; tests drive the loop
/// with an in-memory backend (ratatui's TestBackend, bubbletea's teatest), so effects, quit,
/// signals and resizes are tested without tmux.
public protocol TerminalBackend: AnyObject {
  var size: GridSize { get }
  /// Draws `grid` (a real terminal sends only the cells that changed).
  func paint(_ grid: CellGrid)
  /// Forgets the last frame so the next paint redraws everything (after a resize).
  func invalidate()
  /// One input, or `.idle` when none came within the backend's timeout.
  func read() -> TerminalInput
  /// SIGTERM, SIGHUP or SIGINT received and not yet handled, or nil.
  var pendingSignal: Int32? { get }
}

extension CursesScreen: TerminalBackend {}
