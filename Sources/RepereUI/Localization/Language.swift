/// The language of the interface's own words (menus, keys, messages). Protocol and directory
/// texts stay as their authors wrote them (French).
public enum Language: String, Sendable, CaseIterable {
  case fr, en

  /// The language a `--lang` value names: `fr`, `en`, or a locale of theirs (`fr_FR`,
  /// `en-GB.UTF-8`); nil for any other (`de`), which the command refuses rather than ignore.
  public static func named(_ text: String) -> Language? {
    let code = text.lowercased().split(whereSeparator: { "_-.@".contains($0) }).first.map(String.init) ?? ""
    return Language(rawValue: code)
  }

  /// `--lang` wins; otherwise LC_ALL, LC_MESSAGES then LANG starting with `en` give English;
  /// French by default.
  public static func resolve(option: String?, environment: [String: String]) -> Language {
    if let option, let language = named(option) { return language }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[name], !value.isEmpty else { continue }
      return value.lowercased().hasPrefix("en") ? .en : .fr
    }
    return .fr
  }
}

/// A text in both interface languages.
public struct LocalizedText: Hashable, Sendable {
  public var fr: String
  public var en: String

  public init(fr: String, en: String) {
    self.fr = fr
    self.en = en
  }

  public func callAsFunction(_ language: Language) -> String {
    switch language {
    case .fr: fr
    case .en: en
    }
  }
}
