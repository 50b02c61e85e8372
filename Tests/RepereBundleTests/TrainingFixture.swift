import Foundation
import RepereBase
import RepereBundle
import RepereRules
@_exported import RepereTestSupport
import Testing

/// The training fixture bundle (`Tests/Fixtures/training-bundle`) with stand-in place and contact
/// resolvers, so these tests do not depend on the lookup module's data.
enum TrainingFixture {
  static let root = TestPaths.fixture("training-bundle")

  /// 29 Nov 2026 23:10 in Paris, the scenario's `now`.
  static let scenarioNow = TestClock.caseStart

  static func bundle() throws -> DataBundle {
    let scenario = try FixtureLoader.scenario(in: root, path: "scenarios/lina-cergy.yaml", file: "lina.yaml")
    return DataBundle(
      root: root, library: ProtocolLibrary(files: try FixtureLoader.protocols(in: root)), scenarios: [scenario],
      places: TrainingFakePlaces(), contacts: TrainingFakeContacts())
  }

  static func reference() throws -> TrainingReference {
    let bundle = try bundle()
    return TrainingReference(bundle: bundle, scenario: try #require(bundle.scenarios.first), defaultNow: .distantPast)
  }

  static let cergy = PlaceValue(communeCode: "95127", departement: "95", label: "Cergy (95)")
  static let pontoise = PlaceValue(communeCode: "95500", departement: "95", label: "Pontoise (95)")

  /// A group's walk: the answers given (with `info` steps to acknowledge, as in the UI).
  static func groupWalk(_ answers: [(String, AnswerValue)], bundle: DataBundle) -> CaseSession {
    var session = CaseSession(library: bundle.library, protocolID: "national/orientation")
    for (step, value) in answers { session.answer(step, value) }
    return session
  }

  /// The reference answers as the group would give them.
  static let referenceAnswers: [(String, AnswerValue)] = [
    ("securite", .bool(false)), ("appelant", .choice("proche")), ("lieu", .place(cergy)), ("age", .number(17)),
    ("referent", .bool(false)), ("signes", .checklist(["fugues", "hotel"])),
  ]
}

struct TrainingFakePlaces: PlaceResolving {
  func candidates(for text: String) -> [PlaceValue] {
    switch text.lowercased() {
    case "cergy", "95000": [TrainingFixture.cergy]
    case "pontoise": [TrainingFixture.pontoise]
    case "95": [PlaceValue(communeCode: nil, departement: "95", label: "Val-d'Oise (95)")]
    default: []
    }
  }
}

struct TrainingFakeContacts: ContactResolving {
  func resolve(_ query: ContactQuery, place: PlaceValue?, age: Double?, now: Date) -> [ContactMatch] {
    if let id = query.id {
      return [ContactMatch(structureID: id, name: "Ligne \(id)", tier: .national, reason: "ligne nationale")]
    }
    return query.kinds.map {
      ContactMatch(
        structureID: "\(place?.departement ?? "??")/\($0)", name: "Structure \($0)", tier: .departement,
        reason: "dans le département")
    }
  }
}
