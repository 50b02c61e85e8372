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

  /// Makes the files built in the index readable by every account (0644); returns their names.
  public static func publish(_ index: URL) -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? []
    for file in files {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o644], ofItemAtPath: index.appendingPathComponent(file).path)
    }
    return files
  }
}
