import Foundation
import RepereBase
import RepereJournal
import RepereRules
@_exported import RepereTestSupport
import Testing

@testable import RepereUI

/// The fixture protocol and fake data services, at a fixed clock, for screens and updates.
enum TestWorld {
  /// 29 Nov 2026 23:10 in Paris (a Sunday night call).
  static let now = TestClock.caseStart

  static let packageRoot = TestPaths.packageRoot
  static let fixtureBundle = TestPaths.fixture("ui-bundle")

  static func library() throws -> ProtocolLibrary {
    ProtocolLibrary(files: try FixtureLoader.protocols(in: fixtureBundle))
  }

  static func walker() throws -> RulesCaseWalker {
    RulesCaseWalker(
      session: CaseSession(library: try library(), protocolID: "national/orientation"),
      today: CalendarDay(year: 2026, month: 11, day: 29))
  }

  static let services: AppServices = {
    var services = AppServices(directory: FakeDirectory(), places: FakePlaces(), contacts: FakeContacts())
    services.dataFolder = "/srv/repere/donnees (option --data)"
    return services
  }()

  /// A fresh state on the first question.
  static func state(size: GridSize = .minimum, language: Language = .fr) throws -> AppState {
    let (state, _) = UIProgram.start(
      walker: try walker(), services: services, language: language, size: size, now: now)
    return state
  }

  /// Two cases left unfinished: one resumable (answered twice in Cergy), one open elsewhere.
  static let unfinished: [UnfinishedCase] = [
    UnfinishedCase(
      id: "k3v9q2m7x4aa", startedAt: now.addingTimeInterval(-3_900), lastEntryAt: now.addingTimeInterval(-3_300),
      protocolTitle: "Orientation nationale", placeLabel: "Cergy (95)", levelID: "information-preoccupante",
      answerCount: 2, inUse: false),
    UnfinishedCase(
      id: "p8w2c6d1r5bb", startedAt: now.addingTimeInterval(-600), lastEntryAt: now.addingTimeInterval(-120),
      protocolTitle: "Orientation nationale", placeLabel: nil, levelID: nil, answerCount: 1, inUse: true),
  ]

  /// A fresh state whose services arrived with `unfinished` cases to offer.
  static func stateOfferingResume(size: GridSize = .minimum, language: Language = .fr) throws -> AppState {
    var services = self.services
    services.unfinishedCases = unfinished
    return UIProgram.servicesLoaded(try state(size: size, language: language), services).0
  }

  /// Applies keys one after the other, collecting effects (journal writes acknowledged).
  static func press(_ keys: [KeyPress], on state: AppState) -> (AppState, [Effect]) {
    var current = state
    var all: [Effect] = []
    for key in keys {
      let (next, effects) = UIProgram.update(current, .key(key))
      current = next
      all += effects
      for case .journal(let events) in effects {
        current = UIProgram.update(current, .journalSaved(count: events.count)).0
      }
    }
    return (current, all)
  }

  static func type(_ text: String) -> [KeyPress] { text.map { .character($0) } }

  /// The state after answering: no danger, a professional, Cergy (95) or `place`, 15, hotel +
  /// runaways.
  static func finishedCase(size: GridSize = .minimum, place: String = "95", language: Language = .fr) throws
    -> AppState
  {
    let keys: [KeyPress] =
      [.character("2"), .character("1")] + type(place) + [.enter] + type("15") + [.enter] + [.character("2")]
      + [.character("1"), .character("2"), .enter]
    var state = press(keys, on: try self.state(size: size, language: language)).0
    state = UIProgram.update(state, .tick(now.addingTimeInterval(192))).0
    return state
  }
}

