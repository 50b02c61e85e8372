import Foundation
import RepereBase
import RepereLookup
import RepereRules

/// The data folder as a whole: every protocol (overlays merged), scenario, the directory, the
/// vocabulary, the reference data (départements, communes) and the resource centre.
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
  /// Resolves typed places (`place` answers); nil when the bundle has no `reference/` data.
  public var places: (any PlaceResolving)?
  /// Resolves contact queries against the directory; nil when the bundle has no directory.
  public var contacts: (any ContactResolving)?
  /// Vocabulary and directory ids used by `check` for cross-references; nil when the bundle has
  /// neither a vocabulary nor a directory.
  public var references: BundleReferences?
  /// The structure directory (YAML and CSV sources), when the bundle has one.
  public var directory: Directory?
  public var vocabulary: Vocabulary?
  public var reference: ReferenceData?
  /// The place index over the reference data.
  public var placeIndex: PlaceIndex?
  public var resources: ResourceCentre
  /// The correspondence tables `repere import` translates open-data vocabularies with.
  public var correspondences: [CorrespondenceTable] = []
  /// Why the shared lookup cache could not be used or written (French, to be said once); nil
  /// when it was, or when no cache was asked for.
  public var cacheNote: String?

  public init(
    root: URL, library: ProtocolLibrary, scenarios: [Scenario] = [], files: [BundleFile] = [],
    places: (any PlaceResolving)? = nil, contacts: (any ContactResolving)? = nil, references: BundleReferences? = nil,
    directory: Directory? = nil, vocabulary: Vocabulary? = nil, reference: ReferenceData? = nil,
    placeIndex: PlaceIndex? = nil, resources: ResourceCentre = ResourceCentre(resources: [])
  ) {
    self.root = root
    self.library = library
    self.scenarios = scenarios
    self.files = files
    self.places = places
    self.contacts = contacts
    self.references = references
    self.directory = directory
    self.vocabulary = vocabulary
    self.reference = reference
    self.placeIndex = placeIndex
    self.resources = resources
  }

  /// Loads every file of the folder; the findings are those of reading the files (syntax,
  /// keys, types). `check(today:)` adds the cross-file ones.
  public static func load(from root: URL) -> (DataBundle, [Finding]) {
    BundleLoader.load(DataFolder.scan(root))
  }

  /// Loads a folder already discovered. With `protocols` (parsed at start-up, findings already
  /// handled), the protocol files are not parsed again. With `lookupCache`, the directory comes
  /// from the lookup cache `repere find` shares (read when valid, else built and written), and
  /// `cacheNote` says why once when that cache could not be used.
  /// Files of an `unused` kind are listed but not parsed.
  public static func load(
    _ folder: DataFolder, protocols: ProtocolLibrary? = nil, lookupCache: LookupCache.Location? = nil,
    unused: Set<DataFileKind> = []
  ) -> (DataBundle, [Finding]) {
    BundleLoader.load(folder, protocols: protocols, lookupCache: lookupCache, unused: unused)
  }

  /// An answer parser that resolves places with the bundle's reference data.
  public var answerParser: AnswerParser { AnswerParser(places: places) }
}

/// One data file of the bundle.
public struct BundleFile: Sendable, Hashable {
  public typealias Kind = DataFileKind

  /// Path relative to the bundle's root, with `/`.
  public var path: String
  public var kind: Kind

  public init(path: String, kind: Kind) {
    self.path = path
    self.kind = kind
  }
}

/// The ids that protocols may reference outside themselves, from the vocabulary and the
/// directory. A nil set is not checked (the bundle lacks that file).
public struct BundleReferences: Sendable {
  /// Computed on first use: only `check` reads it, and a directory from the cache would decode
  /// 100,000 ids at every start of the app for nothing.
  private var structureIDsBox: Lazy<Set<String>?>
  public var types: Set<String>?
  public var themes: Set<String>?
  public var publics: Set<String>?

  public var structureIDs: Set<String>? {
    get { structureIDsBox.value }
    set { structureIDsBox = Lazy(value: newValue) }
  }

  public init(
    structureIDs: Set<String>? = nil, types: Set<String>? = nil, themes: Set<String>? = nil,
    publics: Set<String>? = nil
  ) {
    self.init(structureIDs: { structureIDs }, types: types, themes: themes, publics: publics)
  }

  /// The same, with the directory's ids read only when first asked for.
  public init(
    structureIDs: @escaping @Sendable () -> Set<String>?, types: Set<String>?, themes: Set<String>?,
    publics: Set<String>?
  ) {
    structureIDsBox = Lazy(structureIDs)
    self.types = types
    self.themes = themes
    self.publics = publics
  }
}

/// Place answers resolved the way the spec says a person's typing is: the best kind of match
/// only (an exact « Saint-Denis » is not « Saint-Denis-d'Oléron »), one place when all matches
/// lie in one département, the candidates otherwise.
struct AnswerPlaces: PlaceResolving {
  let index: PlaceIndex

  func candidates(for text: String) -> [PlaceValue] {
    switch index.resolveAnswer(text) {
    case .place(let place): return [place]
    case .ambiguous(let places): return places
    case .notFound: return []
    }
  }

  /// Forwarded: without it the protocol's default (none) hid the index's « vouliez-vous dire ».
  func suggestions(for text: String) -> [PlaceValue] { index.suggestions(for: text) }
}
