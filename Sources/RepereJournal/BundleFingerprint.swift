import Foundation
import RepereBase

/// A content hash of a data folder, recorded in every journal's opening so a case can be tied
/// to the exact protocols and directory it ran on (and `replay` can say when they differ).
///
/// SHA-256 over every regular file below the folder except hidden ones, in byte order of their
/// relative paths, each as `path NUL size NUL sha256(bytes)` (the file's own 32-byte digest).
/// Renaming, adding, removing or editing any file changes it; file dates and permissions do not.
///
/// Hashing each file on its own lets a start reuse the digests of the files that did not change
/// (`FileDigests`, kept in the cache folder the executable passes in): a national directory is
/// 90 MB, and hashing it at every start was the largest cost of a warm start.
public enum BundleFingerprint {
  /// `sha256:` followed by 64 hex digits. `digests`: a folder where each file's digest is kept,
  /// keyed by its path, size, modification and change times and inode (nil: hash every file).
  public static func of(folder: URL, digests: URL? = nil) throws -> String {
    try of(DataFolder.scan(folder), digests: digests)
  }

  /// The hash of a folder already discovered (every regular file inside it, data or not).
  public static func of(_ folder: DataFolder, digests: URL? = nil) throws -> String {
    guard folder.exists else {
      throw JournalError.system(operation: "lecture du dossier", path: folder.root.path, errno: ENOENT)
    }
    let known = digests.map { FileDigests.load(from: $0, root: folder.root) } ?? FileDigests()
    var current = FileDigests()
    var hasher = SHA256()
    for file in folder.contents {
      // Taken before reading: a file changed while being read gets a new identity next time.
      let identity = FileDigests.Identity(path: file.url.path)
      let digest: [UInt8]
      let size: Int
      if let identity, let reused = known.digest(path: file.path, identity: identity) {
        (digest, size) = (reused, identity.size)
      } else {
        let data: Data
        do {
          data = try Data(contentsOf: file.url)
        } catch {
          throw JournalError.system(operation: "lecture", path: file.url.path, errno: errnoOf(error))
        }
        (digest, size) = (SHA256.digest(of: data), data.count)
      }
      if let identity, identity.size == size { current.set(path: file.path, identity: identity, digest: digest) }
      hasher.update(Array(file.path.utf8))
      hasher.update([0])
      hasher.update(Array(String(size).utf8))
      hasher.update([0])
      hasher.update(digest)
    }
    if let digests, current != known { current.save(to: digests, root: folder.root) }
    return "sha256:" + hasher.finalizeHex()
  }

  /// The definition before December 2026 (SHA-256 of every file's bytes in one stream), which
  /// journals opened earlier record: `replay` compares with it when the current one differs.
  public static func legacy(_ folder: DataFolder) throws -> String {
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

  /// The fingerprint to show next to a recorded one: the current definition, or the legacy one
  /// when that is what the journal recorded and the data did not change.
  public static func comparable(to recorded: String?, folder: URL, digests: URL? = nil) throws -> String {
    let scanned = DataFolder.scan(folder)
    let current = try of(scanned, digests: digests)
    guard let recorded, recorded != current, (try? legacy(scanned)) == recorded else { return current }
    return recorded
  }
}
