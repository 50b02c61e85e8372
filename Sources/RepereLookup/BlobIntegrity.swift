import Foundation

/// Checksums of a cached structure blob, 4 KiB block by block, checked when a record is first
/// read rather than all at once: the blob is two thirds of a 100,000-structure cache (≈ 57 MB)
/// and hashing it on every start cost more than the whole search. A damaged record is never
/// served: its structure is read again from its source file (`recover`), and `damaged` is called
/// once so that the cache is rebuilt at the next start, which says why.
final class BlobIntegrity: @unchecked Sendable {
  static let blockSize = 4096

  /// One checksum per block of the blob (the last one may be shorter).
  let sums: [UInt64]
  /// The structure at a position, read from source (nil when that cannot be done).
  private let recover: @Sendable (Int) -> Structure?
  private let damaged: @Sendable () -> Void
  private let lock = NSLock()
  /// Per block: 0 not checked yet, 1 intact, 2 damaged.
  private var state: [UInt8]
  private var reported = false

  init(sums: [UInt64], recover: @escaping @Sendable (Int) -> Structure?, damaged: @escaping @Sendable () -> Void) {
    self.sums = sums
    self.recover = recover
    self.damaged = damaged
    state = [UInt8](repeating: 0, count: sums.count)
  }

  /// The block checksums of `blob` (written with the cache).
  static func sums(of blob: UnsafeRawBufferPointer) -> [UInt64] {
    stride(from: 0, to: blob.count, by: blockSize).map { start in
      CacheChecksum.hash(UnsafeRawBufferPointer(rebasing: blob[start..<min(blob.count, start + blockSize)]))
    }
  }

  /// Whether the blob has as many blocks as there are checksums.
  func fits(_ blobSize: Int) -> Bool { sums.count == (blobSize + Self.blockSize - 1) / Self.blockSize }

  /// Whether the bytes `range` of `blob` are as written (each block hashed at most once).
  func intact(_ range: Range<Int>, in blob: UnsafeRawBufferPointer) -> Bool {
    guard !range.isEmpty else { return true }
    let first = range.lowerBound / Self.blockSize
    let last = (range.upperBound - 1) / Self.blockSize
    var good = true
    lock.lock()
    for block in first...last {
      if state[block] == 0 {
        let start = block * Self.blockSize
        let bytes = UnsafeRawBufferPointer(rebasing: blob[start..<min(blob.count, start + Self.blockSize)])
        state[block] = CacheChecksum.hash(bytes) == sums[block] ? 1 : 2
      }
      if state[block] == 2 { good = false }
    }
    let report = !good && !reported
    if report { reported = true }
    lock.unlock()
    if report { damaged() }
    return good
  }

  /// Whether the whole blob is as written (before an older cache's records are reused as bytes).
  func intactEverywhere(_ blob: UnsafeRawBufferPointer) -> Bool { intact(0..<blob.count, in: blob) }

  /// The structure at `position` read from source, for a record found damaged.
  func recovered(_ position: Int) -> Structure? { recover(position) }
}
