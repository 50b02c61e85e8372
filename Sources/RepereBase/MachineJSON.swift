import Foundation

/// The one encoding of every `--json` output (the contract in docs/json.md): an object whose
/// `format` names the document and its version (`repere/walk@1`, like the data files' own
/// `format`), keys in snake_case, sorted, pretty-printed, slashes unescaped, and the controls
/// JSONEncoder leaves raw (C1, bidi) escaped so a terminal printing the JSON stays safe.
///
/// A document's body is an `Encodable` struct: its properties become the keys next to `format`
/// (camelCase property names are written in snake_case). A list is always a named field of the
/// body, never the top level, so that every document can carry its `format`.
public enum MachineJSON {
  /// The version of every document's shape; bumped (`@2`) only for an incompatible change.
  public static let version = 1

  /// `repere/<kind>@1`.
  public static func format(_ kind: String) -> String { "repere/\(kind)@\(version)" }

  /// The document `kind` with `body`'s fields (no final newline: callers print it).
  public static func document(_ kind: String, _ body: some Encodable) -> String {
    encode(Envelope(format: format(kind), body: body))
  }

  /// Any value with the contract's encoding, without an envelope (journal lines, exports that
  /// carry their own `format`).
  public static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    guard let data = try? encoder.encode(value) else { return "{}" }
    return TerminalText.escapingJSONControls(String(decoding: data, as: UTF8.self))
  }

  /// `format` and the body's own keys in one object.
  private struct Envelope<Body: Encodable>: Encodable {
    var format: String
    var body: Body

    enum CodingKeys: String, CodingKey { case format }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(format, forKey: .format)
      try body.encode(to: encoder)
    }
  }
}
