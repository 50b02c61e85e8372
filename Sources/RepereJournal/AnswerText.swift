/// An answer in the spec's "answers written as text" form (protocol-format.md): what a scenario
/// file or `repere walk --answer STEP=VALUE` would say, so a journal can be replayed through the
/// rules module against another version of the bundle.
///
/// In a journal line the value is plain JSON: `true`/`false`, a number, a string (an option value,
/// a place as typed, free text), a list of strings (a checklist), or `{"unknown": true}` for
/// « je ne sais pas » (an object, so that an option or a free text that happens to read "unknown"
/// stays distinct).
public enum AnswerText: Hashable, Sendable {
  /// A `yesno` answer.
  case bool(Bool)
  /// A `number` answer.
  case number(Double)
  /// A `choice` option value, a `place` as typed, or a `text` answer.
  case text(String)
  /// A `multi` answer: the values ticked, in the order shown.
  case list([String])
  /// « Je ne sais pas ».
  case unknown

  /// The spec's text form: `true`, `false`, digits, the option value or place as typed, values
  /// joined by commas, or `unknown`.
  public var specText: String {
    switch self {
    case .bool(let value): return value ? "true" : "false"
    case .number(let value): return Self.digits(value)
    case .text(let value): return value
    case .list(let values): return values.joined(separator: ",")
    case .unknown: return "unknown"
    }
  }

  /// A number written without a useless fraction: `15`, not `15.0`; `14.5` stays.
  static func digits(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}

extension AnswerText: Codable {
  private enum UnknownKeys: String, CodingKey { case unknown }

  public init(from decoder: any Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: UnknownKeys.self) {
      guard try keyed.decode(Bool.self, forKey: .unknown) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "expected {\"unknown\": true}"))
      }
      self = .unknown
      return
    }
    let single = try decoder.singleValueContainer()
    if let value = try? single.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? single.decode(Double.self) {
      self = .number(value)
    } else if let value = try? single.decode(String.self) {
      self = .text(value)
    } else if let value = try? single.decode([String].self) {
      self = .list(value)
    } else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "an answer is true/false, a number, a string, a list of strings or {\"unknown\": true}"))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .unknown:
      var keyed = encoder.container(keyedBy: UnknownKeys.self)
      try keyed.encode(true, forKey: .unknown)
    case .bool(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .number(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .text(let value):
      var single = encoder.singleValueContainer()
      try single.encode(value)
    case .list(let values):
      var single = encoder.singleValueContainer()
      try single.encode(values)
    }
  }
}
