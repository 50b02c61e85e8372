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
    var diagnostics = parts.diagnostics
    for finding in directory.duplicateIDFindings() { diagnostics.append(finding) }
    findings = diagnostics.sorted
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

  /// Directory YAML and CSV files, in path order.
  static func loadStructures(files: [DataFolder.File], diagnostics: inout Diagnostics) -> [Structure] {
    var structures: [Structure] = []
    for file in files {
      switch file.kind {
      case .csv:
        guard let data = DataFileReader.read(file.url, displayName: file.path, diagnostics: &diagnostics) else {
          continue
        }
        structures += DirectoryFile.loadCSV(data, path: file.path, diagnostics: &diagnostics).structures
      case .yaml(let format):
        guard format == DirectoryFile.format,
          let node = YAMLFile.load(url: file.url, displayName: file.path, diagnostics: &diagnostics)
        else { continue }
        structures += DirectoryFile.load(node, diagnostics: &diagnostics).structures
      }
    }
    return structures
  }
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
    // Non-blocking and regular files only: a FIFO named `*.yaml` must not hang discovery.
    guard case .success(let head) = DataFileReader.read(url, head: 4096) else { return nil }
    let text = String(decoding: head, as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix("format:") {
      var value = line.dropFirst("format:".count)
      if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
      return String(value).trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
    return nil
  }
}
