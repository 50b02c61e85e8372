import Foundation
import RepereBase

/// One file handed to `repere import`.
public struct ImportInput: Sendable {
  public var path: String
  public var bytes: ImportBytes
  /// Forced with `--format`; detected from the content otherwise.
  public var format: ImportFormat?

  public init(path: String, bytes: ImportBytes, format: ImportFormat? = nil) {
    self.path = path
    self.bytes = bytes
    self.format = format
  }

  public init(path: String, data: Data, format: ImportFormat? = nil) {
    self.init(path: path, bytes: .memory(data), format: format)
  }
}

/// Which records a département keeps from a national file.
public struct ImportSelection: Sendable {
  public var departements: Set<String> = []
  /// Repère types (after correspondence).
  public var types: Set<String> = []
  /// data·inclusion producers (`source`: dora, soliguide…) or source names (finess…).
  public var producers: Set<String> = []

  public init(departements: Set<String> = [], types: Set<String> = [], producers: Set<String> = []) {
    self.departements = departements
    self.types = types
    self.producers = producers
  }

  /// Whether a record already in the directory file falls inside this selection: the sync only
  /// marks as gone the records this import could have produced, so that the 94's records, imported
  /// into the same file by another run, are not marked gone by the 93's import.
  public func covers(_ structure: Structure) -> Bool {
    if !departements.isEmpty {
      let address = structure.adresse.flatMap { $0.codeInsee ?? $0.codePostal }.flatMap(departementCode(ofINSEE:))
      let places = structure.zone + (address.map { [$0] } ?? [])
      if !places.contains(where: departements.contains) { return false }
    }
    if !types.isEmpty, types.isDisjoint(with: structure.types) { return false }
    if !producers.isEmpty {
      let parts = structure.id.split(separator: "/", maxSplits: 1)
      let source = parts.first.map(String.init) ?? ""
      let producer = parts.count > 1 ? parts[1].components(separatedBy: "--").first : nil
      if !producers.contains(source), !(producer.map(producers.contains) ?? false) { return false }
    }
    return true
  }
}

/// The structures an import produced, before they meet the existing file.
public struct ImportBatch: Sendable {
  public var structures: [Structure]
  /// The sources read (ids of their records start with `source/`).
  public var sources: Set<String>
  public var summary: ImportSummary
  /// The selection it was made with.
  public var selection = ImportSelection()
  /// Of the ids the run was asked to watch (the file's imported records), those the source still
  /// has, imported this time or not: a record left out by the selection has not disappeared.
  public var stillInSource: Set<String> = []
}

