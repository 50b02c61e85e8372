import Foundation

/// The kinds of file `repere import` reads, detected from their content (never their name).
public enum ImportFormat: String, Sendable, CaseIterable {
  /// Repère's own spreadsheet export (`repere/directory@1` field names as headers).
  case repereCSV = "repere-csv"
  case dataInclusionStructures = "data-inclusion-structures"
  case dataInclusionServices = "data-inclusion-services"
  case finess
  case servicePublic = "service-public"

  /// The source name written in ids and correspondence tables.
  public var source: String {
    switch self {
    case .repereCSV: return "repere"
    case .dataInclusionStructures, .dataInclusionServices: return "data-inclusion"
    case .finess: return "finess"
    case .servicePublic: return "service-public"
    }
  }

  /// What the import says it found.
  public var label: String {
    switch self {
    case .repereCSV: return "CSV Repère (repere/directory@1)"
    case .dataInclusionStructures: return "data·inclusion v1 — structures"
    case .dataInclusionServices: return "data·inclusion v1 — services"
    case .finess: return "extraction FINESS"
    case .servicePublic: return "annuaire Service-Public (base de données locales)"
    }
  }

  /// Whether the file's first character (after a byte order mark and spaces) opens JSON.
  static func looksLikeJSON(_ head: Data) -> Bool {
    var bytes = head[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let first = bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    return first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
  }

  /// The format of `data`, from its first bytes and keys; nil when it matches none.
  public static func detect(_ data: Data) -> ImportFormat? {
    let head = data.prefix(64 * 1024)
    var bytes = [UInt8](head)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let text = String(decoding: bytes, as: UTF8.self)
    let trimmed = text.drop { $0.isWhitespace }
    if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
      if text.contains("\"pivot\"") || text.contains("\"type_service_local\"") { return .servicePublic }
      if text.contains("\"structure_id\"") { return .dataInclusionServices }
      if text.contains("\"id\"") && text.contains("\"nom\"") { return .dataInclusionStructures }
      return nil
    }
    // `isNewline`, not `!= "\n"`: « \r\n » (pandas or Excel on Windows, Python's csv) is one
    // Character, and the header line would run into the rows.
    let firstLine = text.prefix { !$0.isNewline }.lowercased()
    if firstLine.hasPrefix("finess;") || firstLine.hasPrefix("structureet;") { return .finess }
    let separator: Character = firstLine.contains(";") ? ";" : ","
    let columns = Set(
      firstLine.split(separator: separator).map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" \t"))
      })
    if columns.contains("structure_id") { return .dataInclusionServices }
    let dataInclusionOnly: Set<String> = [
      "source", "reseaux_porteurs", "complement_adresse", "horaires_accueil", "siret",
    ]
    if columns.contains("id"), columns.contains("nom"), columns.intersection(dataInclusionOnly).count >= 2 {
      return .dataInclusionStructures
    }
    if columns.contains("id") || columns.contains("nom") { return .repereCSV }
    return nil
  }
}
