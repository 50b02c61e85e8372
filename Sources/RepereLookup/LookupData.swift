import Foundation
import RepereBase

/// Everything the lookup module reads from a data folder, loaded in one call (for `repere find`
/// and tools; the bundle module discovers the folder once and calls the per-file loaders).
public struct LookupData: Sendable {
  public var reference: ReferenceData
  public var vocabulary: Vocabulary
  public var directory: Directory
  public var places: PlaceIndex
  public var resources: ResourceCentre
  /// Problems met while loading (syntax, unknown keys, …), not the content checks of `Directory.check`.
  public var findings: [Finding]
  /// Set when the binary cache could not be used or written (`LookupCache`): the load worked,
  /// slower, and this says why, in French, to be shown once.
  public var cacheNote: String?
  /// The directory files parsed from source by this load, in path order; the others came from
  /// the cache (all of them when it was valid, the unchanged ones when only some files changed).
  public var parsedFiles: [String] = []
  /// Whether the search index was spliced from an older cache's (only some files changed)
  /// rather than built over every structure (for tests and the benchmark).
  var indexWasSpliced = false

  /// Loads `reference/*.csv`, the vocabulary, directory YAML and CSV files and resource files
  /// under `folder` (any depth). Other YAML formats are skipped without being parsed.
  public static func load(folder: URL) throws -> LookupData {
    try load(DataFolder.scan(folder))
  }

  /// The same, from a folder already discovered.
  public static func load(_ dataFolder: DataFolder) throws -> LookupData {
    let folder = dataFolder.root
    let files = dataFolder.files
    var parts = try loadSmallFiles(folder: folder, files: files)
    let structures = loadStructures(files: files, diagnostics: &parts.diagnostics)
    let directory = Directory(structures: structures, reference: parts.reference, vocabulary: parts.vocabulary)
    var data = LookupData(parts, directory: directory)
    data.parsedFiles = directoryFiles(files).map(\.path)
    return data
  }

  /// What every load reads from source: reference (communes deferred), vocabulary, resources.
  struct SmallFiles {
    var reference: ReferenceData
    var vocabulary = Vocabulary()
    var resources: [Resource] = []
    var diagnostics = Diagnostics()
  }

  init(_ parts: SmallFiles, directory: Directory) {
    reference = parts.reference
    vocabulary = parts.vocabulary
    self.directory = directory
    places = PlaceIndex(reference: parts.reference)
    resources = ResourceCentre(resources: parts.resources)
    var diagnostics = parts.diagnostics
    for finding in directory.duplicateIDFindings() { diagnostics.append(finding) }
    findings = diagnostics.sorted
  }

  static func loadSmallFiles(folder: URL, files: [DataFolder.File]) throws -> SmallFiles {
    var parts = SmallFiles(reference: try ReferenceData.load(folder: folder.appendingPathComponent("reference")))
    for file in files {
      guard file.kind == .vocabulary || file.kind == .resources,
        let node = YAMLFile.load(url: file.url, displayName: file.path, diagnostics: &parts.diagnostics)
      else { continue }
      if file.kind == .resources {
        parts.resources += ResourceCentre.load(node, diagnostics: &parts.diagnostics)
      } else if let loaded = Vocabulary.load(node, diagnostics: &parts.diagnostics) {
        parts.vocabulary = loaded
      }
    }
    return parts
  }

  /// Directory YAML and CSV files, in path order. Files are read in parallel (a directory split
  /// in 101 département files loads on every core); structures and findings keep path order.
  /// A file in `reused` (by path) is not read: its structures and findings are taken from there.
  static func loadStructures(
    files: [DataFolder.File], reused: [String: ([Structure], [Finding])] = [:], diagnostics: inout Diagnostics
  ) -> [Structure] {
    var structures: [Structure] = []
    for (loaded, findings) in loadEachFile(directoryFiles(files), reused: reused) {
      // A lone file's array is taken as it is: appending copies (and retains) every field.
      if structures.isEmpty { structures = loaded } else { structures += loaded }
      diagnostics.append(contentsOf: findings)
    }
    return structures
  }

  /// The structures and findings of each of `sources` (directory files), read in parallel, in
  /// the order given; a file in `reused` (by path) is taken from there instead of being read.
  static func loadEachFile(
    _ sources: [DataFolder.File], reused: [String: ([Structure], [Finding])] = [:]
  ) -> [([Structure], [Finding])] {
    let results = UnsafeResults(count: sources.count)
    DispatchQueue.concurrentPerform(iterations: sources.count) { position in
      if let known = reused[sources[position].path] {
        results.store(known, at: position)
        return
      }
      var local = Diagnostics()
      let structures = loadStructures(of: sources[position], diagnostics: &local)
      results.store((structures, local.findings), at: position)
    }
    return results.values
  }

  /// The directory's source files (YAML and CSV), in path order.
  static func directoryFiles(_ files: [DataFolder.File]) -> [DataFolder.File] {
    files.filter { $0.kind == .directory || $0.kind == .directoryCSV }
  }

  private static func loadStructures(of file: DataFolder.File, diagnostics: inout Diagnostics) -> [Structure] {
    // Regular files only, never blocking on a FIFO, and within the size limit (issue 18).
    guard let data = DataFileReader.read(file.url, displayName: file.path, diagnostics: &diagnostics) else {
      return []
    }
    if file.kind == .directoryCSV {
      return DirectoryFile.loadCSV(data, path: file.path, diagnostics: &diagnostics).structures
    }
    return DirectoryFile.load(data: data, path: file.path, diagnostics: &diagnostics)?.structures ?? []
  }
}

/// One slot per file, each written by exactly one iteration of `concurrentPerform` and read after
/// it returns (which orders the writes before the reads).
private final class UnsafeResults: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<([Structure], [Finding])>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: ([], []))
  }

  deinit {
    _ = slots.deinitialize()
    slots.deallocate()
  }

  func store(_ value: ([Structure], [Finding]), at position: Int) { slots[position] = value }

  var values: [([Structure], [Finding])] { Array(slots) }
}
