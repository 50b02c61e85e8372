import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads data files the bundle found, refusing what would hang or exhaust the machine: a FIFO
/// or device named `*.yaml` (opening one blocks forever), and files past a stated size
/// (issue 18, points 5 and 10). Every data file is read through here.
public enum DataFileReader {
  /// The largest data file read: 64 MiB. The real national directory is a few MB; a 200 MB
  /// file took 2.2 GB resident, so larger files are refused with a finding instead.
  public static let maximumSize = 64 * 1024 * 1024

  public enum Failure: Error, Equatable {
    case notRegularFile
    case tooLarge(bytes: Int)
    case system(errno: Int32)

    /// French, like every finding message (docs/findings.md).
    public var message: String {
      switch self {
      case .notRegularFile:
        return
          "ce n'est pas un fichier ordinaire (un tube, un périphérique ou un dossier nommé comme un fichier de données) : non lu"
      case .tooLarge(let bytes):
        return
          "le fichier fait \(bytes / 1_048_576) Mio ; un fichier de données est limité à \(maximumSize / 1_048_576) Mio"
      case .system(let code): return "lecture du fichier impossible : \(String(cString: strerror(code)))"
      }
    }
  }

  /// The whole file, or at most `limit` bytes of its head when `head` is given.
  public static func read(_ url: URL, head: Int? = nil) -> Result<Data, Failure> {
    let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.system(errno: errno)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(.system(errno: errno)) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
    let size = Int(info.st_size)
    if head == nil, size > maximumSize { return .failure(.tooLarge(bytes: size)) }
    let wanted = min(head ?? maximumSize, maximumSize)
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while data.count < wanted {
      let room = wanted - data.count
      let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, min($0.count, room)) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.system(errno: errno))
      }
      if count == 0 { break }
      data.append(contentsOf: buffer[0..<count])
    }
    // A file that grew past the limit while being read.
    if head == nil, data.count >= maximumSize, size < maximumSize { return .failure(.tooLarge(bytes: data.count)) }
    return .success(data)
  }

  /// The file's bytes, or nil and an error finding at `file:1:1`.
  public static func read(_ url: URL, displayName: String, diagnostics: inout Diagnostics) -> Data? {
    switch read(url) {
    case .success(let data): return data
    case .failure(let failure):
      let code: String
      switch failure {
      case .notRegularFile: code = "not-a-regular-file"
      case .tooLarge: code = "file-too-large"
      case .system: code = "unreadable-file"
      }
      diagnostics.error(code, at: SourceLocation(file: displayName, line: 1, column: 1), failure.message)
      return nil
    }
  }
}
