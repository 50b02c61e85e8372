import Foundation

/// The executables built beside the test bundle (`swift test` builds every product).
public enum BuiltProducts {
  public struct Missing: Error, CustomStringConvertible {
    public var description: String
  }

  /// True when `name` has been built.
  public static func exists(_ name: String) -> Bool { (try? executable(named: name)) != nil }

  /// The built `name` next to the test bundle, else in .build/debug.
  public static func executable(named name: String) throws -> URL {
    var starts = [Bundle.main.bundleURL]
    if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
    for start in starts {
      var folder = start.deletingLastPathComponent()
      for _ in 0..<5 {
        let candidate = folder.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
      }
    }
    let debug = TestPaths.packageRoot.appendingPathComponent(".build/debug").appendingPathComponent(name)
    if FileManager.default.isExecutableFile(atPath: debug.path) { return debug }
    throw Missing(description: "\(name) is not built (run swift build)")
  }

  /// The built `name`, building it with `swift build` first when it is missing.
  public static func executableBuildingIfNeeded(named name: String) throws -> URL {
    if let found = try? executable(named: name) { return found }
    let result = try SpawnedProcess.run(
      ["swift", "build", "--package-path", TestPaths.packageRoot.path, "--product", name])
    guard result.status == 0 else { throw Missing(description: "swift build failed: \(result.error)") }
    return try executable(named: name)
  }
}
