import Foundation
import RepereBase
import RepereLookup
import RepereRules

/// Finds and reads the files of a data folder.
enum BundleLoader {
  static let knownFormats = DataFileKind.yamlFormats.map(\.format)

  /// - Parameter unused: kinds of file listed in the bundle but not parsed (a case's start does
  ///   not need the scenarios).
  static func load(
    _ folder: DataFolder, protocols known: ProtocolLibrary? = nil, lookupCache: LookupCache.Location? = nil,
    unused: Set<DataFileKind> = []
  ) -> (DataBundle, [Finding]) {
    let root = folder.root
    var diagnostics = Diagnostics()
    // The directory from the shared cache when asked (its files are then listed, not parsed);
    // on failure (unreadable reference data) the files are parsed below as without a cache.
    let cached = lookupCache.flatMap { cachedDirectory(folder, location: $0, diagnostics: &diagnostics) }
    // The lookup load has parsed the vocabulary, the resources and the reference data already:
    // they are taken from it rather than read a second time (one vocabulary file only, so that
    // a duplicated vocabulary is still reported below).
    let reused = cached == nil ? [] : reusableKinds(in: folder)
    var files: [BundleFile] = []
    var protocols: [ProtocolDefinition] = []
    var scenarios: [Scenario] = []
    var structures: [Structure] = []
    var directoryFiles = 0
    var vocabulary: (Vocabulary, String)?
    var resources: [Resource] = []
    var correspondences: [CorrespondenceTable] = []
    if !folder.exists {
      diagnostics.error(
        "missing-data-folder", at: SourceLocation(file: root.path, line: 1, column: 1),
        "le dossier de données n'existe pas", hint: "indiquez-le avec --data DOSSIER")
    }
    for file in folder.files {
      let (url, path) = (file.url, file.path)
      if let kind = file.kind,
        unused.contains(kind) || reused.contains(kind) || (known != nil && kind == .protocolFile)
      {
        files.append(BundleFile(path: path, kind: kind))
        continue
      }
      if cached != nil, let kind = file.kind, kind == .directory || kind == .directoryCSV {
        files.append(BundleFile(path: path, kind: kind))
        directoryFiles += 1
        continue
      }
      if !file.isYAML {
        let isReference = file.kind == .reference
        files.append(BundleFile(path: path, kind: isReference ? .reference : .directoryCSV))
        if !isReference {
          directoryFiles += 1
          if let data = DataFileReader.read(url, displayName: path, diagnostics: &diagnostics) {
            structures += DirectoryFile.loadCSV(data, path: path, diagnostics: &diagnostics).structures
          }
        }
        continue
      }
      // A large directory file is read by the directory's fast reader, not into a Yams tree.
      // The folder scan already read its declared format.
      if file.kind == .directory {
        guard let data = DataFileReader.read(url, displayName: path, diagnostics: &diagnostics),
          let directory = DirectoryFile.load(data: data, path: path, diagnostics: &diagnostics)
        else { continue }
        files.append(BundleFile(path: path, kind: .directory))
        directoryFiles += 1
        structures += directory.structures
        continue
      }
      guard let node = YAMLFile.load(url: url, displayName: path, diagnostics: &diagnostics) else { continue }
      guard let kind = format(of: node, diagnostics: &diagnostics) else { continue }
      files.append(BundleFile(path: path, kind: kind))
      switch kind {
      case .protocolFile:
        if let definition = ProtocolLoader.load(node: node, diagnostics: &diagnostics) { protocols.append(definition) }
      case .scenario:
        if let scenario = ScenarioLoader.load(node: node, diagnostics: &diagnostics) { scenarios.append(scenario) }
      case .directory:
        directoryFiles += 1
        structures += DirectoryFile.load(node, diagnostics: &diagnostics).structures
      case .vocabulary:
        if let first = vocabulary {
          diagnostics.error(
            "duplicate-vocabulary", at: node.location, "le dossier de données a déjà un vocabulaire : \(first.1)",
            hint: "gardez un seul fichier de vocabulaire")
        } else if let loaded = Vocabulary.load(node, diagnostics: &diagnostics) {
          vocabulary = (loaded, path)
        }
      case .resources:
        resources += ResourceCentre.load(node, diagnostics: &diagnostics)
      case .correspondence:
        if let table = CorrespondenceTable.load(node, diagnostics: &diagnostics) {
          if let other = correspondences.first(where: { $0.source == table.source }) {
            diagnostics.error(
              "duplicate-correspondence", at: table.location,
              "le dossier de données a déjà une table de correspondance pour « \(table.source) » : \(other.location.file)"
            )
          } else {
            correspondences.append(table)
          }
        }
      case .directoryCSV, .reference:
        break
      }
    }
    var bundle = DataBundle(
      root: root, library: known ?? ProtocolLibrary(files: protocols), scenarios: scenarios, files: files,
      resources: ResourceCentre(resources: resources))
    bundle.correspondences = correspondences
    bundle.cacheNote = cached?.cacheNote
    if let cached, reused.contains(.resources) { bundle.resources = cached.resources }
    if let cached, reused.contains(.vocabulary) { vocabulary = (cached.vocabulary, "") }
    attachLookup(
      to: &bundle, structures: structures, cached: cached, hasDirectory: directoryFiles > 0,
      vocabulary: vocabulary?.0, diagnostics: &diagnostics)
    return (bundle, diagnostics.findings)
  }

