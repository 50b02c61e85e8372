import Foundation

/// A read-only array of plain values, either owned or read in place from a mapped cache file.
/// Copying the search index's columns out of a 100,000-structure cache (≈ 26 MB) cost a third
/// of a warm `repere find`, most of it page faults; in place, only the pages a search reads are
/// ever touched.
struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  private let base: UnsafePointer<Element>?
  let count: Int
  /// Keeps the values alive: the owned copy, or the file mapping.
  private let owner: AnyObject?

  init() {
    base = nil
    count = 0
    owner = nil
  }

  /// An owned copy of `values`.
  init(_ values: [Element]) {
    let storage = OwnedValues(values)
    base = UnsafePointer(storage.values.baseAddress)
    count = values.count
    owner = storage
  }

  /// The `count` values at `address` inside `mapping` (aligned for `Element`), not copied.
  init(count: Int, at address: UnsafeRawPointer, in mapping: FileMapping) {
    base = address.assumingMemoryBound(to: Element.self)
    self.count = count
    owner = mapping
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  @inline(__always)
  subscript(position: Int) -> Element {
    precondition(position >= 0 && position < count, "Column index out of range")
    return base.unsafelyUnwrapped[position]
  }

  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
    try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
  }

  /// The values as an array (for code that builds new columns from old ones).
  var array: [Element] { withUnsafeBufferPointer { Array($0) } }
}

/// The storage of an owned column.
private final class OwnedValues<Element: BitwiseCopyable> {
  let values: UnsafeMutableBufferPointer<Element>

  init(_ source: [Element]) {
    values = .allocate(capacity: source.count)
    _ = values.initialize(from: source)
  }

  deinit { values.deallocate() }
}

/// A file mapped read-only into memory, unmapped when the last value read from it goes.
final class FileMapping: @unchecked Sendable {
  let address: UnsafeRawPointer
  let size: Int

  private init(address: UnsafeRawPointer, size: Int) {
    self.address = address
    self.size = size
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: address), size) }

  /// The file at `path` mapped; nil when it does not exist; a failure when it cannot be read.
  /// `populate`: its pages are mapped at once (a file read whole, such as the cache's head whose
  /// checksum is checked first: one call instead of a page fault every 64 KiB).
  static func map(_ path: String, populate: Bool = false) -> Result<FileMapping?, CacheFileError> {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      return errno == ENOENT ? .success(nil) : .failure(CacheFileError(reason: String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      return .failure(CacheFileError(reason: String(cString: strerror(errno))))
    }
    let size = Int(info.st_size)
    guard size > 0 else { return .failure(CacheFileError(reason: "fichier vide")) }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), descriptor, 0),
      address != MAP_FAILED
    else {
      return .failure(CacheFileError(reason: String(cString: strerror(errno))))
    }
    return .success(FileMapping(address: UnsafeRawPointer(address), size: size))
  }

  /// The mapped bytes as `Data`, without a copy; the data keeps the mapping alive.
  var data: Data {
    Data(
      bytesNoCopy: UnsafeMutableRawPointer(mutating: address), count: size,
      deallocator: .custom { _, _ in withExtendedLifetime(self) {} })
  }
}
