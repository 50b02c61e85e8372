import Foundation

/// Where the package and its test fixtures are, from this file's own place.
public enum TestPaths {
  public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `Tests/Fixtures/NAME` (ui-bundle, training-bundle).
  public static func fixture(_ name: String) -> URL {
    packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
  }

  /// The shipped bundle, `Protocols/`.
  public static let shippedBundle = packageRoot.appendingPathComponent("Protocols")
}
