import Foundation

/// Writes a cache file whole or not at all, and says in French why it could not.
enum CacheFile {
  /// Writes `bytes` to a temporary file next to `url`, then renames it over `url`; returns the
  /// reason for a failure (read-only folder, full disk…) or nil. Nothing is left behind on failure.
  /// `temporary` is for tests (a link to /dev/full fills the disk).
  static func replace(_ url: URL, with bytes: Data, temporary: URL? = nil) -> String? {
    replace(url, withChunks: [bytes], temporary: temporary)
  }

  /// The same, for a file written in pieces (the cache's head, then its structure blob straight
  /// from where it is: joining them first copied 57 MB at 100,000 structures).
  static func replace(_ url: URL, withChunks chunks: [Data], temporary: URL? = nil) -> String? {
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      return "dossier impossible à créer : " + reason(for: error)
    }
    let temporary = temporary ?? folder.appendingPathComponent(url.lastPathComponent + ".\(UUID().uuidString).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return describe(errno) }
    var failure: String?
    for bytes in chunks where failure == nil {
      bytes.withUnsafeBytes { raw in
        var written = 0
        while written < raw.count, let base = raw.baseAddress {
          let result = Foundation.write(descriptor, base + written, raw.count - written)
          if result < 0 {
            if errno == EINTR { continue }
            failure = describe(errno)
            return
          }
          written += result
        }
      }
    }
    if close(descriptor) != 0, failure == nil { failure = describe(errno) }
    if failure == nil, rename(temporary.path, url.path) != 0 { failure = describe(errno) }
    if failure != nil { unlink(temporary.path) }
    return failure
  }

  private static func reason(for error: Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return describe(Int32(code)) }
    return (error as NSError).localizedDescription
  }

  /// The usual causes in French, else the system's own words.
  static func describe(_ code: Int32) -> String {
    switch code {
    case ENOSPC: return "disque plein"
    case EDQUOT: return "quota disque atteint"
    case EACCES, EPERM: return "écriture refusée"
    case EROFS: return "système de fichiers en lecture seule"
    default: return String(cString: strerror(code))
    }
  }
}
