/// The language of the interface's own words (menus, keys, messages). Protocol and directory
/// texts stay as their authors wrote them (French).
public enum Language: String, Sendable, CaseIterable {
  case fr, en

  /// `--lang` wins; otherwise LC_ALL, LC_MESSAGES then LANG starting with `en` give English;
  /// French by default.
  public static func resolve(option: String?, environment: [String: String]) -> Language {
    if let option, let language = Language(rawValue: option.lowercased().prefix(2).description) {
      return language
    }
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
