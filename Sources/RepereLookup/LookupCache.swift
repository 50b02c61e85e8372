import Foundation
import RepereBase

/// A binary cache of the loaded directory (structures, search index, load findings) so that
/// `repere find` on a large directory starts in milliseconds.
///
/// The cache lives in the folder the executable passes in (`LookupCache.directory(environment:)`:
/// `$XDG_CACHE_HOME/repere`, else `~/.cache/repere`; none with `REPERE_NO_CACHE=1`), one file per
/// program and data folder. It is keyed by the program itself and, for every source file the
/// directory depends on (directory YAML and CSV, vocabulary, reference CSVs), its path, size,
/// modification time, inode and a hash of its first 4 KiB: change any of them and the cache
/// rebuilds itself. The rebuild parses only the directory files whose fingerprint changed: the
/// structures and findings of the others come from the older cache (same format, folder and
/// program), and their part of the search index too (`splice`: the changed files' index is
/// merged in), unless the vocabulary or reference changed, which rebuilds the whole index. The interactive app and
/// `repere find` pass the same folder and program (`Location`), so they share the file. The packed
/// structures are in one segment file per directory file (in `segmentFolder(of:)`, named after
/// their content): an edit writes the changed file's segment and the head, and keeps the others
/// as they are. The head (everything but the structures) is checked whole (one checksum) before
/// any of it is trusted; the segments, 4 KiB block by block when first read (`BlobIntegrity`): a
/// damaged record is read again from its source file and the cache is rebuilt at the next start. Small files (vocabulary, resources) are always read from source. A cache that
/// is damaged, cannot be written (read-only folder, full disk) or cannot be read only makes the
/// load slower: `LookupData.cacheNote` then says why, once.
public enum LookupCache {
  static let magic = "REPERE-LOOKUP-CACHE"
  // 3: vocabulary synonyms are indexed; 4: each directory file's run of structures and the index
  // inputs are stored, so that an edit splices the index instead of rebuilding it; a faster checksum.
  // 5: the structure blob is last, checked 4 KiB block by block when read (`BlobIntegrity`).
  // 6: the structures are in one segment file per directory file, named in the head.
  static let version = 6
  /// What replaces a cache in which a damaged record was found after the start: the next start
  /// rebuilds it and says why.
  static let damagedMarker = Data("REPERE-LOOKUP-CACHE-DAMAGED\n".utf8)

  /// Where a program keeps its cache: `repere find` and the interactive app pass the same
  /// folder and program, so they share one file. A nil folder means no cache (read the sources).
  public struct Location: Sendable {
    public var folder: URL?
    public var program: URL?

