import Foundation
import RepereBase

/// A case vignette with its answers and what must come out (`repere/scenario@1`).
public struct Scenario: Sendable {
  /// One answer as written: the step id and the answer's text items (parsed against the step
  /// when the scenario runs, since the step's kind decides the meaning).
  public struct Answer: Sendable, Hashable {
    public var stepID: String
    public var items: [String]
    public var location: SourceLocation

    public init(stepID: String, items: [String], location: SourceLocation = .init(file: "", line: 1, column: 1)) {
      self.stepID = stepID
      self.items = items
      self.location = location
    }
  }

  /// An answer changed afterwards, with the reason.
  public struct Change: Sendable, Hashable {
    public var stepID: String
    public var items: [String]
    public var reason: String?
    public var location: SourceLocation

    public init(stepID: String, items: [String], reason: String?, location: SourceLocation) {
      self.stepID = stepID
      self.items = items
      self.reason = reason
      self.location = location
    }
  }

  /// What must come out.
  public struct Expectation: Sendable, Hashable {
    public var level: String?
    /// Exactly these dispositions (any order).
    public var dispositions: [String]?
    /// Exactly this path.
    public var path: [String]?
    /// Each must appear among the resolved contacts.
    public var contacts: [String]?

    public init(level: String? = nil, dispositions: [String]? = nil, path: [String]? = nil, contacts: [String]? = nil) {
      self.level = level
      self.dispositions = dispositions
      self.path = path
      self.contacts = contacts
    }
  }

  public var id: String
  public var title: String
  public var protocolID: String
  /// The case's clock; nil when the file does not give one.
  public var now: Date?
  public var vignette: String?
  public var answers: [Answer]
  public var changes: [Change]
  public var expect: Expectation
  public var debrief: String?
  public var location: SourceLocation
  public var fieldLocations: [String: SourceLocation]

  public init(
    id: String, title: String, protocolID: String, now: Date? = nil, vignette: String? = nil, answers: [Answer] = [],
    changes: [Change] = [], expect: Expectation = Expectation(), debrief: String? = nil,
    location: SourceLocation = .init(file: "", line: 1, column: 1), fieldLocations: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.title = title
    self.protocolID = protocolID
    self.now = now
    self.vignette = vignette
    self.answers = answers
    self.changes = changes
    self.expect = expect
    self.debrief = debrief
    self.location = location
    self.fieldLocations = fieldLocations
  }

  /// The file the scenario comes from.
  public var file: String { location.file }

  public func location(of field: String) -> SourceLocation { fieldLocations[field] ?? location }
}
