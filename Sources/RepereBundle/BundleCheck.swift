import Foundation
import RepereBase
import RepereRules

extension DataBundle {
  /// Every finding about the bundle as a whole (besides those of reading each file, returned
  /// by `load(from:)`): protocols, overlays, cross-references, scenarios. `today` decides the
  /// date warnings.
  public func check(today: Date) -> [Finding] {
    var diagnostics = Diagnostics()
    diagnostics.append(contentsOf: ProtocolChecker.check(library: library, today: CalendarDate(today)))
    return diagnostics.findings
  }
}
