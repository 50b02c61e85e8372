import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SHA-256 of each file of a data folder, remembered with what `stat` said of the file when
/// it was hashed, so that the bundle fingerprint re-reads only files that changed. A file counts
/// as unchanged only when its path, size, modification time (nanoseconds), change time, inode
/// and device are all the same: the change time cannot be set back by a program, so a file
/// rewritten with its old date still reads as changed.
///
/// Kept as a small text file per data folder, ending with a SHA-256 of the rest: a damaged or
/// foreign file is ignored whole (every file is hashed again), never trusted in part.
struct FileDigests: Equatable {
  /// What `stat` says of a file, as compared between two starts.
  struct Identity: Equatable {
    var size: Int
    var modified: String
    var changed: String
    var inode: UInt64
    var device: UInt64

    /// Nil when the file cannot be examined (it is then hashed, and its read error reported).
    init?(path: String) {
      var info = stat()
      guard stat(path, &info) == 0 else { return nil }
      size = Int(info.st_size)
      modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
      changed = "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
      inode = UInt64(info.st_ino)
      device = UInt64(info.st_dev)
    }

    init(size: Int, modified: String, changed: String, inode: UInt64, device: UInt64) {
      self.size = size
      self.modified = modified
      self.changed = changed
      self.inode = inode
      self.device = device
    }
  }

  struct Entry: Equatable {
    var identity: Identity
    var digest: [UInt8]
  }

  private(set) var entries: [String: Entry] = [:]

  static let header = "repere-digests 1"

  /// The digest remembered for `path` if the file is still the one that was hashed.
  func digest(path: String, identity: Identity) -> [UInt8]? {
    guard let entry = entries[path], entry.identity == identity else { return nil }
    return entry.digest
  }

  mutating func set(path: String, identity: Identity, digest: [UInt8]) {
    entries[path] = Entry(identity: identity, digest: digest)
  }

  /// The file for the data folder `root` inside `folder`.
  static func file(in folder: URL, root: URL) -> URL {
    let name = String(SHA256.hex(of: Array(root.standardizedFileURL.path.utf8)).prefix(16))
    return folder.appendingPathComponent("digests-\(name).txt")
  }

  /// What was remembered for `root`; empty when there is nothing, or nothing trustworthy.
  static func load(from folder: URL, root: URL) -> FileDigests {
    guard let data = try? Data(contentsOf: file(in: folder, root: root)),
      let text = String(data: data, encoding: .utf8)
    else { return FileDigests() }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // The last line is empty (the text ends with a newline), the one before is the sum.
    guard lines.count >= 3, lines.removeLast().isEmpty, let sum = lines.popLast(), sum.hasPrefix("sum "),
      lines.first == Substring(headerLine(root: root)),
      SHA256.hex(of: Array(lines.joined(separator: "\n").utf8)) == sum.dropFirst(4)
    else { return FileDigests() }
    var result = FileDigests()
    for line in lines.dropFirst() {
      // size modified changed inode device digest path (the path last: it may hold spaces).
      let fields = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
      guard fields.count == 7, let size = Int(fields[0]), let inode = UInt64(fields[3]),
        let device = UInt64(fields[4]), let digest = bytes(hex: fields[5]), !fields[6].isEmpty
      else { return FileDigests() }
      let identity = Identity(
        size: size, modified: String(fields[1]), changed: String(fields[2]), inode: inode, device: device)
      result.set(path: String(fields[6]), identity: identity, digest: digest)
    }
    return result
  }

  /// Writes the digests (a temporary file renamed into place); a failure (read-only folder,
  /// full disk) is silent: the next start only hashes again.
  func save(to folder: URL, root: URL) {
    var lines = [Self.headerLine(root: root)]
    for path in entries.keys.sorted() where !path.contains("\n") {
      guard let entry = entries[path] else { continue }
      let identity = entry.identity
      let hex = entry.digest.map { String(format: "%02x", $0) }.joined()
      lines.append(
        "\(identity.size) \(identity.modified) \(identity.changed) \(identity.inode) \(identity.device) \(hex) \(path)")
    }
    let body = lines.joined(separator: "\n")
    let text = body + "\nsum " + SHA256.hex(of: Array(body.utf8)) + "\n"
    let target = Self.file(in: folder, root: root)
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      guard
        FileManager.default.createFile(
          atPath: temporary.path, contents: Data(text.utf8),
          attributes: [
            .posixPermissions: 0o600
          ])
      else { return }
      guard rename(temporary.path, target.path) == 0 else {
        unlink(temporary.path)
        return
      }
    } catch {
      return
    }
  }

  private static func headerLine(root: URL) -> String {
    header + " " + root.standardizedFileURL.path.replacingOccurrences(of: "\n", with: " ")
  }

  private static func bytes(hex: Substring) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count == 64 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(32)
    for position in stride(from: 0, to: 64, by: 2) {
      guard let high = nibble(digits[position]), let low = nibble(digits[position + 1]) else { return nil }
      result.append(high << 4 | low)
    }
    return result
  }

  private static func nibble(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
    default: return nil
    }
  }
}