/// Reads open-data files, translates their vocabularies through the correspondence tables and
/// keeps the selected records. Files are streamed: a national extract is read record by record
/// and only the selected records stay in memory. Nothing here writes: see `ImportSync` and
/// `ImportRun`.
public enum Importer {
  public static func run(
    _ inputs: [ImportInput], tables: [CorrespondenceTable], vocabulary: Vocabulary?, reference: ReferenceData?,
    selection: ImportSelection, watching: Set<String> = [], diagnostics: inout Diagnostics
  ) -> ImportBatch {
    var summary = ImportSummary()
    var structures: [Structure] = []
    var sources = Set<String>()
    var stillInSource = Set<String>()
    var dataInclusionStructures: [ImportInput] = []
    var dataInclusionServices: [ImportInput] = []
    let tablesBySource = Dictionary(tables.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
    var hoursCache: [String: OpeningHours?] = [:]
    /// A file's kept records become structures at once (the records are then let go).
    func convert(_ read: [SourceRecord], source: String) {
      for record in read {
        guard
          let structure = structure(
            from: record, source: source, table: tablesBySource[source], vocabulary: vocabulary,
            hoursCache: &hoursCache, summary: &summary)
        else { continue }
        if !selection.types.isEmpty, selection.types.isDisjoint(with: structure.types) {
          summary.outsideSelection += 1
          continue
        }
        structures.append(structure)
      }
    }
    /// The département and producer selection, decided as each record is read.
    func keeper(_ source: String) -> (SourceRecord, inout ImportSummary) -> Bool {
      { record, summary in
        summary.read += 1
        if !watching.isEmpty {
          let id = repereID(source: source, sourceID: record.sourceID)
          if watching.contains(id) { stillInSource.insert(id) }
        }
        if !selection.departements.isEmpty {
          let inside =
            record.departement.map(selection.departements.contains) == true
            || record.zone.contains(where: selection.departements.contains)
          if !inside {
            summary.outsideSelection += 1
            return false
          }
        }
        if !selection.producers.isEmpty, !selection.producers.contains(source),
          !(record.producer.map(selection.producers.contains) ?? false)
        {
          summary.outsideSelection += 1
          return false
        }
        return true
      }
    }
    for input in inputs {
      guard let format = input.format ?? ImportFormat.detect(input.bytes.head()) else {
        diagnostics.error(
          "unknown-import-format", at: SourceLocation(file: input.path, line: 1, column: 1),
          "le fichier n'est d'aucun des formats que lit repere import",
          hint:
            "formats : \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (--format pour en imposer un)")
        continue
      }
      summary.files.append((input.path, format))
      sources.insert(format.source)
      switch format {
      case .repereCSV:
        guard let data = try? input.bytes.all() else {
          diagnostics.error(
            "unreadable-file", at: SourceLocation(file: input.path, line: 1, column: 1), "lecture du fichier impossible"
          )
          continue
        }
        let file = DirectoryFile.loadCSV(data, path: input.path, diagnostics: &diagnostics)
        summary.read += file.structures.count
        structures += file.structures
      case .dataInclusionStructures: dataInclusionStructures.append(input)
      case .dataInclusionServices: dataInclusionServices.append(input)
      case .finess:
        convert(
          FinessReader.records(
            input, path: input.path, reference: reference, keep: keeper("finess"), diagnostics: &diagnostics,
            summary: &summary), source: "finess")
      case .servicePublic:
        convert(
          ServicePublicReader.records(
            input, path: input.path, keep: keeper("service-public"), diagnostics: &diagnostics, summary: &summary),
          source: "service-public")
      }
    }
    if !dataInclusionStructures.isEmpty || !dataInclusionServices.isEmpty {
      convert(
        DataInclusionReader.records(
          structures: dataInclusionStructures, services: dataInclusionServices,
          selectedDepartements: selection.departements, keep: keeper("data-inclusion"), diagnostics: &diagnostics,
          summary: &summary), source: "data-inclusion")
    }
    return ImportBatch(
      structures: structures, sources: sources, summary: summary, selection: selection, stillInSource: stillInSource)
  }

  /// `data-inclusion/dora--Abc:12`: the source, then its own id, with characters an id may not
  /// hold (spaces, accents…) replaced by `-`.
  public static func repereID(source: String, sourceID: String) -> String {
    let allowed = "-/.:_".unicodeScalars
    let cleaned = String(
      String.UnicodeScalarView(
        sourceID.unicodeScalars.map { scalar in
          ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || allowed.contains(scalar) ? scalar : "-"
        }))
    return "\(source)/\(cleaned)"
  }

  static func structure(
    from record: SourceRecord, source: String, table: CorrespondenceTable?, vocabulary: Vocabulary?,
    hoursCache: inout [String: OpeningHours?], summary: inout ImportSummary
  ) -> Structure? {
    var types: [String] = []
    var themes: [String] = []
    var publics: [String] = []
    func add(_ ids: [String], to list: inout [String], known: [String: Label]?) {
      for id in ids where !list.contains(id) && (known == nil || known?[id] != nil) { list.append(id) }
    }
    for (field, values) in record.codes.sorted(by: { $0.key < $1.key }) {
      for value in values {
        guard let target = table?.target(field: field, value: value) else {
          summary.noteUnmapped(field: field, value: value)
          continue
        }
        add(target.types, to: &types, known: vocabulary?.types)
        add(target.thematiques, to: &themes, known: vocabulary?.thematiques)
        add(target.publics, to: &publics, known: vocabulary?.publics)
      }
    }
    guard !types.isEmpty else {
      summary.withoutType += 1
      return nil
    }
    var hours: OpeningHours?
    var hoursText = record.horaires
    if let text = record.horaires {
      // The same hours recur (« Mo-Fr 09:00-12:00; PH off »): parsed once per text.
      let cached =
        hoursCache[text]
        ?? {
          let parsed: OpeningHours? = if case .success(let value) = OpeningHours.parse(text) { value } else { nil }
          hoursCache[text] = parsed
          return parsed
        }()
      if let parsed = cached {
        hours = parsed
      } else {
        summary.unreadableHours += 1
        hoursText = nil
      }
    }
    var latitude = record.latitude
    var longitude = record.longitude
    if latitude == nil || longitude == nil || !(-90...90).contains(latitude ?? 0)
      || !(-180...180).contains(longitude ?? 0)
    {
      latitude = nil
      longitude = nil
    }
    return Structure(
      id: repereID(source: source, sourceID: record.sourceID), nom: record.nom, types: types,
      description: record.description, thematiques: themes, publics: publics, zone: record.zone,
      adresse: record.adresse, latitude: latitude, longitude: longitude,
      telephones: record.telephones.map { Phone(numero: $0) }, courriel: record.courriel, siteWeb: record.siteWeb,
      horaires: hours, horairesText: hoursText, acces: record.professionalsOnly ? .professionnels : .public,
      dateMaj: record.dateMaj, lienSource: record.lienSource, location: record.location)
  }
}
