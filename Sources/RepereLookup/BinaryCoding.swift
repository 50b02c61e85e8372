import Foundation

/// Appends plain values and arrays of plain values to a byte buffer, for the binary cache.
struct BinaryWriter {
  private(set) var data = Data()

  mutating func write(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
  }

  mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

  mutating func write<T: BitwiseCopyable>(array: [T]) {
    write(array.count)
    array.withUnsafeBytes { data.append(contentsOf: $0) }
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
}

/// Why a cache file could not be read (it is then rebuilt).
struct BinaryFormatError: Error {}

/// Reads what `BinaryWriter` wrote, checking every length against the buffer.
struct BinaryReader {
  let data: Data
  private(set) var offset: Int

  init(_ data: Data, offset: Int = 0) {
    self.data = data
    self.offset = offset
  }

  mutating func readUInt64() throws -> UInt64 {
    guard offset + 8 <= data.count else { throw BinaryFormatError() }
    var value: UInt64 = 0
    withUnsafeMutableBytes(of: &value) { target in
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
    let size = count * MemoryLayout<T>.stride
    guard size >= 0, offset + size <= data.count else { throw BinaryFormatError() }
    let start = data.startIndex + offset
    let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer), from: start..<(start + size))
      initialized = count
    }
    offset += size
    return array
  }

  mutating func readString() throws -> String {
    let count = try readInt()
    guard offset + count <= data.count else { throw BinaryFormatError() }
    let start = data.startIndex + offset
    offset += count
    return String(decoding: data[start..<(start + count)], as: UTF8.self)
  }

  mutating func readStrings() throws -> [String] {
    let count = try readInt()
    guard count <= data.count - offset else { throw BinaryFormatError() }
    return try (0..<count).map { _ in try readString() }
  }

  mutating func readData(count: Int) throws -> Data {
    guard offset + count <= data.count else { throw BinaryFormatError() }
    let start = data.startIndex + offset
    offset += count
    return data[start..<(start + count)]
  }
}
