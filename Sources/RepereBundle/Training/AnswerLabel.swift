import RepereRules

/// Answers as people read them in training screens and debriefs: option labels rather than
/// values, « Oui »/« Non », numbers with their unit, the place's label.
public enum AnswerLabel {
  public static func text(_ value: AnswerValue, for step: Step?) -> String {
    switch value {
    case .bool(let yes):
      if step?.kind == .info { return "lu" }
      return yes ? "Oui" : "Non"
    case .choice(let option): return step?.option(option)?.label ?? option
    case .set(let values):
      return values.isEmpty ? "(aucun)" : values.map { step?.option($0)?.label ?? $0 }.joined(separator: ", ")
    case .number(let number): return AnswerValue.format(number) + (step?.unit.map { " \($0)" } ?? "")
    case .place(let place): return place.label
    case .text(let text): return text
    case .unknown: return "Je ne sais pas"
    }
  }
}
