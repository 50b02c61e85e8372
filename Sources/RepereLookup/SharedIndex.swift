import Foundation

/// The directory index `repere prepare` builds next to the data (`DATA/.repere-index/`), so that
/// on a shared server every account starts from the same prepared index instead of each building
/// its own. Hidden, so the data's fingerprint ignores it. Whoever updates the data (and can write
/// the folder) runs `prepare` again; operators only read it.
public enum SharedIndex {
  public static let folderName = ".repere-index"

  public static func folder(for data: URL) -> URL { data.appendingPathComponent(folderName, isDirectory: true) }

  /// Where the lookup cache goes: the prepared index when the data has one, else `userCache`
  /// (the user's own cache folder, from the environment the executable read).
  public static func cacheDirectory(for data: URL, userCache: URL?) -> URL? {
    var isDirectory: ObjCBool = false
    let shared = folder(for: data)
    if FileManager.default.fileExists(atPath: shared.path, isDirectory: &isDirectory), isDirectory.boolValue {
      return shared
    }
    return userCache
  }

  /// Makes the index folder readable by every account (0755, whatever the umask) and empties
  /// it of the indexes of earlier data or program versions, so only the one built next remains.
  public static func clear(_ index: URL) throws {
    try FileManager.default.createDirectory(
      at: index, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: index.path)
    for old in try FileManager.default.contentsOfDirectory(atPath: index.path) {
      try FileManager.default.removeItem(at: index.appendingPathComponent(old))
    }
  }

  /// Makes the files built in the index readable by every account (0644), and the folders in it
  /// (the cache's segments) listable (0755); returns the names of the files and folders in it.
  public static func publish(_ index: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? []
    for name in names { publishItem(index.appendingPathComponent(name)) }
    return names
  }

  private static func publishItem(_ url: URL) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
    try? FileManager.default.setAttributes(
      [.posixPermissions: isDirectory.boolValue ? 0o755 : 0o644], ofItemAtPath: url.path)
    guard isDirectory.boolValue else { return }
    for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
      publishItem(url.appendingPathComponent(name))
    }
  }
}
