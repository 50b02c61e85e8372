/// The longest text a data file's field may hold, stated once (issue 18, point 5).
///
/// The longest text of the shipped bundle is under 1,000 characters; a field past 4,000 is a
/// mistake or an attack (one unbroken 1 MB word took minutes to lay out). Past the limit `check`
/// gives a `text-too-long` finding and every reader gets the text cut, ending with a visible
/// mark, so no screen or search ever works on more than this.
public enum TextLimits {
  /// Characters (grapheme clusters) a data text may hold.
  public static let maximumFieldLength = 4_000

  /// What ends a text cut at the limit, so the cut shows on screen.
  public static let cutMark = " […]"

  /// `text` cut to `maximumFieldLength` characters, the mark included, or nil when it fits.
  /// Costs O(limit) at most: a short text is recognised by its UTF-8 length alone.
  public static func capped(_ text: String) -> String? {
    guard text.utf8.count > maximumFieldLength else { return nil }
    var end = text.startIndex
    var count = 0
    let keep = maximumFieldLength - cutMark.count
    while end < text.endIndex, count < keep {
      end = text.index(after: end)
      count += 1
    }
    guard end < text.endIndex else { return nil }
    // Past `keep` characters: it still fits if the rest is no longer than the mark.
    var rest = end
    var restCount = 0
    while rest < text.endIndex, restCount <= cutMark.count {
      rest = text.index(after: rest)
      restCount += 1
    }
    guard restCount > cutMark.count else { return nil }
    return String(text[..<end]) + cutMark
  }
}
