/// Scrolling the orientation like a page with links: ↑↓ move to the previous or next contact when
/// it is on screen, and scroll one line otherwise; pages, start and end scroll; the chosen contact
/// is always one on screen after a scroll (Enter never opens a record the professional cannot see).
struct OrientationScroller {
  private(set) var scroll: Int
  private(set) var selection: Int
  let contacts: [Range<Int>]
  let lineCount: Int
  let height: Int

  init(state: AppState) {
    let layout = OrientationScreen(state: state).layout
    contacts = layout.contactLines
    lineCount = layout.lines.count
    height = max(1, Frame(size: state.size).bodyHeight)
    selection = state.orientation.selection
    scroll = 0
    scroll = clamped(state.orientation.scroll)
  }

  /// Where the orientation stands after the moves.
  var page: OrientationPage { OrientationPage(selection: selection, scroll: scroll) }

  var maximum: Int { max(0, lineCount - height) }

  private func clamped(_ value: Int) -> Int { max(0, min(value, maximum)) }

  /// Whether contact `index` starts on screen.
  func isVisible(_ index: Int) -> Bool {
    guard contacts.indices.contains(index) else { return false }
    let start = contacts[index].lowerBound
    return start >= scroll && start < scroll + height
  }

  mutating func lineDown() {
    let next = selection + 1
    if isVisible(selection) || !contacts.indices.contains(selection), isVisible(next) {
      selection = next
      reveal(next)
    } else if scroll < maximum {
      scroll += 1
      follow(preferLast: false)
    }
  }

  mutating func lineUp() {
    let previous = selection - 1
    if isVisible(selection), isVisible(previous) {
      selection = previous
      reveal(previous)
    } else if scroll > 0 {
      scroll -= 1
      follow(preferLast: true)
    }
  }

  mutating func page(by direction: Int) {
    scroll = clamped(scroll + direction * max(1, height - 1))
    follow(preferLast: direction < 0)
  }

  mutating func toTop() {
    scroll = 0
    follow(preferLast: false)
  }

  mutating func toBottom() {
    scroll = maximum
    follow(preferLast: false)
  }

  /// The next contact (the first after the last), brought into view.
  mutating func nextContact() {
    guard !contacts.isEmpty else { return }
    selection = (selection + 1) % contacts.count
    reveal(selection)
  }

  /// Scrolls the least so that contact `index` (its name and the lines under it) is on screen.
  mutating func reveal(_ index: Int) {
    guard contacts.indices.contains(index) else { return }
    let block = contacts[index]
    if block.upperBound > scroll + height { scroll = block.upperBound - height }
    if block.lowerBound < scroll { scroll = block.lowerBound }
    scroll = clamped(scroll)
  }

  /// After a scroll, the chosen contact stays if on screen, else the first (or last) on screen.
  private mutating func follow(preferLast: Bool) {
    guard !isVisible(selection) else { return }
    let visible = contacts.indices.filter(isVisible)
    if let replacement = preferLast ? visible.last : visible.first { selection = replacement }
  }
}
