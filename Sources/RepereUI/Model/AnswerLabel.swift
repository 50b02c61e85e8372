import RepereBase

/// An answer as people read it on screen: « Oui », the option's label, « 15 ans ».
enum AnswerLabel {
  static func text(_ answer: AnswerInput, step: StepView, language: Language) -> String {
    func label(_ value: String) -> String { step.options.first { $0.value == value }?.label ?? value }
    switch answer {
    case .bool(let yes): return (yes ? Chrome.yes : Chrome.no)(language)
    case .choice(let value): return label(value)
    case .multi(let values):
      let ordered =
        step.options.map(\.value).filter(values.contains) + values.subtracting(step.options.map(\.value)).sorted()
      return ordered.isEmpty ? "—" : ordered.map(label).joined(separator: ", ")
    case .number(let value): return NumberText.format(value) + (step.unit.map { " " + $0 } ?? "")
    case .text(let text): return text
    case .place(let place): return place.label
    case .unknown: return Chrome.unknownOption(language)
    case .acknowledged: return Chrome.continueReading(language)
    }
  }
}