    public init(folder: URL?, program: URL?) {
      self.folder = folder
      self.program = program
    }
  }

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
    try load(DataFolder.scan(folder), cacheDirectory: cacheDirectory, program: program)
  }

  /// The same, from a folder already discovered (the app's start, which scanned it once).
  public static func load(_ dataFolder: DataFolder, cacheDirectory: URL?, program: URL? = nil) throws -> LookupData {
    guard let cacheDirectory else { return try LookupData.load(dataFolder) }
    let folder = dataFolder.root
    let files = dataFolder.files
    var parts = try LookupData.loadSmallFiles(folder: folder, files: files)
    let key = cacheKey(folder: folder, files: files, program: program)
    var reused: [String: ([Structure], [Finding])] = [:]
    // One file per program and data folder: two programs (repere, repere-bench) never evict each other.
    let name = program?.lastPathComponent ?? "repere"
    let cacheFile = cacheDirectory.appendingPathComponent(
      "lookup-\(name)-" + String(FNV.hash(Array(folder.standardizedFileURL.path.utf8)[...]), radix: 16) + ".bin")
    var note: String?
    switch read(cacheFile, key: key, parts: parts, files: files) {
    case .loaded(let cached): return cached
    case .absent, .stale(nil): break
    case .stale(let previous?):
      // Only some directory files changed: parse those, splice the index (unless a record the
      // splice read from the older cache was damaged: then nothing of it is reused).
      if let spliced = splice(
        previous, key: key, files: files, parts: parts,
        damaged: { _ = CacheFile.replace(cacheFile, with: damagedMarker) }), !previous.damage.seen
      {
        parts.diagnostics.append(contentsOf: spliced.contents.findings)
        var data = LookupData(parts, directory: spliced.directory)
        data.parsedFiles = spliced.parsedFiles
        data.indexWasSpliced = true
        data.cacheNote = unwrittenNote(
          write(spliced.contents, key: key, to: cacheFile), cacheDirectory: cacheDirectory)
        return data
      }
      // Its records are decoded to be indexed again: all of them are checked first.
      if previous.contents.encoded.intactEverywhere(), !previous.damage.seen {
        reused = previous.unchangedFiles(for: key)
      }
    case .damaged(let why): note = "cache de l'annuaire \(why) (\(cacheFile.path)) : reconstruit depuis les sources"
    }
    let before = parts.diagnostics.findings.count
    let structures = LookupData.loadStructures(files: files, reused: reused, diagnostics: &parts.diagnostics)
    let structureFindings = Array(parts.diagnostics.findings[before...])
    let directory = Directory(structures: structures, reference: parts.reference, vocabulary: parts.vocabulary)
    var data = LookupData(parts, directory: directory)
    data.parsedFiles = LookupData.directoryFiles(files).map(\.path).filter { reused[$0] == nil }
    let runs = FileRun.runs(of: structures)
    let (segments, table) = EncodedStructures.packing(structures, runs: runs)
    let contents = Contents(
      findings: structureFindings, encoded: EncodedStructures(segments: segments, files: table), runs: runs,
      ids: directory.ids, index: directory.index)
    let unwritten = unwrittenNote(write(contents, key: key, to: cacheFile), cacheDirectory: cacheDirectory)
    data.cacheNote = [note, unwritten].compactMap { $0 }.joined(separator: " ; ").nilIfEmpty
    return data
  }

  private static func unwrittenNote(_ failure: String?, cacheDirectory: URL) -> String? {
    failure.map { failure in
      "cache de l'annuaire non enregistré dans \(cacheDirectory.path) (\(failure)) : "
        + "chaque démarrage relira l'annuaire, plus lentement"
    }
  }

  /// What the cache depends on: the whole text is compared (so a hash collision cannot fool it);
  /// its parts say which directory files a cache written for other sources can still give.
  struct Key {
    var text: String
    /// The lines an older cache must share for any of its structures to be reused: the format,
    /// the folder and the program (another binary may read files differently).
    var invariant: [String]
    /// Each directory file's fingerprint line, by path.
    var directoryFiles: [String: String]
    /// Every line but the directory files': what the search index depends on besides the
    /// structures (vocabulary labels, reference communes). An index is spliced only when these
    /// are the same.
    var indexInputs: String
  }

  static func cacheKey(folder: URL, files: [DataFolder.File], program: URL?) -> Key {
    var invariant = ["\(magic) \(version)", folder.standardizedFileURL.path]
    if let program { invariant.append("program " + fingerprint(program)) }
    var lines = invariant
    var directoryFiles: [String: String] = [:]
    for file in files where file.kind == .directory || file.kind == .directoryCSV || file.kind == .vocabulary {
      let line = fingerprint(file.url)
      lines.append(line)
      if file.kind != .vocabulary { directoryFiles[file.path] = line }
    }
    let reference = folder.appendingPathComponent("reference")
    for name in ["departements.csv", "communes.csv"] {
      lines.append(fingerprint(reference.appendingPathComponent(name)))
    }
    let directoryLines = Set(directoryFiles.values)
    return Key(
      text: lines.joined(separator: "\n"), invariant: invariant, directoryFiles: directoryFiles,
      indexInputs: lines.filter { !directoryLines.contains($0) }.joined(separator: "\n"))
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

  enum ReadOutcome {
    case loaded(LookupData)
    case absent
    /// Written for other sources or another program: rebuilt without a word, reusing what the
    /// older cache read from the files that did not change (when it is intact and compatible).
    case stale(Previous?)
    /// Not what was written (checksum, truncation, inconsistent columns): rebuilt, and said.
    case damaged(String)
  }

  /// An intact cache written for other sources: its key and everything it holds.
  struct Previous {
    var keyLines: Set<Substring>
    var indexInputs: String
    var contents: Contents
    /// Set when one of its records was found damaged (no source to read it from again).
    var damage: DamageSeen

    /// The structures and findings of every directory file whose fingerprint is unchanged, by
    /// path, so that editing one file of 101 parses only that one (when the index cannot be
    /// spliced: the vocabulary or reference changed too).
    func unchangedFiles(for key: Key) -> [String: ([Structure], [Finding])] {
      guard key.invariant.allSatisfy({ keyLines.contains(Substring($0)) }) else { return [:] }
      let unchanged = Set(key.directoryFiles.filter { keyLines.contains(Substring($0.value)) }.keys)
      guard !unchanged.isEmpty else { return [:] }
      var result: [String: ([Structure], [Finding])] = [:]
      for path in unchanged { result[path] = ([], []) }
      let structures = contents.encoded
      for position in 0..<structures.count {
        let structure = structures.structure(at: position, keeping: false)
        result[structure.location.file]?.0.append(structure)
      }
      for finding in contents.findings { result[finding.location.file]?.1.append(finding) }
      return result
    }
  }

  /// What a cache file holds after its key: the directory's load findings, its structures
  /// (packed), which file each run of them came from, the id lookup and the search index.
  struct Contents {
    var findings: [Finding]
    var encoded: EncodedStructures
    var runs: [FileRun]
    var ids: IDIndex
    var index: SearchIndex
  }

  /// Layout: the key, then everything but the packed structures (checked as a whole before any
  /// of it is trusted), then its length and checksum (16 bytes). The structures are in segment
  /// files (`segmentFolder(of:)`), checked 4 KiB block by block when a record is read.
  static func read(_ url: URL, key: Key, parts: LookupData.SmallFiles, files: [DataFolder.File]) -> ReadOutcome {
    let file: FileMapping
    switch FileMapping.map(url.path, populate: true) {
    case .success(nil): return .absent
    case .success(let mapped?): file = mapped
    case .failure(let error): return .damaged("illisible (\(error.reason))")
    }
    let mapping = file.data
    if mapping.starts(with: damagedMarker) {
      return .damaged("endommagé (une fiche illisible trouvée au démarrage précédent)")
    }
    guard mapping.count > 16 else { return .damaged("tronqué") }
    var header = BinaryReader(mapping)
    guard let written = try? header.readString() else { return .damaged("tronqué") }
    var footer = BinaryReader(mapping, offset: mapping.count - 16)
    guard let headEnd = try? footer.readInt(), headEnd <= mapping.count - 16, let expected = try? footer.readUInt64(),
      expected == mapping.prefix(headEnd).withUnsafeBytes({ CacheChecksum.hash($0) })
    else {
      // Another version's cache may sum differently: only a cache for these sources is "damaged".
      return written == key.text ? .damaged("endommagé (somme de contrôle)") : .stale(nil)
    }
    guard headEnd == mapping.count - 16 else { return .damaged("endommagé (longueur)") }
    var reader = BinaryReader(mapping.prefix(headEnd), offset: header.offset, mapping: file)
    let segments = segmentFolder(of: url)
    guard written == key.text else {
      // Its segments are kept as they are (with their block checksums) by a splice; a damaged
      // record the splice reads, or a reuse that decodes them all, is noticed (`damage`).
      let damage = DamageSeen()
      guard written.hasPrefix(key.invariant[0] + "\n"), let inputs = try? reader.readString(),
        let contents = try? readContents(&reader, segments: segments, sources: nil, damaged: { damage.see() })
      else { return .stale(nil) }
      let lines = Set(written.split(separator: "\n", omittingEmptySubsequences: false))
      return .stale(Previous(keyLines: lines, indexInputs: inputs, contents: contents, damage: damage))
    }
    do {
      _ = try reader.readString()
      let contents = try readContents(
        &reader, segments: segments, sources: files, damaged: { _ = CacheFile.replace(url, with: damagedMarker) })
      var diagnostics = parts.diagnostics
      for finding in contents.findings { diagnostics.append(finding) }
      let directory = Directory(
        structures: StructureList(encoded: contents.encoded), reference: parts.reference,
        vocabulary: parts.vocabulary, index: contents.index, ids: contents.ids)
      var loaded = parts
      loaded.diagnostics = diagnostics
      return .loaded(LookupData(loaded, directory: directory))
    } catch let missing as MissingSegment {
      return .damaged("incomplet (\(missing.reason))")
    } catch {
      return .damaged("incohérent")
    }
  }

  /// The head after the key and index inputs; the segments it names are mapped from `segments`.
  /// A record found damaged when read is read again from `sources` (when given), and `damaged`
  /// is called.
  private static func readContents(
    _ reader: inout BinaryReader, segments folder: URL, sources: [DataFolder.File]?,
    damaged: @escaping @Sendable () -> Void
  ) throws -> Contents {
    let findings = try readFindings(&reader)
    let files = try reader.readStrings()
    let segmentNames = try reader.readStrings()
    var segmentParts: [(offsets: [UInt64], sums: [UInt64])] = []
    for _ in segmentNames { segmentParts.append((try reader.readArray(), try reader.readArray())) }
    let runPaths = try reader.readStrings()
    let runCounts: [Int] = try reader.readArray()
    let ids = IDIndex(hashes: try reader.readArray(), positions: try reader.readArray())
    let index = try SearchIndex(reader: &reader)
    guard runPaths.count == runCounts.count, segmentNames.count == runPaths.count else { throw BinaryFormatError() }
    let runs = zip(runPaths, runCounts).map { FileRun(path: $0, count: $1) }
    let recovery = sources.map { SourceRecovery(runs: runs, files: $0) }
    var segments: [StructureSegment] = []
    var start = 0
    for (name, (offsets, sums)) in zip(segmentNames, segmentParts) {
      // Mapped now, not when first read: a newer cache may remove the file meanwhile.
      let blob = try mapSegment(folder.appendingPathComponent(name), size: offsets.last ?? 0)
      let first = start
      let integrity = BlobIntegrity(sums: sums, recover: { recovery?.structure(at: first + $0) }, damaged: damaged)
      guard let segment = StructureSegment(blob: blob, offsets: offsets, integrity: integrity, name: name) else {
        throw BinaryFormatError()
      }
      segments.append(segment)
      start += segment.count
    }
    let encoded = EncodedStructures(segments: segments, files: files)
    let count = index.count
    guard encoded.count == count, zip(segments, runCounts).allSatisfy({ $0.count == $1 }), ids.hashes.count == count,
      ids.positions.count == count,
      ids.positions.allSatisfy({ $0 >= 0 && Int($0) < count }), runPaths.count == runCounts.count,
      runCounts.allSatisfy({ $0 > 0 }), runCounts.reduce(0, +) == count
    else { throw BinaryFormatError() }
    return Contents(findings: findings, encoded: encoded, runs: runs, ids: ids, index: index)
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

  /// Writes the cache: the segments not yet written (each through a temporary file renamed into
  /// place), then the head the same way, so that a reader never sees half of one; then removes
  /// the segments it no longer names. Returns why it could not be written, or nil.
  static func write(_ contents: Contents, key: Key, to url: URL) -> String? {
    let folder = segmentFolder(of: url)
    var names: [String] = []
    var sums: [[UInt64]] = []
    for segment in contents.encoded.segments {
      if let name = segment.name, let integrity = segment.integrity {
        // Kept from the older cache: its file and checksums as they are (a damaged block stays found).
        names.append(name)
        sums.append(integrity.sums)
        continue
      }
      let blockSums = segment.blob.withUnsafeBytes { BlobIntegrity.sums(of: $0) }
      let name = blockSums.withUnsafeBytes { String(CacheChecksum.hash($0), radix: 16) } + "-\(segment.blob.count)"
      if let failure = CacheFile.replace(folder.appendingPathComponent(name), with: segment.blob) { return failure }
      names.append(name)
      sums.append(blockSums)
    }
    var writer = BinaryWriter()
    writer.reserve(contents.index.count * 320 + 1 << 20)
    writer.write(key.text)
    writer.write(key.indexInputs)
    writer.write(contents.findings.count)
    for finding in contents.findings {
      writer.write(
        strings: [
          finding.code, finding.severity.rawValue, finding.location.file, finding.message, finding.hint ?? "",
        ] + finding.related.map(\.file))
      writer.write(
        array: [finding.location.line, finding.location.column] + finding.related.flatMap { [$0.line, $0.column] })
    }
    writer.write(strings: contents.encoded.files)
    writer.write(strings: names)
    for (segment, blockSums) in zip(contents.encoded.segments, sums) {
      writer.write(array: segment.offsets)
      writer.write(array: blockSums)
    }
    writer.write(strings: contents.runs.map(\.path))
    writer.write(array: contents.runs.map(\.count))
    writer.write(array: contents.ids.hashes)
    writer.write(array: contents.ids.positions)
    contents.index.encode(into: &writer)
    let headEnd = writer.data.count
    var footer = BinaryWriter()
    footer.write(headEnd)
    footer.write(writer.data.withUnsafeBytes { CacheChecksum.hash($0) })
    if let failure = CacheFile.replace(url, withChunks: [writer.data, footer.data]) { return failure }
    removeSegments(in: folder, except: Set(names))
    return nil
  }

  /// The folder of a cache file's segments, beside it.
  static func segmentFolder(of cacheFile: URL) -> URL {
    cacheFile.deletingPathExtension().appendingPathExtension("segments")
  }

  /// A segment named by a cache head, mapped: its size must be the one the head wrote.
  private static func mapSegment(_ url: URL, size: UInt64) throws -> Data {
    switch FileMapping.map(url.path) {
    case .success(let mapping?) where mapping.size == Int(size): return mapping.data
    case .success(nil): throw MissingSegment(reason: "morceau manquant : \(url.lastPathComponent)")
    case .success: throw MissingSegment(reason: "morceau tronqué : \(url.lastPathComponent)")
    case .failure(let error): throw MissingSegment(reason: "morceau illisible : \(error.reason)")
    }
  }

  /// Segments of older caches: a process that read one has it mapped, so removing it is safe.
  private static func removeSegments(in folder: URL, except kept: Set<String>) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
    for name in names where !kept.contains(name) && !name.hasSuffix(".tmp") {
      unlink(folder.appendingPathComponent(name).path)
    }
  }
}

/// A segment a cache head names is missing, shorter or longer than written, or unreadable.
struct MissingSegment: Error {
  var reason: String
}

/// Whether a damaged record was met in an older cache being reused.
final class DamageSeen: @unchecked Sendable {
  private let lock = NSLock()
  private var flag = false

  var seen: Bool {
    lock.lock()
    defer { lock.unlock() }
    return flag
  }

  func see() {
    lock.lock()
    flag = true
    lock.unlock()
  }
}

/// The structures one directory file gave, in the order of the directory (files in path order).
struct FileRun: Equatable {
  var path: String
  var count: Int

  /// The runs of `structures` by source file (each file's structures are consecutive).
  static func runs(of structures: [Structure]) -> [FileRun] {
    var runs: [FileRun] = []
    for structure in structures {
      if runs.last?.path == structure.location.file {
        runs[runs.count - 1].count += 1
      } else {
        runs.append(FileRun(path: structure.location.file, count: 1))
      }
    }
    return runs
  }
}

extension String {
  fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Why a cache file that exists could not be read.
struct CacheFileError: Error {
  var reason: String
}
