import Foundation
import RepereBase

/// One phone number of a structure, with what it is for.
public struct Phone: Hashable, Sendable {
  public var numero: String
  public var libelle: String?

  public init(numero: String, libelle: String? = nil) {
    self.numero = numero
    self.libelle = libelle
  }
  /// An on-call line: its `libelle` says « permanence », « astreinte » or « 24 h/24 » (the
  /// directory format writes it there, as in « numéro du parquet — permanence »). A structure
  /// closed now but with such a line is reachable: the orientation says so rather than only
  /// « fermé maintenant ».
  public var isOnCall: Bool {
    guard let libelle else { return false }
    let words = TextFolding.words(libelle)
    if words.contains("permanence") || words.contains("astreinte") { return true }
    // « 24 h/24 », « 24h/24 », « 24 h / 24 » fold to the same letters once spaces go.
    return words.joined().contains("24h24")
  }
}

/// A postal address (data·inclusion names).
public struct Address: Hashable, Sendable {
  public var voie: String?
  public var complement: String?
  public var codePostal: String?
  public var commune: String?
  public var codeInsee: String?

  public init(
    voie: String? = nil, complement: String? = nil, codePostal: String? = nil, commune: String? = nil,
    codeInsee: String? = nil
  ) {
    self.voie = voie
    self.complement = complement
    self.codePostal = codePostal
    self.commune = commune
    self.codeInsee = codeInsee
  }

  /// « 12 rue X, 93200 Saint-Denis », skipping what is missing.
  public var singleLine: String {
    let city = [codePostal, commune].compactMap { $0 }.joined(separator: " ")
    return [voie, complement, city.isEmpty ? nil : city].compactMap { $0 }.joined(separator: ", ")
  }
}

/// Who may be given the structure's contact.
public enum Access: String, Hashable, Sendable, CaseIterable {
  case `public`
  /// Given to professionals only (e.g. some PARÉ network addresses).
  case professionnels
}

/// Whether the structure currently operates.
public enum StructureStatus: String, Hashable, Sendable, CaseIterable {
  case active
  case inactive
  case fermeeTemporairement = "fermee-temporairement"
}

extension CalendarDay {
  /// The wall-clock day of `date` in `timeZone`, through the lookup's fast wall clock.
  public init(date: Date, timeZone: TimeZone) {
    self = WallClock(timeZone: timeZone).local(date).day
  }
}

/// The position of one value inside a structure's record, so that checks can point at it.
/// Stored in 12 bytes: a directory of 100,000 structures keeps about two million of them.
public struct FieldPosition: Hashable, Sendable {
  /// Field names a position may carry (the record's fields and the address's).
  static let names: [String] = StructureBuilder.fields + StructureBuilder.addressFields + ["other"]
  private static let codes: [String: UInt8] = Dictionary(
    uniqueKeysWithValues: names.enumerated().map { ($1, UInt8($0)) })

  private let fieldCode: UInt8
  private let storedIndex: UInt16
  private let storedLine: Int32
  private let storedColumn: Int32

  public init(field: String, index: Int = 0, line: Int, column: Int) {
    fieldCode = Self.codes[field] ?? UInt8(Self.names.count - 1)
    storedIndex = UInt16(clamping: index)
    storedLine = Int32(clamping: line)
    storedColumn = Int32(clamping: column)
  }

  /// The field's data name (`horaires`, `telephones`, `code_postal`, `types`, …).
  public var field: String { Self.names[Int(fieldCode)] }
  /// The item's index in a list field (0 otherwise).
  public var index: Int { Int(storedIndex) }
  public var line: Int { Int(storedLine) }
  public var column: Int { Int(storedColumn) }
}

/// One structure of the directory (`repere/directory@1`). Field names follow data·inclusion.
public struct Structure: Hashable, Sendable, Identifiable {
  public var id: String
  public var nom: String
  public var types: [String]
  public var description: String?
  public var thematiques: [String]
  public var publics: [String]
  public var ageMin: Int?
  public var ageMax: Int?
  /// Where it intervenes: "france", département codes, or commune INSEE codes.
  public var zone: [String]
  public var adresse: Address?
  public var latitude: Double?
  public var longitude: Double?
  public var telephones: [Phone]
  public var courriel: String?
  public var siteWeb: String?
  /// Parsed opening hours; nil when absent or when they do not parse (see `horairesText`).
  public var horaires: OpeningHours?
  /// The opening hours as written.
  public var horairesText: String?
  public var langues: [String]
  public var acces: Access
  public var statut: StructureStatus
  public var dateMaj: CalendarDay?
  public var lienSource: String?
  /// True when the source file says « exemple fictif »: the UI tags it EXEMPLE.
  public var isExample: Bool
  /// Where the record starts.
  public var location: SourceLocation
  /// Positions of individual values (for findings).
  public var positions: [FieldPosition]

  public init(
    id: String, nom: String, types: [String], description: String? = nil, thematiques: [String] = [],
    publics: [String] = [], ageMin: Int? = nil, ageMax: Int? = nil, zone: [String] = [], adresse: Address? = nil,
    latitude: Double? = nil, longitude: Double? = nil, telephones: [Phone] = [], courriel: String? = nil,
    siteWeb: String? = nil, horaires: OpeningHours? = nil, horairesText: String? = nil, langues: [String] = [],
    acces: Access = .public, statut: StructureStatus = .active, dateMaj: CalendarDay? = nil,
    lienSource: String? = nil, isExample: Bool = false,
    location: SourceLocation = SourceLocation(file: "", line: 1, column: 1), positions: [FieldPosition] = []
  ) {
    self.id = id
    self.nom = nom
    self.types = types
    self.description = description
    self.thematiques = thematiques
    self.publics = publics
    self.ageMin = ageMin
    self.ageMax = ageMax
    self.zone = zone
    self.adresse = adresse
    self.latitude = latitude
    self.longitude = longitude
    self.telephones = telephones
    self.courriel = courriel
    self.siteWeb = siteWeb
    self.horaires = horaires
    self.horairesText = horairesText
    self.langues = langues
    self.acces = acces
    self.statut = statut
    self.dateMaj = dateMaj
    self.lienSource = lienSource
    self.isExample = isExample
    self.location = location
    self.positions = positions
  }

  /// True when the structure intervenes everywhere in France.
  public var isNational: Bool { zone.contains("france") }

  /// Where the value of `field` (item `index` of a list) is written; the record's start when unknown.
  public func location(of field: String, index: Int = 0) -> SourceLocation {
    if let position = positions.first(where: { $0.field == field && $0.index == index }) {
      return SourceLocation(file: location.file, line: position.line, column: position.column)
    }
    return location
  }

  /// Whether the structure accepts someone of `age` (years); true when it sets no range.
  public func accepts(age: Double) -> Bool {
    if let ageMin, age < Double(ageMin) { return false }
    if let ageMax, age >= Double(ageMax) + 1 { return false }
    return true
  }
}
