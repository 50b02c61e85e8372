import Foundation
import RepereBase

/// Everything the lookup module reads from a data folder, loaded in one call (for `repere find`
/// and tools; the bundle module does its own discovery and calls the per-file loaders).
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

  /// Loads `reference/*.csv`, the vocabulary, directory YAML and CSV files and resource files
  /// under `folder` (any depth). Other YAML formats are skipped without being parsed.
  public static func load(folder: URL) throws -> LookupData {
    let files = DataFolder.files(in: folder)
    var parts = try loadSmallFiles(folder: folder, files: files)
    let structures = loadStructures(files: files, diagnostics: &parts.diagnostics)
    let directory = Directory(structures: structures, reference: parts.reference, vocabulary: parts.vocabulary)
    return LookupData(parts, directory: directory)
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
    findings = parts.diagnostics.sorted
  }

  static func loadSmallFiles(folder: URL, files: [DataFolder.File]) throws -> SmallFiles {
    var parts = SmallFiles(reference: try ReferenceData.load(folder: folder.appendingPathComponent("reference")))
    for file in files {
      guard case .yaml(let format) = file.kind, format == Vocabulary.format || format == ResourceCentre.format,
        let node = YAMLFile.load(url: file.url, displayName: file.path, diagnostics: &parts.diagnostics)
      else { continue }
      if format == ResourceCentre.format {
        parts.resources += ResourceCentre.load(node, diagnostics: &parts.diagnostics)
      } else if let loaded = Vocabulary.load(node, diagnostics: &parts.diagnostics) {
        parts.vocabulary = loaded
      }
    }
    return parts
  }

  /// Directory YAML and CSV files, in path order. Files are read in parallel (a directory split
  /// in 101 département files loads on every core); structures and findings keep path order.
  static func loadStructures(files: [DataFolder.File], diagnostics: inout Diagnostics) -> [Structure] {
    let sources = files.filter { file in
      switch file.kind {
      case .csv: return true
      case .yaml(let format): return format == DirectoryFile.format
      }
    }
    let results = UnsafeResults(count: sources.count)
    DispatchQueue.concurrentPerform(iterations: sources.count) { position in
      var local = Diagnostics()
      let structures = loadStructures(of: sources[position], diagnostics: &local)
      results.store((structures, local.findings), at: position)
    }
    var structures: [Structure] = []
    for (loaded, findings) in results.values {
      structures += loaded
      diagnostics.append(contentsOf: findings)
    }
    return structures
  }

  private static func loadStructures(of file: DataFolder.File, diagnostics: inout Diagnostics) -> [Structure] {
    guard let data = try? Data(contentsOf: file.url) else {
      diagnostics.error(
        "unreadable-file", at: SourceLocation(file: file.path, line: 1, column: 1), "cannot read the file")
      return []
    }
    if case .csv = file.kind {
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

/// Finds data files under a folder and reads each YAML file's declared `format` cheaply.
public enum DataFolder {
  public enum Kind: Hashable, Sendable {
    case yaml(format: String?)
    case csv
  }

  public struct File: Hashable, Sendable {
    public var url: URL
    /// Relative to the data folder, with `/`.
    public var path: String
    public var kind: Kind
  }

  /// YAML and CSV files under `folder`, sorted by path; CSV files under `reference/` are left out.
  public static func files(in folder: URL) -> [File] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    let base = folder.standardizedFileURL.path
    var result: [File] = []
    for case let url as URL in enumerator {
      let full = url.standardizedFileURL.path
      let path = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
      switch url.pathExtension.lowercased() {
      case "yaml", "yml":
        result.append(File(url: url, path: path, kind: .yaml(format: declaredFormat(url))))
      case "csv" where !path.hasPrefix("reference/"):
        result.append(File(url: url, path: path, kind: .csv))
      default:
        continue
      }
    }
    return result.sorted { $0.path < $1.path }
  }

  /// The value of a top-level `format:` key found in the first lines, without parsing the file.
  public static func declaredFormat(_ url: URL) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4096)) ?? Data()
    let text = String(decoding: head, as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix("format:") {
      var value = line.dropFirst("format:".count)
      if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
      return String(value).trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
    return nil
  }
}
