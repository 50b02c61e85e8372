import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the system calls the journal needs, each turning a failure into a
/// `JournalError.system` that names the operation and the path.
enum POSIX {
  static func check(_ result: Int32, _ operation: String, _ path: String) throws {
    if result < 0 { throw JournalError.system(operation: operation, path: path, errno: errno) }
  }

  /// `open(2)`, retried on EINTR.
  static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o600) throws -> Int32 {
    while true {
      let descriptor = path.withCString { pointer in
        #if canImport(Glibc)
        Glibc.open(pointer, flags | O_CLOEXEC, mode)
        #else
        Darwin.open(pointer, flags | O_CLOEXEC, mode)
        #endif
      }
      if descriptor >= 0 { return descriptor }
      if errno != EINTR { throw JournalError.system(operation: "ouverture", path: path, errno: errno) }
    }
  }

  /// Writes every byte, looping over short writes and EINTR.
  static func writeAll(_ descriptor: Int32, _ data: Data, path: String) throws {
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        #if canImport(Glibc)
        let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
        #else
        let written = Darwin.write(descriptor, base + offset, buffer.count - offset)
        #endif
        if written < 0 {
          if errno == EINTR { continue }
          throw JournalError.system(operation: "écriture", path: path, errno: errno)
        }
        offset += written
      }
    }
  }

  /// Forces the file's data to stable storage. On macOS plain `fsync` may stop at the drive's
  /// cache; `F_FULLFSYNC` goes all the way.
  static func sync(_ descriptor: Int32, path: String) throws {
    #if canImport(Darwin)
    if fcntl(descriptor, F_FULLFSYNC) == 0 { return }
    #endif
    while fsync(descriptor) != 0 {
      if errno != EINTR { throw JournalError.system(operation: "fsync", path: path, errno: errno) }
    }
  }

  /// Syncs a folder so a newly created or deleted entry survives a crash.
  static func syncFolder(_ path: String) throws {
    let descriptor = try open(path, O_RDONLY | O_DIRECTORY)
    defer { close(descriptor) }
    try sync(descriptor, path: path)
  }

  static func close(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #else
    _ = Darwin.close(descriptor)
    #endif
  }

  /// File status without following a final symbolic link.
  static func linkStatus(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
  }

  static func status(_ descriptor: Int32, path: String) throws -> stat {
    var info = stat()
    try check(fstat(descriptor, &info), "fstat", path)
    return info
  }

  static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
  static func isSymbolicLink(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFLNK }
  static func isRegularFile(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }
  static func permissions(_ info: stat) -> mode_t { info.st_mode & 0o7777 }

  /// A non-blocking exclusive lock; false when another process holds it.
  static func tryLock(_ descriptor: Int32, path: String) throws -> Bool {
    if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
    if errno == EWOULDBLOCK { return false }
    throw JournalError.system(operation: "verrou", path: path, errno: errno)
  }

  static func octal(_ mode: mode_t) -> String { "0" + String(mode, radix: 8) }
}
