import Foundation
import RepereBase

/// A content hash of a data folder, recorded in every journal's opening so a case can be tied
/// to the exact protocols and directory it ran on (and `replay` can say when they differ).
///
/// SHA-256 over every regular file below the folder except hidden ones, in byte order of their
/// relative paths, each as `path NUL size NUL bytes`. Renaming, adding, removing or editing any
/// file changes it; file dates and permissions do not.
public enum BundleFingerprint {
  /// `sha256:` followed by 64 hex digits.
  public static func of(folder: URL) throws -> String {
    try of(DataFolder.scan(folder))
  }

  /// The hash of a folder already discovered (every regular file inside it, data or not).
  public static func of(_ folder: DataFolder) throws -> String {
    guard folder.exists else {
      throw JournalError.system(operation: "lecture du dossier", path: folder.root.path, errno: ENOENT)
    }
    var hasher = SHA256()
    for file in folder.contents {
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
