import Foundation

/// The one home of golden files (screens, maps, exports): compare a text with its reviewed file,
/// or rewrite the file when `RECORD_SNAPSHOTS=1` (then review the diff like code), and find the
/// golden files no test produces any more.
///
/// It returns problems as text rather than recording them, so this target does not depend on the
/// test framework; callers pass them to `Issue.record`.
public enum Golden {
  /// The one variable that re-records every golden file.
  public static let recordVariable = "RECORD_SNAPSHOTS"

  public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

  /// Nil when `actual` matches the file at `url`; otherwise what differs, line by line. A missing
  /// file is written and reported once, so a new golden is always reviewed before it counts.
  public static func problem(comparing actual: String, with url: URL) -> String? {
    let name = url.lastPathComponent
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if isRecording || expected == nil {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        return "could not write the golden file \(name): \(error)"
      }
      return isRecording ? nil : "recorded a new golden file \(name): review it and run again"
    }
    guard let expected, expected != actual else { return nil }
    return "\(name) differs (\(recordVariable)=1 to accept, then review the diff):\n\(diff(expected, actual))"
  }

  /// Lines that differ, marked - (expected) and + (actual), with their numbers.
  public static func diff(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var out: [String] = []
    for index in 0..<max(old.count, new.count) {
      let left = index < old.count ? old[index] : nil
      let right = index < new.count ? new[index] : nil
      guard left != right else { continue }
      if let left { out.append(String(format: "%3d - ", index + 1) + left) }
      if let right { out.append(String(format: "%3d + ", index + 1) + right) }
    }
    return out.joined(separator: "\n")
  }

  /// Golden files under `folder` (relative paths, subfolders included) that are not in
  /// `produced`: left behind by a renamed or deleted test, they would never fail again.
  public static func orphans(in folder: URL, produced: Set<String>) -> [String] {
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
    var found: [String] = []
    for case let relative as String in walker {
      var isFolder: ObjCBool = false
      let path = base + "/" + relative
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
        continue
      }
      guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
      if !produced.contains(relative) { found.append(relative) }
    }
    return found.sorted()
  }
}
