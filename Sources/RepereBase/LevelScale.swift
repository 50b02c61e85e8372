/// The ordinal level scale (protocol-format.md, "levels"), highest urgency first: the one home of
/// the spec's default levels and of their names (exports, screens, badges).
public enum LevelScale {
  /// The spec's default scale.
  public static let defaultLevels = DefaultLevel.allCases.map(\.rawValue)

  /// The highest of `levels` on `scale`; a level missing from the scale counts as lowest.
  public static func highest(of levels: [String], scale: [String]) -> String? {
    levels.min { rank($0, scale) < rank($1, scale) }
  }

  /// `items` most urgent first, keeping their order within a level: the one order of
  /// dispositions on the orientation screen and in exports, so both read the same.
  public static func ordered<Item>(_ items: [Item], scale: [String], level: (Item) -> String) -> [Item] {
    items.enumerated().sorted {
      (rank(level($0.element), scale), $0.offset) < (rank(level($1.element), scale), $1.offset)
    }.map(\.element)
  }

  private static func rank(_ level: String, _ scale: [String]) -> Int {
    scale.firstIndex(of: level) ?? scale.count
  }

  /// French wording for the default levels, for exports; other levels show their id.
  public static func label(_ level: String) -> String {
    DefaultLevel(rawValue: level)?.exportLabel ?? level
  }

  /// The short form shown beside a disposition's title: « signalement », « urgence », …
  public static func shortLabel(_ level: String) -> String {
    DefaultLevel(rawValue: level)?.shortLabel ?? level
  }
}

/// One level of the spec's default scale, with its names.
public enum DefaultLevel: String, CaseIterable, Sendable {
  case urgence
  case signalement
  case informationPreoccupante = "information-preoccupante"
  case accompagnement
  case conseil

  /// The long French wording used in exports.
  public var exportLabel: String {
    switch self {
    case .urgence: "Urgence — danger immédiat (17 / 112 sans attendre)"
    case .signalement: "Signalement au procureur de la République — danger grave"
    case .informationPreoccupante: "Information préoccupante à la CRIP — danger ou risque de danger"
    case .accompagnement: "Accompagnement — orientation vers un accompagnement"
    case .conseil: "Conseil — information, conseil"
    }
  }

  /// The short French form, in running text.
  public var shortLabel: String {
    switch self {
    case .informationPreoccupante: "information préoccupante"
    default: rawValue
    }
  }

  /// The badge shown on screen, in French.
  public var frenchBadge: String {
    switch self {
    case .informationPreoccupante: "INFO. PRÉOCCUPANTE"
    default: rawValue.uppercased()
    }
  }

  /// The badge shown on screen with the English chrome.
  public var englishBadge: String {
    switch self {
    case .urgence: "EMERGENCY"
    case .signalement: "PROSECUTOR"
    case .informationPreoccupante: "CONCERN REPORT"
    case .accompagnement: "SUPPORT"
    case .conseil: "ADVICE"
    }
  }
}