  /// The directory through `LookupCache` (the file `repere find` reads and writes), with the
  /// findings of the directory files only (the other files are read and reported here). Nil
  /// when the folder has no directory file or the lookup data cannot be loaded.
  static func cachedDirectory(
    _ folder: DataFolder, location: LookupCache.Location, diagnostics: inout Diagnostics
  ) -> LookupData? {
    let directoryPaths = Set(
      folder.files.filter { $0.kind == .directory || $0.kind == .directoryCSV }.map(\.path))
    guard !directoryPaths.isEmpty,
      let data = try? LookupCache.load(folder, cacheDirectory: location.folder, program: location.program)
    else { return nil }
    let reused = reusableKinds(in: folder)
    let reusedPaths = Set(folder.files.filter { $0.kind.map(reused.contains) ?? false }.map(\.path))
    for finding in data.findings
    where directoryPaths.contains(finding.location.file) || reusedPaths.contains(finding.location.file) {
      diagnostics.append(finding)
    }
    return data
  }

  /// The kinds of small file the lookup load parsed and the bundle can take from it: the
  /// resources, and the vocabulary when the folder has exactly one.
  static func reusableKinds(in folder: DataFolder) -> Set<DataFileKind> {
    var kinds: Set<DataFileKind> = [.resources]
    if folder.files.filter({ $0.kind == .vocabulary }).count == 1 { kinds.insert(.vocabulary) }
    return kinds
  }

  /// Reference data, directory, place and contact resolution, and the ids `check` cross-checks.
  static func attachLookup(
    to bundle: inout DataBundle, structures: [Structure], cached data: LookupData? = nil, hasDirectory: Bool,
    vocabulary: Vocabulary?, diagnostics: inout Diagnostics
  ) {
    let cached = data?.directory
    let referenceFolder = bundle.root.appendingPathComponent("reference")
    var isFolder: ObjCBool = false
    if let data {
      // The lookup load read the same reference folder (a failure there means no `data`).
      bundle.reference = data.reference
      bundle.placeIndex = data.places
      bundle.places = AnswerPlaces(index: data.places)
    } else if FileManager.default.fileExists(atPath: referenceFolder.path, isDirectory: &isFolder),
      isFolder.boolValue
    {
      do {
        let reference = try ReferenceData.load(folder: referenceFolder)
        let index = PlaceIndex(reference: reference)
        bundle.reference = reference
        bundle.placeIndex = index
        bundle.places = AnswerPlaces(index: index)
      } catch let error as ReferenceDataError {
        diagnostics.error("invalid-reference-data", at: error.location, error.message)
      } catch {
        diagnostics.error(
          "invalid-reference-data", at: SourceLocation(file: "reference", line: 1, column: 1), "\(error)")
      }
    }
    bundle.vocabulary = vocabulary
    if let cached {
      // Its reused-id findings came with the cache's findings.
      bundle.directory = cached
      bundle.contacts = ContactResolver(directory: cached)
    } else if hasDirectory {
      let directory = Directory(
        structures: structures, reference: bundle.reference ?? .empty, vocabulary: vocabulary ?? Vocabulary())
      bundle.directory = directory
      bundle.contacts = ContactResolver(directory: directory)
      // A reused id is a load error, so the interface, `walk` and `find` report it too.
      for finding in directory.duplicateIDFindings() { diagnostics.append(finding) }
    }
    if hasDirectory || vocabulary != nil {
      bundle.references = BundleReferences(
        structureIDs: { hasDirectory ? (cached?.structureIDs ?? Set(structures.map(\.id))) : nil },
        types: vocabulary.map { Set($0.types.keys) }, themes: vocabulary.map { Set($0.thematiques.keys) },
        publics: vocabulary.map { Set($0.publics.keys) })
    }
  }

  /// The file's `format`, or nil and a finding.
  static func format(of node: YAMLNode, diagnostics: inout Diagnostics) -> BundleFile.Kind? {
    guard let mapping = node.mapping else {
      diagnostics.error(
        "missing-format", at: node.location, "un fichier de données doit être un bloc de clés commençant par `format:`",
        hint: "commencez le fichier par `format: repere/protocol@1` (ou directory, vocabulary, resources, scenario)")
      return nil
    }
    guard let entry = mapping.entry("format") else {
      diagnostics.error(
        "missing-format", at: mapping.location, "le fichier n'a pas de clé `format` : on ne sait pas ce qu'il contient",
        hint: "commencez le fichier par `format: repere/protocol@1` (ou directory, vocabulary, resources, scenario)")
      return nil
    }
    guard let text = entry.value.scalar, let kind = BundleFile.Kind(rawValue: text), knownFormats.contains(text) else {
      let written = entry.value.scalar ?? entry.value.shapeDescription
      diagnostics.error(
        "unknown-format", at: entry.value.location, "format « \(written) » inconnu",
        hint: Suggestion.hint(for: written, among: knownFormats) ?? "formats : \(knownFormats.joined(separator: ", "))")
      return nil
    }
    return kind
  }
}
