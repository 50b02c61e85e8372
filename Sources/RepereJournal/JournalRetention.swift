/// How long finished and unfinished journals are kept before `purge` removes them.
///
/// Default 30 days; the user sets another with the `REPERE_JOURNAL_RETENTION_DAYS` environment
/// variable, and `repere journal purge --older-than DAYS` overrides both for one run.
public struct JournalRetention: Hashable, Sendable {
  /// The default retention period, in days.
  public static let defaultDays = 30
  /// The environment variable that sets it.
  public static let environmentVariable = "REPERE_JOURNAL_RETENTION_DAYS"

  public var days: Int
  /// Where the value came from, for messages: « par défaut », « REPERE_JOURNAL_RETENTION_DAYS », …
  public var source: String

  public init(days: Int, source: String) {
    self.days = days
    self.source = source
  }

  /// The retention from `environment` (the process's, passed in by the executable): the variable
  /// if set to a whole number of days ≥ 0, the default otherwise; a bad value is an error.
  public static func from(environment: [String: String]) throws -> JournalRetention {
    guard let text = environment[environmentVariable]?.trimmingSpaces, !text.isEmpty else {
      return JournalRetention(days: defaultDays, source: "par défaut")
    }
    guard let days = Int(text), days >= 0 else {
      throw RetentionError(text: text)
    }
    return JournalRetention(days: days, source: environmentVariable)
  }

  /// A value of the environment variable that is not a number of days.
  public struct RetentionError: Error, CustomStringConvertible, Equatable {
    public var text: String
    public var description: String {
      "\(JournalRetention.environmentVariable)=« \(text) » : un nombre entier de jours (0 ou plus) est attendu"
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text = text.dropFirst() }
    while text.last?.isWhitespace == true { text = text.dropLast() }
    return String(text)
  }
}
