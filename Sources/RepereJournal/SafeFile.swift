import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing files of the journal folder and export targets without being led
/// elsewhere: a symbolic link is never followed, only regular files are read or replaced, and
/// new files are 0600 from the moment they exist (issue 18, point 3).
public enum SafeFile {
  /// Reads a regular file without following a final symbolic link and without blocking on a
  /// FIFO; the error carries the real errno (EISDIR, EACCES, ELOOP for a link…).
  static func readRegular(_ path: String) throws -> Data {
    let descriptor = try openEntry(path, O_RDONLY)
    defer { POSIX.close(descriptor) }
    let info = try POSIX.status(descriptor, path: path)
    if POSIX.isDirectory(info) { throw JournalError.system(operation: "lecture", path: path, errno: EISDIR) }
    guard POSIX.isRegularFile(info) else { throw JournalError.notRegularFile(path: path) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw JournalError.system(operation: "lecture", path: path, errno: errno)
      }
      if count == 0 { return data }
      data.append(contentsOf: buffer[0..<count])
    }
  }

  /// Opens an existing entry without following a final symbolic link (O_NOFOLLOW) or blocking
  /// on a FIFO (O_NONBLOCK); a link is reported as such rather than as ELOOP.
  static func openEntry(_ path: String, _ flags: Int32) throws -> Int32 {
    do {
      return try POSIX.open(path, flags | O_NOFOLLOW | O_NONBLOCK)
    } catch JournalError.system(_, _, let code) where code == ELOOP {
      throw JournalError.notRegularFile(path: path)
    }
  }

  /// Writes `data` to `path`, created 0600. An existing target is replaced only with `force`,
  /// and only when it is a regular file (never a symbolic link, FIFO, device or folder): the
  /// data goes to a new 0600 file beside it, synced, then renamed over it. On failure (a full
  /// disk) nothing is left behind and the error is thrown: the caller reports success only on
  /// return.
  public static func write(_ data: Data, to path: String, force: Bool) throws {
    if let info = POSIX.linkStatus(path) {
      guard POSIX.isRegularFile(info) else { throw JournalError.notRegularFile(path: path) }
      guard force else { throw JournalError.exists(path: path) }
      let folder = (path as NSString).deletingLastPathComponent
      let name = (path as NSString).lastPathComponent
      let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).tmp"
      try create(data, at: temporary)
      guard rename(temporary, path) == 0 else {
        let code = errno
        unlink(temporary)
        throw JournalError.system(operation: "remplacement", path: path, errno: code)
      }
      return
    }
    do {
      try create(data, at: path)
    } catch JournalError.system(_, _, let code) where code == EEXIST {
      throw JournalError.exists(path: path)
    }
  }

  /// Writes `data` to a new file in `folder` named `name`, or `name-2`, `name-3`… (before the
  /// extension) when that name is taken: an earlier export is never replaced, and two writers
  /// never share a name (each creation is exclusive). Returns the path written.
  public static func writeNew(_ data: Data, in folder: String, name: String) throws -> String {
    let base = (name as NSString).deletingPathExtension
    let suffix = (name as NSString).pathExtension.isEmpty ? "" : "." + (name as NSString).pathExtension
    for counter in 1...maximumNewNames {
      let path = folder + "/" + (counter == 1 ? name : "\(base)-\(counter)\(suffix)")
      do {
        try create(data, at: path)
        return path
      } catch JournalError.system(_, _, let code) where code == EEXIST {
        continue
      }
    }
    throw JournalError.exists(path: folder + "/" + name)
  }

  /// How many numbered names `writeNew` tries before giving up (a folder full of copies).
  static let maximumNewNames = 999

  /// A new file (O_EXCL, no link followed), 0600 whatever the umask, fully written and synced;
  /// removed again when any step fails.
  private static func create(_ data: Data, at path: String) throws {
    let descriptor = try POSIX.open(
      path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: SecureFolder.fileMode)
    do {
      try POSIX.check(fchmod(descriptor, SecureFolder.fileMode), "chmod", path)
      try POSIX.writeAll(descriptor, data, path: path)
      try POSIX.sync(descriptor, path: path)
      POSIX.close(descriptor)
    } catch {
      POSIX.close(descriptor)
      unlink(path)
      throw error
    }
  }
}
