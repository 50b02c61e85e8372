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

  /// Directory YAML and CSV files, in path order.
  static func loadStructures(files: [DataFolder.File], diagnostics: inout Diagnostics) -> [Structure] {
    var structures: [Structure] = []
    for file in files {
      switch file.kind {
      case .directoryCSV:
        guard let data = try? Data(contentsOf: file.url) else {
          diagnostics.error(
            "unreadable-file", at: SourceLocation(file: file.path, line: 1, column: 1), "cannot read the file")
          continue
        }
        structures += DirectoryFile.loadCSV(data, path: file.path, diagnostics: &diagnostics).structures
      case .directory:
        guard let node = YAMLFile.load(url: file.url, displayName: file.path, diagnostics: &diagnostics)
        else { continue }
        structures += DirectoryFile.load(node, diagnostics: &diagnostics).structures
      default:
        continue
      }
    }
    return structures
  }
}
