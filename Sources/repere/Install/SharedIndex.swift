import Foundation
import RepereLookup

/// The directory index `repere prepare` builds next to the data (`DATA/.repere-index/`), so that
/// on a shared server every account starts from the same prepared index instead of each building
/// its own. Hidden, so the data's fingerprint ignores it. Whoever updates the data (and can write
/// the folder) runs `prepare` again; operators only read it.
enum SharedIndex {
  static let folderName = ".repere-index"

  static func folder(for data: URL) -> URL { data.appendingPathComponent(folderName, isDirectory: true) }

  /// Where `find` keeps its lookup cache: the prepared index when the data has one, else the
  /// user's own cache folder.
  static func cacheDirectory(for data: URL) -> URL? {
    var isDirectory: ObjCBool = false
    let shared = folder(for: data)
    if FileManager.default.fileExists(atPath: shared.path, isDirectory: &isDirectory), isDirectory.boolValue {
      return shared
    }
    return LookupCache.directory(environment: RuntimeContext.current.environment)
  }
}
