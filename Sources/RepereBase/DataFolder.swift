import Foundation

/// What a data file is: the one spelling of the `repere/…@1` formats a YAML file declares, and
/// the two kinds of CSV (directory sources, and the reference data under `reference/`).
public enum DataFileKind: String, Sendable, Hashable, CaseIterable {
  case protocolFile = "repere/protocol@1"
  case directory = "repere/directory@1"
  case vocabulary = "repere/vocabulary@1"
  case resources = "repere/resources@1"
  case scenario = "repere/scenario@1"
  /// An open-data source's vocabulary → Repère's (`correspondances/*.yaml`, used by `repere import`).
  case correspondence = "repere/correspondence@1"
  /// A CSV directory source.
  case directoryCSV = "csv"
  /// `reference/departements.csv`, `reference/communes.csv`.
  case reference = "reference"

  /// The formats a YAML file may declare, in the order the spec lists them.
  public static let yamlFormats: [DataFileKind] = [
    .protocolFile, .directory, .vocabulary, .resources, .scenario, .correspondence,
  ]

  /// The text of a `format:` key.
  public var format: String { rawValue }
}

/// One discovery of a data folder, shared by every command, the start-up path and the bundle's
/// content hash: hidden files and folders skipped, paths relative to the root (symlinks
/// resolved), YAML files typed by the `format:` line of their first 4 KiB (read once, here), CSV
/// files typed by their place.
public struct DataFolder: Sendable {
  public struct File: Hashable, Sendable {
    public var url: URL
    /// Relative to the data folder, with `/`.
    public var path: String
    /// The declared kind; nil for a YAML file whose `format` is missing or unknown (its loader
    /// reports it with a position).
    public var kind: DataFileKind?
    public var isYAML: Bool
    /// The top-level `source:` value of a YAML file's first 4 KiB (read with its format), which
    /// says whether a directory or resource file holds fictional records.
    public var declaredSource: String?

    public init(url: URL, path: String, kind: DataFileKind?, isYAML: Bool, declaredSource: String? = nil) {
      self.url = url
      self.path = path
      self.kind = kind
      self.isYAML = isYAML
      self.declaredSource = declaredSource
    }
  }

  /// A regular file inside the folder, data or not (the content hash covers them all).
  public struct Entry: Hashable, Sendable {
    public var path: String
    public var url: URL
  }

  public var root: URL
  /// False when `root` is not a folder.
  public var exists: Bool
  /// `.yaml`, `.yml` and `.csv` files, sorted by path.
  public var files: [File]
  /// Every regular file whose real path is inside the folder, sorted by the bytes of its path.
  public var contents: [Entry]

  public init(root: URL, exists: Bool = true, files: [File], contents: [Entry] = []) {
    self.root = root
    self.exists = exists
    self.files = files
    self.contents = contents
  }

  /// The files of `kind`, in path order.
  public func files(of kind: DataFileKind) -> [File] {
    files.filter { $0.kind == kind }
  }

  /// The kind of the file at `path` (relative), if it is a data file of the folder.
  public func kind(ofPath path: String) -> DataFileKind? {
    files.first { $0.path == path }?.kind
  }

  /// Walks `root` once.
  public static func scan(_ root: URL) -> DataFolder {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue,
      let enumerator = manager.enumerator(
        at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return DataFolder(root: root, exists: false, files: []) }
    let base = root.standardizedFileURL.resolvingSymlinksInPath().path
    let linkBase = root.standardizedFileURL.path
    var files: [File] = []
    var contents: [Entry] = []
    for case let url as URL in enumerator {
      let full = url.standardizedFileURL.resolvingSymlinksInPath().path
      let inside = full.hasPrefix(base + "/")
      // A file is named where it stands in the folder: a symbolic link by its own path, never by
      // its target's, so findings point at the name the user sees (issue 18, point 10).
      let own = url.standardizedFileURL.path
      let relative =
        own.hasPrefix(linkBase + "/")
        ? String(own.dropFirst(linkBase.count + 1))
        : inside ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
      if inside, isRegularFile(own) {
        contents.append(Entry(path: relative, url: url))
      }
      switch url.pathExtension.lowercased() {
      case "yaml", "yml":
        let head = declaredHead(url)
        let kind = head.format.flatMap { format in
          DataFileKind.yamlFormats.first { $0.format == format }
        }
        files.append(File(url: url, path: relative, kind: kind, isYAML: true, declaredSource: head.source))
      case "csv":
        let kind: DataFileKind = relative.hasPrefix("reference/") ? .reference : .directoryCSV
        files.append(File(url: url, path: relative, kind: kind, isYAML: false))
      default:
        continue
      }
    }
    files.sort { $0.path < $1.path }
    contents.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    return DataFolder(root: root, files: files, contents: contents)
  }

  /// Whether `path` is a regular file itself (a link is not), as `URLResourceValues.isRegularFile`
  /// says, through one `lstat` (Foundation's resource values were half of a 104-file scan).
  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// The value of a top-level `format:` key found in the first 4 KiB, without parsing the file.
  public static func declaredFormat(_ url: URL) -> String? {
    declaredHead(url).format
  }

  /// The top-level `format:` and `source:` values found in the first 4 KiB, read once.
  static func declaredHead(_ url: URL) -> (format: String?, source: String?) {
    // Non-blocking and regular files only: a FIFO named `*.yaml` must not hang discovery
    // (issue 18, point 5).
    guard case .success(let head) = DataFileReader.read(url, head: 4096) else { return (nil, nil) }
    return (headValue("format", in: head), headValue("source", in: head))
  }

  /// A top-level scalar of the head, its comment and quotes removed.
  static func headValue(_ key: String, in head: Data) -> String? {
    guard var value = lineValue(key, in: head) else { return nil }
    if let hash = value.firstIndex(of: "#") { value = String(value[..<hash]) }
    // ASCII (every format line): trimmed on bytes; Foundation's trimming cost more than reading the head.
    if value.utf8.allSatisfy({ $0 < 0x80 }) {
      let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
      let quotes: Set<UInt8> = [0x22, 0x27]
      var bytes = value.utf8[...]
      while let first = bytes.first, spaces.contains(first) { bytes = bytes.dropFirst() }
      while let last = bytes.last, spaces.contains(last) { bytes = bytes.dropLast() }
      while let first = bytes.first, quotes.contains(first) { bytes = bytes.dropFirst() }
      while let last = bytes.last, quotes.contains(last) { bytes = bytes.dropLast() }
      return String(decoding: bytes, as: UTF8.self)
    }
    return value.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(
      in: CharacterSet(charactersIn: "\"'"))
  }

  /// What follows `key:` on the first line of `head` that starts with it, untrimmed. Lines are
  /// found on bytes: splitting 4 KiB into `Character` lines for each of 104 files was a quarter
  /// of a warm `repere find` at 100,000 structures.
  public static func lineValue(_ key: String, in head: Data) -> String? {
    let prefix = Array(key.utf8) + [UInt8(ascii: ":")]
    return head.withUnsafeBytes { raw -> String? in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if end - start >= prefix.count, zip(prefix, bytes[start..<(start + prefix.count)]).allSatisfy({ $0 == $1 }) {
          return String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + prefix.count)..<end]), as: UTF8.self)
        }
        start = end + 1
      }
      return nil
    }
  }
}
