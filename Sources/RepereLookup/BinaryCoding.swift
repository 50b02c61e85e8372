import Foundation

/// Appends plain values and arrays of plain values to a byte buffer, for the binary cache.
struct BinaryWriter {
  private(set) var data = Data()

  mutating func write(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
  }

  mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

  /// The count, zeros up to the next multiple of 8 bytes from the start, then the values: a
  /// mapped file's values are then aligned and read in place (`Column`).
  mutating func write<T: BitwiseCopyable>(array: [T]) {
    write(array.count)
    padToAlignment()
    array.withUnsafeBytes { data.append(contentsOf: $0) }
  }

  mutating func write<T: BitwiseCopyable>(column: Column<T>) {
    write(column.count)
    padToAlignment()
    column.withUnsafeBufferPointer { data.append(contentsOf: UnsafeRawBufferPointer($0)) }
  }

  private mutating func padToAlignment() {
    data.append(contentsOf: repeatElement(0, count: BinaryReader.padding(at: data.count)))
  }

  mutating func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      write(bytes.count)
      data.append(contentsOf: bytes)
    }
  }

  mutating func write(strings: [String]) {
    write(strings.count)
    for text in strings { write(text) }
  }

  mutating func append(_ bytes: Data) { data.append(bytes) }

  /// Room for `count` bytes at once (a 100,000-structure cache is ≈ 80 MB: no regrowth copies).
  mutating func reserve(_ count: Int) { data.reserveCapacity(count) }
}

/// Why a cache file could not be read (it is then rebuilt).
struct BinaryFormatError: Error {}

/// Reads what `BinaryWriter` wrote, checking every length against the buffer.
struct BinaryReader {
  let data: Data
  private(set) var offset: Int
  /// The mapped file `data` was taken from (offsets are then from its start): columns are read
  /// in place instead of copied.
  private let mapping: FileMapping?

  init(_ data: Data, offset: Int = 0, mapping: FileMapping? = nil) {
    self.data = data
    self.offset = offset
    self.mapping = mapping
  }

  /// Zeros `BinaryWriter` puts before an array's values at `offset`.
  static func padding(at offset: Int) -> Int { (8 - offset % 8) % 8 }

  /// Whether `count` more bytes are there (never overflows, whatever a damaged file claims).
  private func has(_ count: Int) -> Bool { count >= 0 && count <= data.count - offset }

  mutating func readUInt64() throws -> UInt64 {
    guard has(8) else { throw BinaryFormatError() }
    var value: UInt64 = 0
    _ = withUnsafeMutableBytes(of: &value) { target in
      data.copyBytes(to: target, from: (data.startIndex + offset)..<(data.startIndex + offset + 8))
    }
    offset += 8
    return UInt64(littleEndian: value)
  }

  mutating func readInt() throws -> Int {
    let value = Int(Int64(bitPattern: try readUInt64()))
    guard value >= 0 else { throw BinaryFormatError() }
    return value
  }

  mutating func readArray<T: BitwiseCopyable>(of type: T.Type = T.self) throws -> [T] {
    let count = try readInt()
    let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
    try skipPadding()
    guard !overflow, has(size) else { throw BinaryFormatError() }
    let start = data.startIndex + offset
    let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer), from: start..<(start + size))
      initialized = count
    }
    offset += size
    return array
  }

  /// An array written by `write(array:)`, read in place when the reader has the mapping.
  mutating func readColumn<T: BitwiseCopyable>(of type: T.Type = T.self) throws -> Column<T> {
    guard let mapping, MemoryLayout<T>.alignment <= 8 else {
      return Column(try readArray(of: T.self))
    }
    let count = try readInt()
    let (size, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
    try skipPadding()
    guard !overflow, has(size) else { throw BinaryFormatError() }
    let column = Column<T>(count: count, at: mapping.address + data.startIndex + offset, in: mapping)
    offset += size
    return column
  }

  private mutating func skipPadding() throws {
    let padding = Self.padding(at: offset)
    guard has(padding) else { throw BinaryFormatError() }
    offset += padding
  }

  mutating func readString() throws -> String {
    let count = try readInt()
    guard has(count) else { throw BinaryFormatError() }
    let start = data.startIndex + offset
    offset += count
    return String(decoding: data[start..<(start + count)], as: UTF8.self)
  }

  mutating func readStrings() throws -> [String] {
    let count = try readInt()
    guard has(count) else { throw BinaryFormatError() }
    return try (0..<count).map { _ in try readString() }
  }

  mutating func readData(count: Int) throws -> Data {
    guard has(count) else { throw BinaryFormatError() }
    let start = data.startIndex + offset
    offset += count
    return data[start..<(start + count)]
  }
}

/// A fast 64-bit checksum of a whole cache file (8 bytes a step), so that a damaged body is
/// noticed before any of it is trusted — not a cryptographic hash: it guards against disk and
/// copy damage, not against someone forging a cache in the user's own folder.
enum CacheChecksum {
  /// Four independent lanes of 8 bytes (32 bytes a step), so that the multiplications overlap:
  /// checked at every start over the whole file (≈ 80 MB at 100,000 structures).
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x0000_0100_0000_01B3
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count), 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9,
      0x85EB_CA77_C2B2_AE63
    )
    var offset = 0
    func load(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    while offset + 32 <= bytes.count {
      lanes.0 = (lanes.0 ^ load(offset)) &* prime
      lanes.1 = (lanes.1 ^ load(offset + 8)) &* prime
      lanes.2 = (lanes.2 ^ load(offset + 16)) &* prime
      lanes.3 = (lanes.3 ^ load(offset + 24)) &* prime
      lanes.0 ^= lanes.0 >> 29
      lanes.1 ^= lanes.1 >> 29
      lanes.2 ^= lanes.2 >> 29
      lanes.3 ^= lanes.3 >> 29
      offset += 32
    }
    var state = lanes.0
    for lane in [lanes.1, lanes.2, lanes.3] { state = ((state ^ lane) &* prime) ^ (state >> 31) }
    while offset < bytes.count {
      state = (state ^ UInt64(bytes[offset])) &* prime
      offset += 1
    }
    state ^= state >> 32
    return state &* 0xBF58_476D_1CE4_E5B9
  }
}
