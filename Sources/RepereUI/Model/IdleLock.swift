import Foundation

/// The idle screen lock: after `after` seconds without a key or a click, the screen hides the
/// case (no question, no answer, no place, no note) until a key is pressed. That key only
/// unlocks; it does not act on the case. Off unless the executable sets it (configuration
/// `lock_after_minutes`, or `--lock-after`).
///
/// Time comes from the runtime's ticks (`Msg.tick`), never from a clock read here.
public struct IdleLock: Hashable, Sendable {
  public var after: TimeInterval
  public var lastActivity: Date
  public var locked = false

  public init(after: TimeInterval, lastActivity: Date) {
    self.after = after
    self.lastActivity = lastActivity
  }

  /// Applies `msg` to the lock. Returns true when the message was used up by the lock (a key
  /// or click that unlocks the screen) and must not reach the case.
  mutating func absorbs(_ msg: Msg, now: Date) -> Bool {
    switch msg {
    case .tick(let date):
      if !locked, date.timeIntervalSince(lastActivity) >= after { locked = true }
      return false
    case .key, .action, .click:
      lastActivity = now
      if locked {
        locked = false
        return true
      }
      return false
    default:
      return false
    }
  }

  static let title = LocalizedText(fr: "Écran verrouillé", en: "Screen locked")
  static let hint = LocalizedText(
    fr: "Le dossier est masqué après une période sans saisie. Appuyez sur une touche pour le retrouver.",
    en: "The case is hidden after a period without input. Press any key to bring it back.")
}

extension Renderer {
  /// The locked screen: nothing of the case, only how to come back.
  func drawIdleLock(into grid: inout CellGrid) {
    let width = grid.columns
    let lines = [IdleLock.title(language), ""] + TextLayout.wrap(IdleLock.hint(language), width: max(1, width - 4))
    let top = max(0, (grid.rows - lines.count) / 2)
    for (offset, line) in lines.prefix(grid.rows).enumerated() {
      let x = max(0, (width - CharacterWidth.of(line)) / 2)
      grid.put(line, x: x, y: top + offset, style: offset == 0 ? .title : .plain)
    }
  }
}
