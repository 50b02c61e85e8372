import RepereBase

/// One record read from an open-data source, before its vocabulary is translated: the facts the
/// source gives, with the source's own codes kept per field so that the correspondence table
/// decides what they become.
public struct SourceRecord: Sendable {
  /// The source's own id (data·inclusion `id`, FINESS `nofinesset`, Service-Public `id`).
  public var sourceID: String
  /// Who published it inside the source (data·inclusion's `source`: dora, soliguide…).
  public var producer: String?
  public var nom: String
  public var description: String?
  public var adresse: Address?
  public var latitude: Double?
  public var longitude: Double?
  public var telephones: [String] = []
  public var courriel: String?
  public var siteWeb: String?
  /// OSM opening hours (converted when the source has another form).
  public var horaires: String?
  public var zone: [String] = []
  /// Source field → the source's codes in it (`reseaux_porteurs`, `categetab`, `pivot`…).
  public var codes: [String: [String]] = [:]
  public var professionalsOnly = false
  public var dateMaj: CalendarDay?
  public var lienSource: String?
  /// The département the record sits in (from its address or its source's own code).
  public var departement: String?
  /// Where the record is in its file: line and column, or the record's index for JSON.
  public var location: SourceLocation

  public init(sourceID: String, nom: String, location: SourceLocation) {
    self.sourceID = sourceID
    self.nom = nom
    self.location = location
  }

  mutating func addCodes(_ field: String, _ values: [String]) {
    let cleaned = values.map(\.trimmingSpaces).filter { !$0.isEmpty }
    guard !cleaned.isEmpty else { return }
    var current = codes[field] ?? []
    for value in cleaned where !current.contains(value) { current.append(value) }
    codes[field] = current
  }
}

/// The département of an INSEE commune code or postal code: 2A/2B, the 97x overseas ones, else
/// the first two characters.
func departementCode(ofINSEE code: String) -> String? {
  let scalars = Array(code.unicodeScalars)
  guard scalars.count == 5 else { return nil }
  if code.hasPrefix("97") || code.hasPrefix("98") { return String(code.prefix(3)) }
  return String(code.prefix(2))
}

/// `+33 1 23 45 67 89`, `+262262000000`, `0123456789` → « 01 23 45 67 89 »; short numbers
/// (`17`, `116000`) unchanged. Overseas numbers in E.164 (`+262`, `+590`, `+594`, `+596`,
/// `+269`) come back to their national ten-digit form. Anything else is returned as written and
/// left to `repere check`.
func nationalPhone(_ raw: String) -> String {
  let text = raw.trimmingSpaces
  let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.map { Character($0) }
  var national: [Character]?
  if text.hasPrefix("+") || text.hasPrefix("00") {
    let body = text.hasPrefix("00") ? Array(digits.dropFirst(2)) : digits
    for prefix in ["33", "262", "590", "594", "596", "269", "508"] {
      let code = Array(prefix)
      if body.starts(with: code), body.count - code.count == 9 {
        let rest = Array(body.dropFirst(code.count))
        // Réunion/Mayotte, Antilles, Guyane: +262 262…, +590 590…: the national form is 0 + 9 digits.
        national = ["0"] + rest
        break
      }
    }
  } else if digits.count == 10, digits.first == "0" {
    national = digits
  }
  guard let national, national.count == 10 else { return text }
  var out = ""
  for (index, digit) in national.enumerated() {
    if index > 0, index % 2 == 0 { out.append(" ") }
    out.append(digit)
  }
  return out
}
