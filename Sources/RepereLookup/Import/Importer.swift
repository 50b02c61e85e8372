import Foundation
import RepereBase

/// One file handed to `repere import`.
public struct ImportInput: Sendable {
  public var path: String
  public var data: Data
  /// Forced with `--format`; detected from the content otherwise.
  public var format: ImportFormat?

  public init(path: String, data: Data, format: ImportFormat? = nil) {
    self.path = path
    self.data = data
    self.format = format
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
}

/// The structures an import produced, before they meet the existing file.
public struct ImportBatch: Sendable {
  public var structures: [Structure]
  /// The sources read (ids of their records start with `source/`).
  public var sources: Set<String>
  public var summary: ImportSummary
}

/// Reads open-data files, translates their vocabularies through the correspondence tables and
/// keeps the selected records. Nothing here writes: see `ImportSync` and the `repere` command.
public enum Importer {
  public static func run(
    _ inputs: [ImportInput], tables: [CorrespondenceTable], vocabulary: Vocabulary?, reference: ReferenceData?,
    selection: ImportSelection, diagnostics: inout Diagnostics
  ) -> ImportBatch {
    var summary = ImportSummary()
    var structures: [Structure] = []
    var sources = Set<String>()
    var diStructures: [DataInclusionReader.Row] = []
    var diServices: [DataInclusionReader.Row] = []
    var records: [(String, SourceRecord)] = []
    for input in inputs {
      guard let format = input.format ?? ImportFormat.detect(input.data) else {
        diagnostics.error(
          "unknown-import-format", at: SourceLocation(file: input.path, line: 1, column: 1),
          "the file is none of the formats repere import reads",
          hint: "formats: \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (--format to force one)")
        continue
      }
      summary.files.append((input.path, format))
      sources.insert(format.source)
      let isJSON = input.data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }.map {
        $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{")
      }
      switch format {
      case .repereCSV:
        let file = DirectoryFile.loadCSV(input.data, path: input.path, diagnostics: &diagnostics)
        summary.read += file.structures.count
        structures += file.structures
      case .dataInclusionStructures, .dataInclusionServices:
        let rows =
          isJSON == true
          ? DataInclusionReader.jsonRows(input.data, path: input.path, diagnostics: &diagnostics) ?? []
          : DataInclusionReader.csvRows(input.data, path: input.path, diagnostics: &diagnostics)
        if format == .dataInclusionStructures { diStructures += rows } else { diServices += rows }
      case .finess:
        let read = FinessReader.records(
          input.data, path: input.path, reference: reference, diagnostics: &diagnostics, summary: &summary)
        records += read.map { ("finess", $0) }
      case .servicePublic:
        let read = ServicePublicReader.records(input.data, path: input.path, diagnostics: &diagnostics) ?? []
        records += read.map { ("service-public", $0) }
      }
    }
    if !diStructures.isEmpty || !diServices.isEmpty {
      let read = DataInclusionReader.records(
        structures: diStructures, services: diServices, diagnostics: &diagnostics, summary: &summary)
      records += read.map { ("data-inclusion", $0) }
    }
    let tablesBySource = Dictionary(tables.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
    for (source, record) in records {
      summary.read += 1
      if !selection.departements.isEmpty {
        let inside =
          record.departement.map(selection.departements.contains) == true
          || record.zone.contains(where: selection.departements.contains)
        if !inside {
          summary.outsideSelection += 1
          continue
        }
      }
      if !selection.producers.isEmpty,
        !selection.producers.contains(source), !(record.producer.map(selection.producers.contains) ?? false)
      {
        summary.outsideSelection += 1
        continue
      }
      guard
        let structure = structure(
          from: record, source: source, table: tablesBySource[source], vocabulary: vocabulary, summary: &summary)
      else { continue }
      if !selection.types.isEmpty, selection.types.isDisjoint(with: structure.types) {
        summary.outsideSelection += 1
        continue
      }
      structures.append(structure)
    }
    return ImportBatch(structures: structures, sources: sources, summary: summary)
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
    summary: inout ImportSummary
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
      if case .success(let parsed) = OpeningHours.parse(text) {
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
