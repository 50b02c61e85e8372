import Foundation
import RepereBase

extension JournalTextReport {
  /// `repere journal list --json`: one object per case, oldest first, with the same facts as
  /// the table (no answers, no notes). Times are ISO 8601 with their offset.
  public static func listJSON(_ summaries: [JournalSummary]) -> String {
    struct Item: Encodable {
      var id: String
      var state: String
      var startedAt: String?
      var lastEventAt: String?
      var events: Int
      var protocolID: String?
      var protocolVersion: String?
      var place: String?
      var level: String?

      enum CodingKeys: String, CodingKey {
        case id, state, events, place, level
        case startedAt = "started_at"
        case lastEventAt = "last_event_at"
        case protocolID = "protocol"
        case protocolVersion = "protocol_version"
      }
    }
    let items = summaries.map { summary in
      let record = summary.record
      return Item(
        id: summary.id, state: state(of: summary), startedAt: record.startedAt?.description,
        lastEventAt: record.lastEventAt?.description, events: summary.eventCount,
        protocolID: record.protocolInForce?.id, protocolVersion: record.protocolInForce?.version,
        place: record.place?.place.label, level: record.level)
    }
    struct List: Encodable { var cases: [Item] }
    return MachineJSON.document("journal-list", List(cases: items))
  }

  /// A stable, untranslated state name for scripts.
  static func state(of summary: JournalSummary) -> String {
    if summary.inUse { return "in-use" }
    if let end = summary.record.end { return end.event.outcome == .completed ? "closed" : "abandoned" }
    return summary.eventCount == 0 ? "empty" : "unfinished"
  }
}
