import RepereJournal

/// A « suite donnée » being typed: who was called, when, the reference given, the outcome.
public struct FollowUpDraft: Hashable, Sendable {
  public enum Field: Int, CaseIterable, Sendable {
    case contact, when, reference, outcome
  }

  public var texts: [LineEditor] = Array(repeating: LineEditor(), count: Field.allCases.count)
  public var field: Field = .contact

  public init() {}

  public subscript(_ field: Field) -> LineEditor {
    get { texts[field.rawValue] }
    set { texts[field.rawValue] = newValue }
  }

  /// The field being typed in.
  public var current: LineEditor {
    get { self[field] }
    set { self[field] = newValue }
  }

  /// The event to journal, nil while nobody called is named.
  public var event: FollowUpEvent? {
    func trimmed(_ field: Field) -> String? {
      let text = self[field].trimmed
      return text.isEmpty ? nil : text
    }
    guard let contact = trimmed(.contact) else { return nil }
    return FollowUpEvent(
      contact: contact, when: trimmed(.when), reference: trimmed(.reference), outcome: trimmed(.outcome))
  }
}