struct FakePlaces: PlaceResolving {
  func candidates(for text: String) -> [PlaceValue] {
    switch text.lowercased() {
    case "95", "95000", "cergy": [PlaceValue(communeCode: "95127", departement: "95", label: "Cergy (95)")]
    case "93", "93200": [PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)")]
    case "27", "27000": [PlaceValue(communeCode: "27229", departement: "27", label: "Évreux (27)")]
    case "saint-denis":
      [
        PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)"),
        PlaceValue(communeCode: "97411", departement: "974", label: "Saint-Denis (974)"),
      ]
    default: []
    }
  }
}

struct FakeDirectory: DirectoryBrowsing {
  static let records: [StructureDetail] = [
    StructureDetail(
      id: "national/119", name: "119 — Allô Enfance en Danger", types: ["Ligne d'écoute nationale"],
      description: "Écoute, conseil et transmission des informations préoccupantes, 24 h/24.",
      phones: [.init(number: "119", label: "24 h/24, 7 j/7, gratuit")], hours: "24/7", openNow: true,
      website: "https://www.allo119.gouv.fr", source: "Sources publiques", updated: "2026-11-01"),
    StructureDetail(
      id: "95/crip-exemple", name: "EXEMPLE — CRIP du Val-d'Oise", types: ["CRIP"],
      phones: [.init(number: "01 99 00 95 01", label: "numéro fictif (exemple)")], address: "95000 Cergy",
      hours: "Mo-Fr 09:00-17:30; PH off", openNow: false, email: "crip@departement95.example", isExample: true,
      source: "Exemple fictif — données de démonstration", updated: "2026-11-01"),
    StructureDetail(
      id: "95/parquet-exemple", name: "EXEMPLE — Parquet des mineurs", types: ["Parquet"],
      phones: [.init(number: "01 99 00 95 02", label: "numéro fictif (exemple) — permanence")],
      address: "95300 Pontoise", hours: "Mo-Fr 09:00-18:00", openNow: false, professionalsOnly: true,
      isExample: true, source: "Exemple fictif — données de démonstration", updated: "2026-11-01"),
    StructureDetail(
      id: "95/association-exemple", name: "EXEMPLE — Association d'aller-vers", types: ["Association"],
      phones: [.init(number: "01 99 00 95 03", label: nil)], hours: "\"sur rendez-vous\"",
      hoursComment: "sur rendez-vous",
      openNow: nil, isExample: true, source: "Exemple fictif — données de démonstration"),
  ]

  func search(_ text: String, near place: PlaceValue?, now: Date, limit: Int) -> [StructureSummary] {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    return Self.records.filter {
      folded.isEmpty
        || $0.name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).contains(folded)
    }.prefix(limit).map {
      StructureSummary(
        id: $0.id, name: $0.name, subtitle: $0.types.joined(separator: ", ") + ($0.address.map { " · \($0)" } ?? ""),
        openNow: $0.openNow, isExample: $0.isExample)
    }
  }

  func detail(_ id: String, now: Date) -> StructureDetail? {
    Self.records.first { $0.id == id }
  }

  func kindLabel(_ id: String) -> String { ["parquet": "Parquet", "crip": "CRIP"][id] ?? id }
}

struct FakeContacts: ContactResolving {
  func resolve(_ query: ContactQuery, place: PlaceValue?, age: Double?, now: Date) -> [ContactMatch] {
    if let id = query.id {
      return [ContactMatch(structureID: id, name: name(id), tier: .national, reason: "ligne nationale", openNow: true)]
    }
    // The Eure (27) has no local record: its local queries find nothing.
    guard place?.departement != "27" else { return [] }
    let byKind = ["crip": "95/crip-exemple", "parquet": "95/parquet-exemple", "association": "95/association-exemple"]
    let ids = query.kinds.compactMap { byKind[$0] }
    return ids.map {
      ContactMatch(
        structureID: $0, name: name($0), tier: .departement,
        reason: "dans le département (\(place?.departement ?? "?"))",
        openNow: $0.hasSuffix("association-exemple") ? nil : false)
    }
  }

  private func name(_ id: String) -> String {
    FakeDirectory.records.first { $0.id == id }?.name ?? id
  }
}
