import Foundation
import RepereBase

/// Searching and reading the structure directory. Implemented over the lookup module.
public protocol DirectoryBrowsing: Sendable {
  /// Structures matching `text` (name, type, theme, commune…), best first; those near `place`
  /// first when given.
  func search(_ text: String, near place: PlaceValue?, now: Date, limit: Int) -> [StructureSummary]
  /// The full record of one structure at `now` (for « ouvert maintenant »).
  func detail(_ id: String, now: Date) -> StructureDetail?
  /// The vocabulary's label of a structure kind (`parquet` → « Parquet »), or the id.
  func kindLabel(_ id: String) -> String
  /// The vocabulary's label of a theme, or the id.
  func themeLabel(_ id: String) -> String
}

extension DirectoryBrowsing {
  public func kindLabel(_ id: String) -> String { id }
  public func themeLabel(_ id: String) -> String { id }
}

/// One line of search results.
public struct StructureSummary: Hashable, Sendable {
  public var id: String
  public var name: String
  /// « CRIP · Seine-Saint-Denis (93) ».
  public var subtitle: String
  public var openNow: Bool?
  /// A demonstration record (« exemple fictif »): shown with the EXEMPLE tag.
  public var isExample: Bool

  public init(id: String, name: String, subtitle: String, openNow: Bool?, isExample: Bool) {
    self.id = id
    self.name = name
    self.subtitle = subtitle
    self.openNow = openNow
    self.isExample = isExample
  }
}

/// A structure's record as the detail view shows it.
public struct StructureDetail: Hashable, Sendable {
  public struct Phone: Hashable, Sendable {
    public var number: String
    public var label: String?
    /// An on-call line (« permanence », « astreinte », « 24 h/24 » in its label).
    public var isOnCall: Bool

    public init(number: String, label: String?, isOnCall: Bool = false) {
      self.number = number
      self.label = label
      self.isOnCall = isOnCall
    }
  }

  /// The line to give when the structure is closed now: its on-call number, if it has one.
  public var onCallPhone: Phone? { phones.first(where: \.isOnCall) }

  public var id: String
  public var name: String
  /// Type labels from the vocabulary.
  public var types: [String]
  public var description: String?
  public var phones: [Phone]
  /// One line: « 12 rue …, 93200 Saint-Denis ».
  public var address: String?
  /// As written (`Mo-Fr 09:00-17:00`), or nil.
  public var hours: String?
  /// A comment from the hours (« sur rendez-vous »).
  public var hoursComment: String?
  public var openNow: Bool?
  public var email: String?
  public var website: String?
  /// Contact given to professionals only.
  public var professionalsOnly: Bool
  public var isExample: Bool
  /// `source` and `date_maj` of the record.
  public var source: String?
  public var updated: String?

  public init(
    id: String, name: String, types: [String] = [], description: String? = nil, phones: [Phone] = [],
    address: String? = nil, hours: String? = nil, hoursComment: String? = nil, openNow: Bool? = nil,
    email: String? = nil, website: String? = nil, professionalsOnly: Bool = false, isExample: Bool = false,
    source: String? = nil, updated: String? = nil
  ) {
    self.id = id
    self.name = name
    self.types = types
    self.description = description
    self.phones = phones
    self.address = address
    self.hours = hours
    self.hoursComment = hoursComment
    self.openNow = openNow
    self.email = email
    self.website = website
    self.professionalsOnly = professionalsOnly
    self.isExample = isExample
    self.source = source
    self.updated = updated
  }
}
