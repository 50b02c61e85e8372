import Foundation
import RepereBase

/// A département of the reference data.
public struct Departement: Hashable, Sendable {
  public var code: String
  public var nom: String
  public var regionCode: String
  public var region: String
  public var prefectureInsee: String
  public var prefecture: String
  public var latitude: Double?
  public var longitude: Double?
  /// Codes of the départements that share a border with this one.
  public var voisins: [String]

  public init(
    code: String, nom: String, regionCode: String, region: String, prefectureInsee: String = "",
    prefecture: String = "", latitude: Double? = nil, longitude: Double? = nil, voisins: [String] = []
  ) {
    self.code = code
    self.nom = nom
    self.regionCode = regionCode
    self.region = region
    self.prefectureInsee = prefectureInsee
    self.prefecture = prefecture
    self.latitude = latitude
    self.longitude = longitude
    self.voisins = voisins
  }

  /// The zone whose wall clock opening hours use: Europe/Paris, or the overseas département's own.
  public var timeZone: TimeZone { Departement.timeZone(forCode: code) }

  /// Time zone for a département code.
  public static func timeZone(forCode code: String) -> TimeZone {
    let identifier: String
    switch code {
    case "971": identifier = "America/Guadeloupe"
    case "972": identifier = "America/Martinique"
    case "973": identifier = "America/Cayenne"
    case "974": identifier = "Indian/Reunion"
    case "975": identifier = "America/Miquelon"
    case "976": identifier = "Indian/Mayotte"
    case "977": identifier = "America/St_Barthelemy"
    case "978": identifier = "America/Marigot"
    default: return CalendarDay.paris
    }
    return TimeZone(identifier: identifier) ?? CalendarDay.paris
  }
}

/// A commune (or commune déléguée, or municipal arrondissement) of the reference data.
public struct Commune: Hashable, Sendable {
  /// `COM` (commune), `COMD` (commune déléguée), `ARM` (arrondissement municipal).
  public enum Kind: String, Hashable, Sendable {
    case commune = "COM"
    case communeDeleguee = "COMD"
    case arrondissement = "ARM"
  }

  public var insee: String
  public var nom: String
  public var kind: Kind
  /// The commune a commune déléguée or arrondissement belongs to.
  public var parentInsee: String?
  public var departement: String
  /// Every postal code the commune has (Saint-Denis 93: 93200 and 93210).
  public var postalCodes: [String]
  public var latitude: Double?
  public var longitude: Double?
  public var population: Int

  public init(
    insee: String, nom: String, kind: Kind = .commune, parentInsee: String? = nil, departement: String,
    postalCodes: [String], latitude: Double? = nil, longitude: Double? = nil, population: Int = 0
  ) {
    self.insee = insee
    self.nom = nom
    self.kind = kind
    self.parentInsee = parentInsee
    self.departement = departement
    self.postalCodes = postalCodes
    self.latitude = latitude
    self.longitude = longitude
    self.population = population
  }
}

/// Why the reference data could not be read.
public struct ReferenceDataError: Error, CustomStringConvertible, Sendable {
  public var location: SourceLocation
  public var message: String

  public var description: String { "\(location): error: \(message)" }
}

/// The reference data of the bundle (`reference/departements.csv`, `reference/communes.csv`).
///
/// Communes are parsed on first use: the first screen of the app needs none of them.
public struct ReferenceData: Sendable {
  public let departements: [Departement]
  private let departementIndex: [String: Int]
  private let communeTable: Lazy<CommuneTable>
  /// The raw communes file, for lookups by code before the table is parsed (nil when built in code).
  private let communesCSV: Data?
  /// Communes already found in `communesCSV` by a lookup, by INSEE code: `find --place 93200`
  /// finds Saint-Denis by its postal code, then asks for it by its INSEE code (a second scan of
  /// the 2 MB file cost a tenth of a warm `repere find`).
  private let found = FoundCommunes()

  /// Communes with their lookup by INSEE code.
  struct CommuneTable: Sendable {
    let communes: [Commune]
    let byInsee: [String: Int]

    init(_ communes: [Commune]) {
      self.communes = communes
      var byInsee: [String: Int] = [:]
      byInsee.reserveCapacity(communes.count)
      for (index, commune) in communes.enumerated() {
        // A commune déléguée may share its INSEE code with its commune nouvelle: the commune wins.
        if let existing = byInsee[commune.insee], communes[existing].kind == .commune { continue }
        byInsee[commune.insee] = index
      }
      self.byInsee = byInsee
    }
  }

  public init(departements: [Departement], communes: [Commune]) {
    self.init(departements: departements, communeTable: Lazy(value: CommuneTable(communes)), communesCSV: nil)
  }

  private init(departements: [Departement], communeTable: Lazy<CommuneTable>, communesCSV: Data?) {
    self.communesCSV = communesCSV
    self.departements = departements
    var departementIndex: [String: Int] = [:]
    for (index, departement) in departements.enumerated() { departementIndex[departement.code] = index }
    self.departementIndex = departementIndex
    self.communeTable = communeTable
  }

  /// Every commune, commune déléguée and arrondissement (parsed on first access).
  public var communes: [Commune] { communeTable.value.communes }

  /// Whether the communes have been parsed yet (for measurements).
  public var communesLoaded: Bool { communeTable.isLoaded }

