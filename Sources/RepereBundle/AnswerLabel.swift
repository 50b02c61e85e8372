import RepereRules

/// Answers as people read them (screens, training debriefs, `walk`): option labels rather than
/// values, « Oui »/« Non », numbers with their unit, the place's label. The one home of answer
/// labels; the interface passes its chrome's words for the English screens.
public enum AnswerLabel {
  /// The few words an answer label needs that are not in the protocol.
  public struct Words: Sendable {
    public var yes: String
    public var no: String
    public var unknown: String
    /// An information step acknowledged.
    public var read: String

    public init(yes: String, no: String, unknown: String, read: String) {
      self.yes = yes
      self.no = no
      self.unknown = unknown
      self.read = read
    }

    /// The journal's and the debriefs' language.
    public static let french = Words(yes: "Oui", no: "Non", unknown: "Je ne sais pas", read: "lu")
  }

  public static func text(_ value: AnswerValue, for step: Step?, words: Words = .french) -> String {
    switch value {
    case .bool(let yes):
      if step?.kind == .info { return words.read }
      return yes ? words.yes : words.no
    case .choice(let option): return step?.option(option)?.label ?? option
    case .set(let values):
      guard let step else { return values.isEmpty ? "(aucun)" : values.joined(separator: ", ") }
      return values.isEmpty ? "(aucun)" : ticked(values, for: step).joined(separator: ", ")
    case .number(let number): return AnswerValue.format(number) + (step?.unit.map { " \($0)" } ?? "")
    case .place(let place): return place.label
    case .text(let text): return text
    case .unknown: return words.unknown
    }
  }

  /// The labels of a checklist's ticked values in the protocol's order (the order on screen),
  /// values the protocol no longer offers last.
  public static func ticked(_ values: [String], for step: Step) -> [String] {
    let known = step.options.filter { values.contains($0.value) }
    let unknown = values.filter { value in !step.options.contains { $0.value == value } }
    return known.map(\.label) + unknown
  }
}
