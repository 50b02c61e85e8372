import Foundation
import RepereBase

extension ScenarioReport {
  /// `repere scenario list --json`: the same facts as the text list, for scripts.
  public static func listJSON(_ scenarios: [Scenario], bundle: DataBundle, defaultNow: Date) -> String {
    struct Item: Encodable {
      var id: String
      var title: String
      var file: String
      var protocolID: String
      var level: String?
      var dispositions: [String]?
      var changes: Int
      var endsIn: String?
      var path: [String]?

      enum CodingKeys: String, CodingKey {
        case id, title, file, level, dispositions, changes, path
        case protocolID = "protocol"
        case endsIn = "endsInProtocol"
      }
    }
    let items = scenarios.map { scenario in
      let state = bundle.run(scenario, defaultNow: defaultNow).state
      return Item(
        id: scenario.id, title: scenario.title, file: scenario.file, protocolID: scenario.protocolID,
        level: scenario.expect.level, dispositions: scenario.expect.dispositions, changes: scenario.changes.count,
        endsIn: state?.protocolID, path: state?.pathIDs)
    }
    struct List: Encodable { var scenarios: [Item] }
    return MachineJSON.document("scenario-list", List(scenarios: items))
  }
}
