import Foundation
import RepereBase
import RepereBundle
import RepereRules
import Testing

/// Every scenario of the real content (`Protocols/`), replayed as a group that gives the
/// reference answers, must debrief as matching everywhere: no false ✗ from places, info steps,
/// overlays or corrected answers.
@Suite struct TrainingRealScenariosTests {
  static let protocols = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Protocols")

  static let bundle: DataBundle = DataBundle.load(from: protocols).0

  static var scenarioIDs: [String] { bundle.scenarios.map(\.id) }

  @Test func theRealContentHasScenarios() {
    #expect(Self.scenarioIDs.count >= 20)
  }

  @Test(arguments: scenarioIDs)
  func groupGivingTheReferenceAnswersMatches(_ id: String) throws {
    let bundle = Self.bundle
    let scenario = try #require(bundle.scenarios.first { $0.id == id })
    let reference = TrainingReference(bundle: bundle, scenario: scenario, defaultNow: .distantPast)
    #expect(reference.answerProblems.isEmpty, "\(reference.answerProblems)")
    let answers = reference.answers.mapValues(\.value)
    let session = CaseSession(
      library: bundle.library, protocolID: scenario.protocolID, answers: answers, acknowledgeInfo: true)
    let debrief = TrainingDebrief(
      reference: reference, group: session.state, groupContacts: bundle.contacts(for: session.state, now: reference.now)
    )
    #expect(debrief.allMatch, "\(debrief.rows.filter { !$0.matches }) \(debrief.level) \(debrief.dispositions)")
    #expect(debrief.rows.count >= 1)
    // Every question the group answered shows both answers in the debrief.
    for row in debrief.rows where row.kind.asksQuestion {
      #expect(row.groupLabel != nil && row.referenceLabel != nil, "\(id): \(row.stepID)")
    }
  }
}
