import Foundation
import RepereBase

/// Builds a `Structure` from field values, whatever file they came from (YAML or CSV), with the
/// validation both share: id syntax, numbers, enumerations, dates. Content checks (vocabulary,
/// phones, hours, postal codes) are left to `Directory.check` so that they run on every source.
struct StructureBuilder {
  static let fields: [String] = [
    "id", "nom", "types", "description", "thematiques", "publics", "age_min", "age_max", "zone", "adresse",
    "latitude", "longitude", "telephones", "courriel", "site_web", "horaires", "langues", "acces", "statut",
    "date_maj", "lien_source",
  ]
  static let addressFields = ["voie", "complement", "code_postal", "commune", "code_insee"]
  static let listFields: Set<String> = ["types", "thematiques", "publics", "zone", "langues", "telephones"]

  var structure: Structure
  private(set) var seenID = false
  private(set) var seenName = false
  private(set) var seenTypes = false

  init(location: SourceLocation, isExample: Bool) {
    structure = Structure(id: "", nom: "", types: [], isExample: isExample, location: location)
  }

  /// A value written as text (a YAML scalar or a CSV cell), already known not to be empty.
  mutating func setText(
    _ field: String, _ text: String, at location: SourceLocation, into diagnostics: inout Diagnostics
  ) {
    var value = text.trimmingSpaces
    // A CSV cell past the stated limit (YAML texts come cut already, reported by YAMLFile).
    if let cut = TextLimits.capped(value) {
      diagnostics.warning(
        "text-too-long", at: location,
        "`\(field)` dépasse \(TextLimits.maximumFieldLength) caractères : le texte est coupé et s'affiche terminé par «\(TextLimits.cutMark) »"
      )
      value = cut
    }
    record(field, index: 0, location)
    switch field {
    case "id":
      seenID = true
      structure.id = value
      if !Self.isValidID(value) {
        diagnostics.error(
          "invalid-id", at: location,
          "l'identifiant « \(value) » ne peut contenir que des lettres a-z et A-Z, des chiffres et - / . : _",
          hint: "par exemple « national/119 », « 93/crip » ou « dora--AidantsConnect:2024-47BXY »")
      }
    case "nom":
      seenName = true
      structure.nom = value
    case "description": structure.description = value
    case "age_min", "age_max":
      guard let age = Int(value), (0...120).contains(age) else {
        diagnostics.error(
          "invalid-age", at: location, "`\(field)` doit être un nombre entier d'années, pas « \(value) »")
        return
      }
      if field == "age_min" { structure.ageMin = age } else { structure.ageMax = age }
    case "latitude", "longitude":
      guard let number = DecimalText.parse(value, allowComma: true),
        field == "latitude" ? (-90...90).contains(number) : (-180...180).contains(number)
      else {
        diagnostics.error(
          "invalid-coordinate", at: location, "`\(field)` doit être un nombre de degrés, pas « \(value) »")
        return
      }
      if field == "latitude" { structure.latitude = number } else { structure.longitude = number }
    case "courriel": structure.courriel = value
    case "site_web": structure.siteWeb = value
    case "lien_source": structure.lienSource = value
    case "horaires":
      structure.horairesText = value
      if case .success(let hours) = OpeningHours.parse(value) { structure.horaires = hours }
    case "acces":
      guard let access = Access(rawValue: value) else {
        diagnostics.error(
          "invalid-value", at: location, "`acces` vaut « public » ou « professionnels », pas « \(value) »",
          hint: Suggestion.hint(for: value, among: Access.allCases.map(\.rawValue)))
        return
      }
      structure.acces = access
    case "statut":
      guard let status = StructureStatus(rawValue: value) else {
        diagnostics.error(
          "invalid-value", at: location,
          "`statut` vaut « active », « inactive » ou « fermee-temporairement », pas « \(value) »",
          hint: Suggestion.hint(for: value, among: StructureStatus.allCases.map(\.rawValue)))
        return
      }
      structure.statut = status
    case "date_maj":
      guard let day = CalendarDay(iso: value) else {
        diagnostics.error(
          "invalid-date", at: location, "`date_maj` doit être une date écrite AAAA-MM-JJ, pas « \(value) »")
        return
      }
      structure.dateMaj = day
    case "voie", "complement", "code_postal", "commune", "code_insee":
      setAddress(field, value)
    default:
      break
    }
  }

  mutating func setAddress(_ field: String, _ value: String) {
    var address = structure.adresse ?? Address()
    switch field {
    case "voie": address.voie = value
    case "complement": address.complement = value
    case "code_postal": address.codePostal = value
    case "commune": address.commune = value
    case "code_insee": address.codeInsee = value
    default: return
    }
    structure.adresse = address
  }

  /// Records where an address value is written (its field name is the nested key).
  mutating func recordAddress(_ field: String, at location: SourceLocation) { record(field, index: 0, location) }

  /// A list field's items, each with its position.
  mutating func setList(_ field: String, _ items: [(String, SourceLocation)]) {
    for (index, item) in items.enumerated() { record(field, index: index, item.1) }
    let values = items.map { $0.0.trimmingSpaces }
    switch field {
    case "types":
      seenTypes = true
      structure.types = values
    case "thematiques": structure.thematiques = values
    case "publics": structure.publics = values
    case "zone": structure.zone = values
    case "langues": structure.langues = values
    default: break
    }
  }

  mutating func addPhone(_ phone: Phone, at location: SourceLocation) {
    record("telephones", index: structure.telephones.count, location)
    structure.telephones.append(phone)
  }

  private mutating func record(_ field: String, index: Int, _ location: SourceLocation) {
    structure.positions.append(FieldPosition(field: field, index: index, line: location.line, column: location.column))
  }

  /// Reports missing required fields at `location` (the record); returns the structure when usable.
  func finish(at location: SourceLocation, context: String, into diagnostics: inout Diagnostics) -> Structure? {
    var usable = true
    for (seen, key) in [(seenID, "id"), (seenName, "nom"), (seenTypes, "types")] where !seen {
      diagnostics.error("missing-key", at: location, "il manque la clé obligatoire `\(key)` dans \(context)")
      usable = usable && key != "id"
    }
    return usable || seenID ? structure : nil
  }

  /// `[A-Za-z0-9]` plus `- / . : _`, not empty: Repère's own ids (`93/crip`) and those of the
  /// systems a directory is imported from (data·inclusion's `dora--AidantsConnect:2024-47BXY`).
  static func isValidID(_ id: String) -> Bool {
    !id.isEmpty
      && id.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
          || "-/.:_".unicodeScalars.contains(scalar)
      }
  }
}

extension String {
  /// Without leading and trailing spaces, tabs and newlines.
  var trimmingSpaces: String {
    // Most values start and end with an ASCII letter: no Unicode property lookup (100,000
    // structures call this a million times).
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
      return self
    }
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
