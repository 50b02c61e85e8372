import Foundation
import RepereBase
import RepereBundle
import RepereRules
import Testing

@testable import RepereUI

/// The training fixture (`Tests/Fixtures/training-bundle`, scenario `lina-cergy`) with the UI
/// tests' fake services, for training screens and updates.
enum TrainingWorld {
  static let root = TestPaths.fixture("training-bundle")

  static func bundle(contacts: (any ContactResolving)? = FakeContacts()) throws -> DataBundle {
    let scenario = try FixtureLoader.scenario(
      in: root, path: "scenarios/lina-cergy.yaml", file: "scenarios/lina-cergy.yaml")
    return DataBundle(
      root: root, library: ProtocolLibrary(files: try FixtureLoader.protocols(in: root)), scenarios: [scenario],
      places: FakePlaces(), contacts: contacts)
  }

  /// A session on the vignette. `contacts` replaces the fake contact resolver (for the clock).
  static func state(
    size: GridSize = .minimum, language: Language = .fr, presenter: Bool = false,
    contacts: (any ContactResolving)? = nil
  ) throws -> AppState {
    let bundle = try bundle()
    let reference = TrainingReference(
      bundle: bundle, scenario: try #require(bundle.scenarios.first), defaultNow: .distantPast)
    let walker = RulesCaseWalker(
      session: CaseSession(library: bundle.library, protocolID: reference.scenario.protocolID),
      today: CalendarDay(reference.now))
    var services = TestWorld.services
    if let contacts { services.contacts = contacts }
    return TrainingProgram.start(
      reference: reference, walker: walker, services: services, language: language, size: size, presenter: presenter)
  }

  static let t = TestWorld.type

  /// From the vignette to the end of the walk, answering as the scenario does (age 17), or
  /// with the age the caller gave first (19).
  static func walkKeys(age: String = "17") -> [KeyPress] {
    [.enter, .character("2"), .character("2")] + t("Cergy") + [.enter] + t(age) + [.enter]
      + [.character("2"), .character("1"), .character("2"), .enter]
  }

  /// A session after `keys`, its clock moved 3 min 12 s on (as the runtime ticks).
  static func after(_ keys: [KeyPress], from state: AppState) -> AppState {
    var result = TestWorld.press(keys, on: state).0
    result = UIProgram.update(result, .tick(state.now.addingTimeInterval(192))).0
    return result
  }
}

/// Resolves every query to one structure whose reason says at what time it was asked, so tests
/// see which clock the interface used.
struct ClockEchoContacts: ContactResolving {
  func resolve(_ query: ContactQuery, place: PlaceValue?, age: Double?, now: Date) -> [ContactMatch] {
    [
      ContactMatch(
        structureID: query.id ?? "echo", name: "Écho", tier: .national,
        reason: "demandé à \(Int(now.timeIntervalSince1970))")
    ]
  }
}
