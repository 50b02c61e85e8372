import Foundation
import RepereBase

/// A binary cache of the loaded directory (structures, search index, load findings) so that
/// `repere find` on a large directory starts in milliseconds.
///
/// The cache lives under `$XDG_CACHE_HOME/repere` (else `~/.cache/repere`), one file per data
/// folder. It is keyed by the program itself and, for every source file the directory depends on
/// (directory YAML and CSV, vocabulary, reference CSVs), its path, size, modification time and a
/// hash of its first 4 KiB: change any of them and the cache rebuilds itself. Small files
/// (vocabulary, resources) are always read from source. Set `REPERE_NO_CACHE=1` to bypass it
/// (read by the executable, which passes no cache folder then).
public enum LookupCache {
  static let magic = "REPERE-LOOKUP-CACHE"
  static let version = 1

  /// The cache folder the environment names (`environment` is the process's, passed in by the
  /// executable): nil when `REPERE_NO_CACHE` is set or no home is known.
  public static func directory(environment: [String: String]) -> URL? {
    guard environment["REPERE_NO_CACHE"] == nil else { return nil }
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("repere")
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return URL(fileURLWithPath: home).appendingPathComponent(".cache/repere")
  }

  /// Loads `folder` through the cache in `cacheDirectory` (reading it when valid, writing it
  /// otherwise); without a cache folder, straight from the files. `program` is the running
  /// executable: its name keeps two programs' caches apart, its file is part of the key.
  public static func load(folder: URL, cacheDirectory: URL?, program: URL? = nil) throws -> LookupData {
    guard let cacheDirectory else { return try LookupData.load(folder: folder) }
    let files = DataFolder.scan(folder).files
    var parts = try LookupData.loadSmallFiles(folder: folder, files: files)
    let key = cacheKey(folder: folder, files: files, program: program)
    // One file per program and data folder: two programs (repere, repere-bench) never evict each other.
    let name = program?.lastPathComponent ?? "repere"
    let cacheFile = cacheDirectory.appendingPathComponent(
      "lookup-\(name)-" + String(FNV.hash(Array(folder.standardizedFileURL.path.utf8)[...]), radix: 16) + ".bin")
    if let cached = read(cacheFile, key: key, parts: parts) { return cached }
    let before = parts.diagnostics.findings.count
    let structures = LookupData.loadStructures(files: files, diagnostics: &parts.diagnostics)
    let structureFindings = Array(parts.diagnostics.findings[before...])
    let directory = Directory(structures: structures, reference: parts.reference, vocabulary: parts.vocabulary)
    let data = LookupData(parts, directory: directory)
    write(data, structures: structures, findings: structureFindings, key: key, to: cacheFile)
    return data
  }

  /// What the cache depends on, as text (compared whole, so a hash collision cannot fool it).
  static func cacheKey(folder: URL, files: [DataFolder.File], program: URL?) -> String {
    var lines = ["\(magic) \(version)", folder.standardizedFileURL.path]
    let keyed: Set<DataFileKind?> = [.directoryCSV, .directory, .vocabulary]
    var sources = files.filter { keyed.contains($0.kind) }.map(\.url)
    let reference = folder.appendingPathComponent("reference")
    sources += [reference.appendingPathComponent("departements.csv"), reference.appendingPathComponent("communes.csv")]
    if let program { sources.append(program) }
    for url in sources { lines.append(fingerprint(url)) }
    return lines.joined(separator: "\n")
  }

  private static func fingerprint(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    var info = stat()
    guard stat(path, &info) == 0 else { return "\(path) missing" }
    let head = (try? FileHandle(forReadingFrom: url)).flatMap { handle -> Data? in
      defer { try? handle.close() }
      return try? handle.read(upToCount: 4096)
    }
    let hash = FNV.hash([UInt8](head ?? Data())[...])
    return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino) \(hash)"
  }

  // MARK: Reading

  private static func read(_ url: URL, key: String, parts: LookupData.SmallFiles) -> LookupData? {
    guard let data = mapped(url) else { return nil }
    do {
      var reader = BinaryReader(data)
      guard try reader.readString() == key else { return nil }
      var diagnostics = parts.diagnostics
      for finding in try readFindings(&reader) { diagnostics.append(finding) }
      let files = try reader.readStrings()
      let offsets: [UInt64] = try reader.readArray()
      let blobSize = try reader.readInt()
      let blob = try reader.readData(count: blobSize)
      guard let last = offsets.last, last == UInt64(blobSize) else { return nil }
      let ids = IDIndex(hashes: try reader.readArray(), positions: try reader.readArray())
      let index = try SearchIndex(reader: &reader)
      let structures = StructureList(encoded: EncodedStructures(blob: blob, offsets: offsets, files: files))
      guard structures.count == index.count, ids.hashes.count == index.count else { return nil }
      let directory = Directory(
        structures: structures, reference: parts.reference, vocabulary: parts.vocabulary, index: index, ids: ids)
      var loaded = parts
      loaded.diagnostics = diagnostics
      return LookupData(loaded, directory: directory)
    } catch {
      return nil
    }
  }

  /// The file mapped read-only: pages of structures that are never printed are never read.
  private static func mapped(_ url: URL) -> Data? {
    let descriptor = open(url.path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
    let size = Int(info.st_size)
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
      return nil
    }
    return Data(bytesNoCopy: address, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
  }

  private static func readFindings(_ reader: inout BinaryReader) throws -> [Finding] {
    let count = try reader.readInt()
    return try (0..<count).map { _ in
      let fields = try reader.readStrings()
      let numbers: [Int] = try reader.readArray()
      guard fields.count >= 4, numbers.count >= 2, (numbers.count - 2) % 2 == 0,
        fields.count == 5 + (numbers.count - 2) / 2
      else { throw BinaryFormatError() }
      let related = (0..<((numbers.count - 2) / 2)).map { position in
        SourceLocation(file: fields[5 + position], line: numbers[2 + 2 * position], column: numbers[3 + 2 * position])
      }
      return Finding(
        code: fields[0], severity: fields[1] == "error" ? .error : .warning,
        location: SourceLocation(file: fields[2], line: numbers[0], column: numbers[1]), message: fields[3],
        hint: fields[4].isEmpty ? nil : fields[4], related: related)
    }
  }

  // MARK: Writing

  private static func write(
    _ data: LookupData, structures: [Structure], findings: [Finding], key: String, to url: URL
  ) {
    var writer = BinaryWriter()
    writer.write(key)
    writer.write(findings.count)
    for finding in findings {
      writer.write(
        strings: [
          finding.code, finding.severity.rawValue, finding.location.file, finding.message, finding.hint ?? "",
        ] + finding.related.map(\.file))
      writer.write(
        array: [finding.location.line, finding.location.column] + finding.related.flatMap { [$0.line, $0.column] })
    }
    let (blob, offsets, files) = StructureCoder.encode(structures)
    writer.write(strings: files)
    writer.write(array: offsets)
    writer.write(blob.count)
    writer.append(blob)
    writer.write(array: data.directory.ids.hashes)
    writer.write(array: data.directory.ids.positions)
    data.directory.index.encode(into: &writer)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      url.lastPathComponent + ".\(UUID().uuidString).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try writer.data.write(to: temporary)
      guard rename(temporary.path, url.path) == 0 else { throw BinaryFormatError() }
    } catch {
      try? FileManager.default.removeItem(at: temporary)  // a cache that cannot be written is only slower
    }
  }
}
