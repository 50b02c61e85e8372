import Foundation
import RepereBase
import RepereBundle
import RepereRules
import Testing

@testable import RepereUI

/// The bundle shipped in Protocols/ with its real directory, places and contacts: the screens a
/// professional sees on the real content, walked with the answers of its scenarios.
enum ShippedWorld {
  static let root = TestWorld.packageRoot.appendingPathComponent("Protocols")

  /// Loaded once (the reference data takes a while).
  nonisolated(unsafe) static let bundle: DataBundle = DataBundle.load(from: root).0

  static var services: AppServices {
    AppServices(
      directory: bundle.directory.map { LookupDirectory(directory: $0) }, places: bundle.places,
      contacts: bundle.contacts)
  }

  static var scenarioIDs: [String] { bundle.scenarios.map(\.id).sorted() }

  static func scenario(_ id: String) throws -> Scenario {
    try #require(bundle.scenarios.first { $0.id == id })
  }

  /// A new case on `protocolID` at `now`.
  static func state(
    protocolID: String = "national/orientation", now: Date = TestWorld.now, size: GridSize = .minimum
  ) -> AppState {
    let walker = RulesCaseWalker(
      session: CaseSession(library: bundle.library, protocolID: protocolID), today: CalendarDay(now))
    return UIProgram.start(walker: walker, services: services, language: .fr, size: size, now: now).0
  }

  /// The case after answering as scenario `id` does (its final answers, changes included), at
  /// its clock, three minutes into the call.
  static func walked(_ id: String, size: GridSize) throws -> AppState {
    let scenario = try scenario(id)
    let now = scenario.now ?? TestWorld.now
    let reference = TrainingReference(bundle: bundle, scenario: scenario, defaultNow: now)
    var state = self.state(protocolID: scenario.protocolID, now: now, size: size)
    var guardCount = 0
    while let step = state.walk.current, guardCount < 200 {
      guardCount += 1
      let input: AnswerInput
      if step.kind == .info {
        input = .acknowledged
      } else if let answer = reference.answers[step.id] {
        input = Self.input(answer.value)
      } else {
        Issue.record("\(id): no answer for « \(step.id) »")
        break
      }
      let effects = state.apply(input, to: step.id, changeReason: nil)
      for case .journal(let events) in effects {
        state = UIProgram.update(state, .journalSaved(count: events.count)).0
      }
    }
    return UIProgram.update(state, .tick(now.addingTimeInterval(192))).0
  }

  static func input(_ value: AnswerValue) -> AnswerInput {
    switch value {
    case .bool(let flag): .bool(flag)
    case .choice(let choice): .choice(choice)
    case .set(let values): .multi(Set(values))
    case .number(let number): .number(number)
    case .place(let place): .place(place)
    case .text(let text): .text(text)
    case .unknown: .unknown
    }
  }
}
