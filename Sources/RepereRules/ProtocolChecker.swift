import RepereBase

/// Static checks of protocols: references, graph analysis, expressions, overlays, dates.
public enum ProtocolChecker {
  /// Every finding about the library's protocols, merged overlays included.
  public static func check(library: ProtocolLibrary, today: CalendarDate) -> [Finding] {
    []
  }
}
