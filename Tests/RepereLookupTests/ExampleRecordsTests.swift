import Foundation
import RepereBase
import Testing

@testable import RepereLookup

/// A fictional record (« exemple fictif ») serves a demonstration, never a real place: it is
/// proposed only inside its own département, and always after real and national structures.
@Suite struct ExampleRecordsTests {
  let resolver = ContactResolver(directory: Fixtures.resolverDirectory)
  let monday = Fixtures.date("2026-11-30T10:00:00+01:00")

  @Test func neverProposedInANeighbouringDepartement() {
    // Saint-Denis (93) borders the 95: the fictional 95 UAPED must not be offered there.
    let saintDenis = Fixtures.places.place(insee: "93066")
    #expect(resolver.resolve(ContactQuery(kinds: ["uaped"]), place: saintDenis, age: nil, now: monday).isEmpty)
    #expect(resolver.resolve(ContactQuery(id: "95/exemple-uaped"), place: saintDenis, age: nil, now: monday).isEmpty)
  }

  @Test func neverProposedWithoutAPlace() {
    #expect(resolver.resolve(ContactQuery(kinds: ["uaped"]), place: nil, age: nil, now: monday).isEmpty)
  }

  @Test func proposedInItsOwnDepartementAndSaysItIsAnExample() throws {
    let pontoise = Fixtures.places.place(insee: "95500")
    let matches = resolver.resolve(ContactQuery(kinds: ["uaped"]), place: pontoise, age: nil, now: monday)
    #expect(matches.map(\.structureID) == ["95/exemple-uaped"])
    let reason = try #require(matches.first?.reason)
    #expect(reason.hasSuffix(ContactResolver.exampleNote))
  }

  @Test func rankedAfterTheNationalPointer() {
    // In the 95 the fictional association covers online violence, and so does the national 3018:
    // the real, national line comes first.
    let argenteuil = Fixtures.places.place(insee: "95018")
    let matches = resolver.resolve(
      ContactQuery(themes: ["violences-numeriques"]), place: argenteuil, age: nil, now: monday)
    #expect(matches.map(\.structureID) == ["national/3018", "95/exemple-ligne"])
  }
}
