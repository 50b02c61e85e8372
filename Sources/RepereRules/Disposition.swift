import RepereBase

/// A coded end of the walk: what to do, how urgently, and whom to contact.
public struct Disposition: Sendable, Hashable {
  public var code: String
  /// One of the protocol's levels.
  public var level: String
  public var title: String
  /// Free text shown beside the level (« sans délai »).
  public var timeframe: String?
  public var text: String?
  public var actions: [String]
  /// Queries resolved against the directory at the case's place.
  public var contacts: [ContactQuery]
  /// Source ids cited as justification.
  public var why: [String]
  public var location: SourceLocation
  public var fieldLocations: [String: SourceLocation]
  /// For each contact query, where each of its values is written (`kind.0`, `theme.1`, `id`,
  /// `age`, …), so findings point at the value itself.
  public var contactFieldLocations: [[String: SourceLocation]]
  /// For each contact query, its `when` (nil: always asked). A query whose condition does not
  /// hold on the case's answers is dropped from the gathered disposition: the 119 is not
  /// proposed to a caller who is a 119 operator.
  public var contactConditions: [Condition?]

  public init(
    code: String, level: String, title: String, timeframe: String? = nil, text: String? = nil,
    actions: [String] = [], contacts: [ContactQuery] = [], why: [String] = [],
    location: SourceLocation = .unknown, fieldLocations: [String: SourceLocation] = [:]
  ) {
    self.code = code
    self.level = level
    self.title = title
    self.timeframe = timeframe
    self.text = text
    self.actions = actions
    self.contacts = contacts
    self.why = why
    self.location = location
    self.fieldLocations = fieldLocations
    self.contactFieldLocations = []
    self.contactConditions = []
  }

  /// This disposition with only the contact queries whose `when` holds in `context`.
  func keepingContacts(in context: EvaluationContext) -> Disposition {
    guard contactConditions.contains(where: { $0 != nil }) else { return self }
    var kept = self
    kept.contacts = []
    kept.contactFieldLocations = []
    kept.contactConditions = []
    for (index, query) in contacts.enumerated() {
      let condition = index < contactConditions.count ? contactConditions[index] : nil
      if let condition {
        guard let expression = condition.expression, ExpressionEvaluator.holds(expression, in: context) else {
          continue
        }
      }
      kept.contacts.append(query)
      kept.contactConditions.append(condition)
      if index < contactFieldLocations.count { kept.contactFieldLocations.append(contactFieldLocations[index]) }
    }
    return kept
  }

  public func location(of field: String) -> SourceLocation { fieldLocations[field] ?? location }

  /// Where a value of the contact query at `index` is written (`kind.0`, `id`, …), falling back
  /// to the query, then to the disposition.
  public func location(ofContact index: Int, field: String) -> SourceLocation {
    if index < contactFieldLocations.count, let location = contactFieldLocations[index][field] { return location }
    if index < contacts.count, let location = contacts[index].location { return location }
    return location
  }
}

/// A reference a step or disposition cites (`sources:` of a protocol).
public struct SourceReference: Sendable, Hashable {
  public var id: String
  public var title: String
  public var url: String?
  public var location: SourceLocation

  public init(id: String, title: String, url: String? = nil, location: SourceLocation = .unknown) {
    self.id = id
    self.title = title
    self.url = url
    self.location = location
  }
}
