import Foundation

/// A file written as it is produced, into a hidden file next to its destination, and put in
/// place only by `commit()` (one rename): a failure half-way leaves the old file untouched and no
/// partial file behind. Text is buffered and flushed a megabyte at a time.
final class StagedFile {
  private let destination: URL
  private let staging: URL
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var done = false

  init(destination: URL) throws {
    self.destination = destination
    let folder = destination.deletingLastPathComponent()
    staging = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).tmp")
    guard FileManager.default.createFile(atPath: staging.path, contents: nil) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: staging.path])
    }
    do {
      handle = try FileHandle(forWritingTo: staging)
    } catch {
      try? FileManager.default.removeItem(at: staging)
      throw error
    }
    buffer.reserveCapacity(1 << 20)
  }

  deinit {
    if !done {
      try? handle.close()
      try? FileManager.default.removeItem(at: staging)
    }
  }

  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { try flush() }
  }

  private func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes what is left, syncs, and renames the staged file over the destination.
  func commit() throws {
    try flush()
    try handle.synchronize()
    try handle.close()
    done = true
    if rename(staging.path, destination.path) != 0 {
      let code = errno
      try? FileManager.default.removeItem(at: staging)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path, "errno": code])
    }
  }
}
