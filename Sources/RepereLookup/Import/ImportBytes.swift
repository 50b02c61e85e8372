import Foundation
import RepereBase

/// The bytes of one file handed to `repere import`, read in chunks so that a national extract
/// (100,000 FINESS rows, 60 MB of data·inclusion JSON) never sits in memory whole. A file can be
/// read more than once (the encoding check, then the rows; the services before the structures
/// when a département is selected); bytes in memory are for tests and the benchmark.
public struct ImportBytes: Sendable {
  enum Storage: Sendable {
    case file(URL)
    case memory(Data)
  }

  let storage: Storage
  /// Bytes handed out at a time. Small in tests, to cross every boundary a parser must survive.
  let chunkSize: Int

  public static let defaultChunkSize = 1 << 20

  public static func file(_ url: URL, chunkSize: Int = defaultChunkSize) -> ImportBytes {
    ImportBytes(storage: .file(url), chunkSize: max(1, chunkSize))
  }

  public static func memory(_ data: Data, chunkSize: Int = defaultChunkSize) -> ImportBytes {
    ImportBytes(storage: .memory(data), chunkSize: max(1, chunkSize))
  }

  /// Hands every chunk to `body` in order, the UTF-8 byte order mark removed. Throws only when
  /// the file cannot be opened or read.
  func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    var first = true
    func deliver(_ chunk: UnsafeRawBufferPointer) throws {
      var bytes: UnsafeBufferPointer<UInt8> = chunk.assumingMemoryBound(to: UInt8.self)
      if first {
        first = false
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
          bytes = UnsafeBufferPointer(rebasing: bytes[3..<bytes.count])
        }
      }
      if !bytes.isEmpty { try body(bytes) }
    }
    switch storage {
    case .memory(let data):
      var offset = 0
      while offset < data.count {
        let end = min(data.count, offset + chunkSize)
        try data[data.startIndex + offset..<data.startIndex + end].withUnsafeBytes { try deliver($0) }
        offset = end
      }
    case .file(let url):
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      while let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
        try data.withUnsafeBytes { try deliver($0) }
      }
    }
  }

  /// The first `count` bytes (format detection, separator detection); empty when unreadable.
  func head(_ count: Int = 64 * 1024) -> Data {
    switch storage {
    case .memory(let data): return data.prefix(count)
    case .file(let url):
      guard let handle = try? FileHandle(forReadingFrom: url) else { return Data() }
      defer { try? handle.close() }
      return (try? handle.read(upToCount: count)) ?? Data()
    }
  }

  /// Every byte at once: only for Repère's own CSV export, a directory-sized file.
  func all() throws -> Data {
    switch storage {
    case .memory(let data): return data
    case .file(let url): return try Data(contentsOf: url)
    }
  }

  /// Whether every byte is valid UTF-8 (a FINESS extract downloaded as Windows-1252 is not).
  /// Streams: only the up to three bytes of a character cut by a chunk's end are carried over.
  func isValidUTF8() throws -> Bool {
    var carry: [UInt8] = []
    var valid = true
    func check(_ bytes: UnsafeBufferPointer<UInt8>) {
      let end = Self.completeEnd(bytes)
      carry = Array(bytes[end...])
      let body = UnsafeBufferPointer(rebasing: bytes[..<end])
      if !Self.isASCII(body), String(validating: body, as: UTF8.self) == nil { valid = false }
    }
    try forEachChunk { chunk in
      guard valid else { return }
      if carry.isEmpty {
        check(chunk)
      } else {
        let joined = carry + Array(chunk)
        joined.withUnsafeBufferPointer { check($0) }
      }
    }
    return valid && carry.isEmpty
  }

  /// The offset just past the last whole character: a character cut by the chunk's end waits.
  private static func completeEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var lead = bytes.count - 1
    while lead >= 0, lead > bytes.count - 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
    guard lead >= 0, bytes[lead] >= 0xC0 else { return bytes.count }
    let needed = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
    return bytes.count - lead < needed ? lead : bytes.count
  }

  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    guard let base = bytes.baseAddress else { return true }
    // Eight bytes at a time: one high bit anywhere means "not plain ASCII".
    while index + 8 <= count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      if word & 0x8080_8080_8080_8080 != 0 { return false }
      index += 8
    }
    while index < count {
      if base[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }
}

/// Windows-1252 → UTF-8, a chunk at a time (one byte is one character, so chunks cut nowhere).
enum Windows1252 {
  /// UTF-8 bytes of each of the 256 characters.
  static let table: [[UInt8]] = (0...255).map { byte in
    let high: [UInt32] = [
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
      0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
      0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
    let value = (0x80...0x9F).contains(byte) ? high[byte - 0x80] : UInt32(byte)
    return Array(String(Unicode.Scalar(value) ?? "\u{FFFD}").utf8)
  }

  static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: table[Int(byte)]) }
    }
  }
}
