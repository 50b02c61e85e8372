import Foundation

/// A content hash of a data folder, recorded in every journal's opening so a case can be tied
/// to the exact protocols and directory it ran on (and `replay` can say when they differ).
///
/// SHA-256 over every regular file below the folder except hidden ones, in byte order of their
/// relative paths, each as `path NUL size NUL bytes`. Renaming, adding, removing or editing any
/// file changes it; file dates and permissions do not.
public enum BundleFingerprint {
  /// `sha256:` followed by 64 hex digits.
  public static func of(folder: URL) throws -> String {
    let root = folder.standardizedFileURL.resolvingSymlinksInPath()
    var files: [(path: String, url: URL)] = []
    guard
      let walker = FileManager.default.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else {
      throw JournalError.system(operation: "lecture du dossier", path: root.path, errno: ENOENT)
    }
    for case let url as URL in walker {
      let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
      guard values?.isRegularFile == true else { continue }
      let full = url.standardizedFileURL.resolvingSymlinksInPath().path
      guard full.hasPrefix(root.path + "/") else { continue }
      files.append((String(full.dropFirst(root.path.count + 1)), url))
    }
    files.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    var hasher = SHA256()
    for file in files {
      let data: Data
      do {
        data = try Data(contentsOf: file.url)
      } catch {
        throw JournalError.system(operation: "lecture", path: file.url.path, errno: errnoOf(error))
      }
      hasher.update(Array(file.path.utf8))
      hasher.update([0])
      hasher.update(Array(String(data.count).utf8))
      hasher.update([0])
      hasher.update(data)
    }
    return "sha256:" + hasher.finalizeHex()
  }
}
