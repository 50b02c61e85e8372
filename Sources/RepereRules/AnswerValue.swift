import RepereBase

/// The answer to one step.
public enum AnswerValue: Hashable, Sendable, Codable {
  /// `yesno`; also the acknowledgement of an `info` step (`true`).
  case bool(Bool)
  /// `choice`: the option's value.
  case choice(String)
  /// `multi`: the values ticked (kept sorted so equal sets compare equal).
  case set([String])
  case number(Double)
  case place(PlaceValue)
  case text(String)
  /// « Je ne sais pas ».
  case unknown

  /// A `multi` answer with its values sorted and deduplicated.
  public static func checklist(_ values: some Sequence<String>) -> AnswerValue {
    .set(Array(Set(values)).sorted())
  }

  /// The spec's "answers written as text" form, item by item: one item for every kind except
  /// `multi` (one item per ticked value). Parsed back by `AnswerParser`.
  public var textItems: [String] {
    switch self {
    case .bool(let value): return [value ? "true" : "false"]
    case .choice(let value): return [value]
    case .set(let values): return values
    case .number(let value): return [AnswerValue.format(value)]
    case .place(let place): return [place.communeCode ?? place.departement]
    case .text(let value): return [value]
    case .unknown: return ["unknown"]
    }
  }

  /// The text form on one line, as `repere walk --answer STEP=VALUE` takes it (comma-separated
  /// for a checklist).
  public var textForm: String { textItems.joined(separator: ",") }

  /// What a person reads: « oui », « non », « je ne sais pas », the place's label.
  public var displayText: String {
    switch self {
    case .bool(let value): return value ? "oui" : "non"
    case .choice(let value): return value
    case .set(let values): return values.isEmpty ? "(aucun)" : values.joined(separator: ", ")
    case .number(let value): return AnswerValue.format(value)
    case .place(let place): return place.label
    case .text(let value): return value
    case .unknown: return "je ne sais pas"
    }
  }

  /// Numbers without a useless `.0`: `15`, `2.5`.
  public static func format(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}