  /// An empty reference (for tests and tools that do not need places).
  public static let empty = ReferenceData(departements: [], communes: [])

  public func departement(code: String) -> Departement? {
    departementIndex[code].map { departements[$0] }
  }

  /// The position of a commune in `communes`.
  public func communeIndex(insee: String) -> Int? { communeTable.value.byInsee[insee] }

  public func commune(insee: String) -> Commune? {
    let table = communeTable.value
    return table.byInsee[insee].map { table.communes[$0] }
  }

  /// The communes with this INSEE or postal code, with their position in `communes`, in file
  /// order. Before the
  /// communes are parsed this scans the file's bytes instead of parsing it all.
  public func communes(code: String) -> [(index: Int, commune: Commune)] {
    if communeTable.isLoaded || communesCSV == nil {
      let table = communeTable.value
      var result: [(index: Int, commune: Commune)] = []
      if let index = table.byInsee[code] { result.append((index, table.communes[index])) }
      for (index, commune) in table.communes.enumerated()
      where commune.postalCodes.contains(code) && commune.insee != code {
        result.append((index, commune))
      }
      return result.sorted { $0.index < $1.index }
    }
    guard let data = communesCSV else { return [] }
    // The file may list a commune déléguée under its commune's INSEE code: the commune wins.
    let found = ReferenceCSV.findCommunes(data, code: code)
    for item in found where item.commune.kind == .commune { self.found.keep(item) }
    return found.filter { item in
      item.commune.kind == .commune || item.commune.insee != code
        || !found.contains { $0.commune.insee == code && $0.commune.kind == .commune }
    }
  }

  /// The commune with this INSEE code and its position, without parsing every commune.
  func quickCommune(insee: String) -> (index: Int, commune: Commune)? {
    if communeTable.isLoaded || communesCSV == nil {
      return communeIndex(insee: insee).map { ($0, communes[$0]) }
    }
    if let known = found.commune(insee: insee) { return known }
    return communes(code: insee).first { $0.commune.insee == insee }
  }

  /// The département of a place, or nil.
  public func departement(of place: PlaceValue) -> Departement? { departement(code: place.departement) }

  /// Loads `departements.csv` and `communes.csv` from `folder` (the bundle's `reference/`).
  public static func load(folder: URL, displayFolder: String = "reference") throws -> ReferenceData {
    let departementsURL = folder.appendingPathComponent("departements.csv")
    let communesURL = folder.appendingPathComponent("communes.csv")
    let departementsData = try Self.read(departementsURL, display: displayFolder + "/departements.csv")
    let communesData = try Self.read(communesURL, display: displayFolder + "/communes.csv")
    return try load(
      departementsCSV: departementsData, communesCSV: communesData,
      departementsPath: displayFolder + "/departements.csv", communesPath: displayFolder + "/communes.csv")
  }

  private static func read(_ url: URL, display: String) throws -> Data {
    switch DataFileReader.read(url) {
    case .success(let data): return data
    case .failure(let failure):
      throw ReferenceDataError(
        location: SourceLocation(file: display, line: 1, column: 1),
        message: "lecture du fichier de référence impossible : \(failure.message)")
    }
  }

  /// Parses the two reference files (UTF-8, `,`-separated, with the header line the bundle ships).
  public static func load(
    departementsCSV: Data, communesCSV: Data, departementsPath: String = "reference/departements.csv",
    communesPath: String = "reference/communes.csv"
  ) throws -> ReferenceData {
    let departements = try ReferenceCSV.departements(departementsCSV, path: departementsPath)
    // Validated now (a cheap byte scan) so that the deferred parse cannot fail.
    try ReferenceCSV.validateCommunes(communesCSV, path: communesPath)
    let table = Lazy { CommuneTable((try? ReferenceCSV.communes(communesCSV, path: communesPath)) ?? []) }
    return ReferenceData(departements: departements, communeTable: table, communesCSV: communesCSV)
  }

  /// Great-circle distance in kilometres.
  public static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
    let radians = Double.pi / 180
    let dLat = (lat2 - lat1) * radians
    let dLon = (lon2 - lon1) * radians
    let a =
      sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
    return 6371 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
  }

  /// The point of a place: its commune's, else its département's centre.
  public func point(of place: PlaceValue) -> (latitude: Double, longitude: Double)? {
    if let code = place.communeCode, let commune = quickCommune(insee: code)?.commune, let lat = commune.latitude,
      let lon = commune.longitude
    {
      return (lat, lon)
    }
    if let departement = departement(code: place.departement), let lat = departement.latitude,
      let lon = departement.longitude
    {
      return (lat, lon)
    }
    return nil
  }
}

/// The communes a lookup by code found in the raw file (a commune, not a commune déléguée, is
/// what a lookup by its INSEE code gives).
private final class FoundCommunes: @unchecked Sendable {
  private let lock = NSLock()
  private var byInsee: [String: (index: Int, commune: Commune)] = [:]

  func keep(_ item: (index: Int, commune: Commune)) {
    lock.lock()
    if byInsee[item.commune.insee] == nil { byInsee[item.commune.insee] = item }
    lock.unlock()
  }

  func commune(insee: String) -> (index: Int, commune: Commune)? {
    lock.lock()
    defer { lock.unlock() }
    return byInsee[insee]
  }
}
