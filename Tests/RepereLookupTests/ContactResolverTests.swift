import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct ContactResolverTests {
  let resolver = ContactResolver(directory: Fixtures.resolverDirectory)
  let monday = Fixtures.date("2026-11-30T10:00:00+01:00")
  let saintDenis = Fixtures.places.place(insee: "93066")

  @Test func localStructureStopsTheWidening() {
    let matches = resolver.resolve(ContactQuery(kinds: ["crip"]), place: saintDenis, age: nil, now: monday)
    #expect(matches.map(\.structureID) == ["93/crip"])
    #expect(matches.first?.tier == .departement)
    #expect(matches.first?.reason == "dans le département (93)")
    #expect(matches.first?.openNow == true)
    #expect((matches.first?.distanceKm ?? 0) > 5)
  }

  @Test func widensToNeighboursAndSaysWhy() throws {
    // No association in the 93 (the only one is inactive): the neighbours' come next.
    let matches = resolver.resolve(ContactQuery(kinds: ["association"]), place: saintDenis, age: nil, now: monday)
    #expect(Set(matches.map(\.structureID)) == ["95/oeuvre-ete", "77/asso-nuit"])
    #expect(matches.allSatisfy { $0.tier == .voisin })
    let oeuvre = try #require(matches.first { $0.structureID == "95/oeuvre-ete" })
    #expect(oeuvre.reason == "département voisin (95) : aucune fiche de ce type dans l'annuaire pour le 93")
  }

  @Test func widensToNationalAndStopsAtWithin() {
    let national = resolver.resolve(
      ContactQuery(themes: ["violences-numeriques"]), place: saintDenis, age: nil, now: monday)
    #expect(national.map(\.structureID) == ["national/3018"])
    #expect(national.first?.reason == "national : aucune fiche de ce type dans l'annuaire pour le 93 ni alentour")
    let bounded = resolver.resolve(
      ContactQuery(themes: ["violences-numeriques"], within: .region), place: saintDenis, age: nil, now: monday)
    #expect(bounded.isEmpty)
    let departementOnly = resolver.resolve(
      ContactQuery(kinds: ["association"], within: .departement), place: saintDenis, age: nil, now: monday)
    #expect(departementOnly.isEmpty)
  }

  @Test func regionLevel() {
    // Nice (06): no CRIP in the 06 nor its neighbours; the Bouches-du-Rhône is in the same region.
    let nice = Fixtures.places.place(insee: "06088")
    let matches = resolver.resolve(ContactQuery(kinds: ["crip"]), place: nice, age: nil, now: monday)
    #expect(matches.map(\.structureID) == ["13/crip"])
    #expect(matches.first?.tier == .region)
    #expect(matches.first?.reason.hasPrefix("même région (Provence-Alpes-Côte d'Azur)") == true)
  }

  @Test func openNowAgeLimitAndID() {
    let late = Fixtures.date("2026-11-30T23:30:00+01:00")
    let themed = ContactQuery(themes: ["prostitution-mineurs"], open: .now)
    // At 23:30 the local MDA is closed: with open: now the widening goes on to the open night
    // shelter, and the national line (open 24/7) completes the list.
    #expect(
      resolver.resolve(themed, place: saintDenis, age: nil, now: late).map(\.structureID) == [
        "77/asso-nuit", "national/119",
      ])
    let byAge = ContactQuery(themes: ["prostitution-mineurs"], ageVariable: "age")
    #expect(
      resolver.resolve(byAge, place: saintDenis, age: 15, now: monday).map(\.structureID) == ["93/mda", "national/119"])
    #expect(
      resolver.resolve(byAge, place: saintDenis, age: 30, now: monday).map(\.structureID) == [
        "77/asso-nuit", "national/119",
      ])
    let limited = ContactQuery(themes: ["prostitution-mineurs"], limit: 1)
    #expect(resolver.resolve(limited, place: saintDenis, age: nil, now: monday).map(\.structureID) == ["93/mda"])
    let byID = resolver.resolve(ContactQuery(id: "national/119"), place: saintDenis, age: nil, now: monday)
    #expect(byID.map(\.structureID) == ["national/119"])
    #expect(byID.first?.reason == "désignée par le protocole — national")
    #expect(resolver.resolve(ContactQuery(id: "nope"), place: saintDenis, age: nil, now: monday).isEmpty)
  }
}

@Suite struct ContactResolverCompletionTests {
  let resolver = ContactResolver(directory: Fixtures.resolverDirectory)
  let monday = Fixtures.date("2026-11-30T10:00:00+01:00")
  let saintDenis = Fixtures.places.place(insee: "93066")

  @Test func nationalStructuresCompleteAShortLocalListAndSaySo() throws {
    let query = ContactQuery(themes: ["prostitution-mineurs"], limit: 3)
    let matches = resolver.resolve(query, place: saintDenis, age: 15, now: monday)
    #expect(matches.first?.structureID == "93/mda")
    let national = try #require(matches.first { $0.structureID == "national/119" })
    #expect(national.tier == .national)
    #expect(national.reason == ContactResolver.nationalComplement)
  }

  @Test func neighboursDoNotCompleteALocalList() {
    // A CRIP in the 93: the neighbours' CRIPs are not competent and there is no national CRIP.
    let matches = resolver.resolve(ContactQuery(kinds: ["crip"], limit: 3), place: saintDenis, age: nil, now: monday)
    #expect(matches.map(\.structureID) == ["93/crip"])
  }

  @Test func withoutAPlaceOnlyNationalStructuresAreProposed() {
    // A département's CRIP would be a wrong answer for a case whose place is unknown.
    #expect(resolver.resolve(ContactQuery(kinds: ["crip"]), place: nil, age: nil, now: monday).isEmpty)
    let themed = resolver.resolve(ContactQuery(themes: ["prostitution-mineurs"]), place: nil, age: nil, now: monday)
    #expect(themed.map(\.structureID) == ["national/119"])
    #expect(themed.allSatisfy { $0.tier == .national })
  }
}

@Suite struct ResourceCentreTests {
  @Test func upcomingEventsFirstThenMatches() {
    let today = CalendarDay(year: 2026, month: 11, day: 29)
    let hits = Fixtures.data.resources.search("prostitution", today: today)
    #expect(hits.map(\.resource.id) == ["journee-95", "colloque-passe", "guide-reperage"])
    #expect(hits.first?.isUpcomingEvent == true)
    #expect(Fixtures.data.resources.search("fiche reflexe", today: today).map(\.resource.id) == ["fiche-ip"])
    #expect(
      Fixtures.data.resources.search("", themes: ["enfance-en-danger"], today: today).map(\.resource.id) == ["fiche-ip"]
    )
  }
}
