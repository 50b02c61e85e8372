import Foundation
import RepereBase

/// Figures without identities (`repere stats`): how many cases, by level, disposition,
/// département or week. Only counts leave a journal: no free text, no notes, no case ids, no
/// answers. Cells under `CaseStatistics.threshold` are shown as « < 5 » so that a rare
/// combination cannot point at one child.
///
/// An export (`--export FILE`) keeps exact counts for every dimension, so that a coordinator's
/// `--merge` adds them up correctly; the suppression applies to every display, merged or not.
public struct CaseStatistics: Codable, Equatable, Sendable {
  /// The facts of one case that statistics may use, and nothing else.
  public struct CaseFacts: Equatable, Sendable {
    public var started: CalendarDay?
    public var level: String?
    public var dispositions: [String]
    public var departement: String?

    public init(started: CalendarDay?, level: String?, dispositions: [String], departement: String?) {
      self.started = started
      self.level = level
      self.dispositions = dispositions
      self.departement = departement
    }

    /// What statistics take from a recorded case (its start day in the journal's own offset).
    public init(_ record: RecordedCase) {
      let day = record.startedAt.map { stamp -> CalendarDay in
        let parts = stamp.components
        return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
      }
      self.init(
        started: day, level: record.level, dispositions: record.dispositions.map(\.event.code),
        departement: record.place?.place.departement)
    }
  }

  /// The dimensions a table can be broken down by.
  public enum Dimension: String, CaseIterable, Codable, Sendable {
    case level, disposition, departement, week

    /// French column heading.
    public var heading: String {
      switch self {
      case .level: return "niveau"
      case .disposition: return "orientation"
      case .departement: return "département"
      case .week: return "semaine"
      }
    }
  }

  public static let format = "repere/stats@1"
  /// Cells strictly under this are never shown exactly.
  public static let threshold = 5
  /// The row for a case without the value (no place given, no disposition reached yet).
  public static let unknown = "non renseigné"

  public var format: String
  /// First day counted (`--since`), if any.
  public var since: String?
  /// How many cases were counted.
  public var cases: Int
  /// Exact counts per dimension (rawValue) and value. A case with two dispositions counts once
  /// under each.
  public var counts: [String: [String: Int]]

  public init(format: String = CaseStatistics.format, since: String?, cases: Int, counts: [String: [String: Int]]) {
    self.format = format
    self.since = since
    self.cases = cases
    self.counts = counts
  }

  /// Counts `facts`, keeping the cases started on or after `since`.
  public static func count(_ facts: [CaseFacts], since: CalendarDay?) -> CaseStatistics {
    let kept = facts.filter { fact in
      guard let since else { return true }
      guard let started = fact.started else { return false }
      return started >= since
    }
    var counts: [String: [String: Int]] = [:]
    for dimension in Dimension.allCases { counts[dimension.rawValue] = [:] }
    for fact in kept {
      counts["level", default: [:]][fact.level ?? unknown, default: 0] += 1
      counts["departement", default: [:]][fact.departement ?? unknown, default: 0] += 1
      counts["week", default: [:]][fact.started.map(isoWeek) ?? unknown, default: 0] += 1
      let dispositions = fact.dispositions.isEmpty ? [unknown] : Array(Set(fact.dispositions))
      for disposition in dispositions { counts["disposition", default: [:]][disposition, default: 0] += 1 }
    }
    return CaseStatistics(since: since?.description, cases: kept.count, counts: counts)
  }

  /// The sum of several exports (a coordinator's view of a whole service).
  public static func merged(_ parts: [CaseStatistics]) -> CaseStatistics {
    var counts: [String: [String: Int]] = [:]
    for part in parts {
      for (dimension, cells) in part.counts {
        for (value, count) in cells { counts[dimension, default: [:]][value, default: 0] += count }
      }
    }
    let sinces = Set(parts.map { $0.since ?? "" })
    let since = sinces.count == 1 ? parts.first?.since : nil
    return CaseStatistics(since: since, cases: parts.map(\.cases).reduce(0, +), counts: counts)
  }

  /// `2026-W48`: ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday).
  public static func isoWeek(_ day: CalendarDay) -> String {
    var calendar = Calendar(identifier: .iso8601)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date.distantPast
    let week = calendar.component(.weekOfYear, from: date)
    let year = calendar.component(.yearForWeekOfYear, from: date)
    return "\(year)-W\(week < 10 ? "0" : "")\(week)"
  }

  /// A displayed cell: the count, or « < 5 » under the threshold (0 stays 0: it reveals nobody).
  public static func cell(_ count: Int) -> String {
    count > 0 && count < threshold ? "< \(threshold)" : String(count)
  }

  /// Rows of one dimension, sorted by value (weeks and départements read in order).
  func rows(_ dimension: Dimension) -> [(value: String, count: Int)] {
    (counts[dimension.rawValue] ?? [:]).map { (value: $0.key, count: $0.value) }.sorted { $0.value < $1.value }
  }

  // MARK: Output

  /// A text table for people.
  public func text(by dimension: Dimension) -> String {
    var lines = ["Dossiers comptés : \(Self.cell(cases))" + (since.map { " (depuis le \($0))" } ?? "")]
    let rows = rows(dimension)
    let width = max(dimension.heading.count, rows.map { $0.value.count }.max() ?? 0)
    lines.append(dimension.heading.padding(toLength: width, withPad: " ", startingAt: 0) + "  dossiers")
    for row in rows {
      lines.append(
        TerminalText.sanitized(row.value).padding(toLength: width, withPad: " ", startingAt: 0) + "  "
          + Self.cell(row.count))
    }
    lines.append("Les effectifs inférieurs à \(Self.threshold) sont affichés « < \(Self.threshold) ».")
    return lines.joined(separator: "\n") + "\n"
  }

  /// CSV (`;`, as French spreadsheets expect), suppressed like the table.
  public func csv(by dimension: Dimension) -> String {
    var lines = ["\(dimension.heading);dossiers"]
    for row in rows(dimension) { lines.append("\(csvField(row.value));\(Self.cell(row.count))") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// JSON for scripts, suppressed like the table (the exact counts are only in `--export`).
  public func json(by dimension: Dimension) -> String {
    struct Row: Encodable {
      var value: String
      var cases: String
    }
    struct Report: Encodable {
      var by: String
      var since: String?
      var cases: String
      var threshold: Int
      var rows: [Row]
    }
    let report = Report(
      by: dimension.rawValue, since: since, cases: Self.cell(cases), threshold: Self.threshold,
      rows: rows(dimension).map { Row(value: $0.value, cases: Self.cell($0.count)) })
    return MachineJSON.document("stats", report) + "\n"
  }

  /// The export file: exact counts, for `--merge`.
  public func exportJSON() -> String { Self.encode(self) }

  /// Reads an export, with a clear message when it is not one.
  public static func decodeExport(_ data: Data, file: String) throws -> CaseStatistics {
    let decoded: CaseStatistics
    do {
      decoded = try JSONDecoder().decode(CaseStatistics.self, from: data)
    } catch {
      throw JournalError.encoding("\(file) n'est pas un export de « repere stats --export »")
    }
    guard decoded.format == format else {
      throw JournalError.encoding("\(file) : format « \(decoded.format) », attendu « \(format) »")
    }
    return decoded
  }

  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private func csvField(_ text: String) -> String {
    let clean = TerminalText.sanitized(text)
    guard clean.contains(";") || clean.contains("\"") || clean.contains("\n") else { return clean }
    return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
