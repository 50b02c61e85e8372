import Foundation
import RepereBase
import RepereRules

/// The data folder as a whole: every protocol (overlays merged), scenario and — once the lookup
/// module provides them — the directory, vocabulary and reference data.
///
/// YAML files are recognised by their `format` key, in any sub-folder; CSV files are directory
/// sources, except under `reference/`.
public struct DataBundle: Sendable {
  /// The folder the bundle was loaded from.
  public var root: URL
  public var library: ProtocolLibrary
  public var scenarios: [Scenario]
  /// Every data file found, by format, relative to the root (for `check` and tools).
  public var files: [BundleFile]
  /// Resolves typed places (`place` answers); nil until the lookup module is wired in.
  public var places: (any PlaceResolving)?
  /// Resolves contact queries; nil until the lookup module is wired in.
  public var contacts: (any ContactResolving)?
  /// Vocabulary and directory ids used by `check` for cross-references; nil when not loaded.
  public var references: BundleReferences?

  public init(
    root: URL, library: ProtocolLibrary, scenarios: [Scenario] = [], files: [BundleFile] = [],
    places: (any PlaceResolving)? = nil, contacts: (any ContactResolving)? = nil, references: BundleReferences? = nil
  ) {
    self.root = root
    self.library = library
    self.scenarios = scenarios
    self.files = files
    self.places = places
    self.contacts = contacts
    self.references = references
  }

  /// Loads every file of the folder; the findings are those of reading the files (syntax,
  /// keys, types). `check(today:)` adds the cross-file ones.
  public static func load(from root: URL) -> (DataBundle, [Finding]) {
    BundleLoader.load(from: root)
  }

  /// An answer parser that resolves places with the bundle's reference data.
  public var answerParser: AnswerParser { AnswerParser(places: places) }
}

/// One data file of the bundle.
public struct BundleFile: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case protocolFile = "repere/protocol@1"
    case directory = "repere/directory@1"
    case vocabulary = "repere/vocabulary@1"
    case resources = "repere/resources@1"
    case scenario = "repere/scenario@1"
    /// A CSV directory source.
    case directoryCSV = "csv"
    /// `reference/departements.csv`, `reference/communes.csv`.
    case reference = "reference"
  }

  /// Path relative to the bundle's root, with `/`.
  public var path: String
  public var kind: Kind

  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }
}

/// The ids that protocols may reference outside themselves, from the vocabulary and the
/// directory. Filled by the lookup side.
public struct BundleReferences: Sendable {
  public var structureIDs: Set<String>
  public var types: Set<String>
  public var themes: Set<String>
  public var publics: Set<String>

  public init(
    structureIDs: Set<String> = [], types: Set<String> = [], themes: Set<String> = [], publics: Set<String> = []
  ) {
    self.structureIDs = structureIDs
    self.types = types
    self.themes = themes
    self.publics = publics
  }
}
