import Foundation
import RepereBase
import Testing

@testable import RepereRules

@Suite struct OverlayTests {
  @Test func mergeReplacesAddsAndRemoves() throws {
    let library = try Fixtures.library(Fixtures.orientation, Fixtures.overlay95)
    let merged = try #require(library.protocolDefinition("95/orientation"))
    #expect(merged.step("age")?.text == "Âge (95) ?")
    #expect(merged.step("referent") != nil)
    #expect(merged.step("conseil-info") == nil)
    #expect(merged.start == "securite")
    #expect(merged.levels == ProtocolDefinition.defaultLevels)
    #expect(merged.dispositions["ip-crip"]?.title == "IP 95")
    #expect(merged.dispositions["conseil"]?.title == "Conseil")
    #expect(merged.sources["casf"] != nil)
    #expect(merged.files == ["p0.yaml", "p1.yaml"])
    // Replaced steps keep their place in the base's order.
    #expect(merged.steps.map(\.id).prefix(3) == ["securite", "lieu", "age"])
  }

  @Test func protocolForPicksTheOverlayOfTheDepartement() throws {
    let library = try Fixtures.library(Fixtures.orientation, Fixtures.overlay95)
    #expect(library.protocolFor(baseID: "national/orientation", departement: "95")?.id == "95/orientation")
    #expect(library.protocolFor(baseID: "national/orientation", departement: "93")?.id == "national/orientation")
    #expect(library.protocolFor(baseID: "national/orientation", departement: nil)?.id == "national/orientation")
    #expect(library.protocolFor(baseID: "95/orientation", departement: "93")?.id == "national/orientation")
    #expect(library.root(of: "95/orientation") == "national/orientation")
  }

  @Test func overlaysCheckCleanAndMeetingProblemsNameBothSides() throws {
    let library = try Fixtures.library(Fixtures.orientation, Fixtures.overlay95)
    #expect(ProtocolChecker.check(library: library, today: nil).isEmpty)
    let removing = Fixtures.overlay95.replacingOccurrences(
      of: "remove: [conseil-info]", with: "remove: [conseil-info, lieu]")
    let broken = try Fixtures.library(Fixtures.orientation, removing)
    let findings = ProtocolChecker.check(library: broken, today: nil)
    let missing = try #require(findings.first { $0.code == "missing-step" })
    #expect(missing.location.file == "p0.yaml")
    #expect(missing.message.contains("que la déclinaison « 95/orientation » retire"))
    #expect(missing.related.first?.file == "p1.yaml")
  }

  @Test func overlayCyclesAndMissingBases() {
    let a = ProtocolDefinition(
      id: "a", title: "a", version: "1", start: "", steps: [], extends: "b",
      location: .init(file: "a.yaml", line: 1, column: 1))
    let b = ProtocolDefinition(
      id: "b", title: "b", version: "1", start: "", steps: [], extends: "a",
      location: .init(file: "b.yaml", line: 1, column: 1))
    let c = ProtocolDefinition(
      id: "c", title: "c", version: "1", start: "", steps: [], extends: "zz",
      location: .init(file: "c.yaml", line: 1, column: 1))
    let library = ProtocolLibrary(files: [a, b, c])
    let codes = ProtocolChecker.check(library: library, today: nil).map(\.code)
    #expect(codes == ["overlay-cycle", "overlay-cycle", "missing-base"])
    #expect(library.protocolFor(baseID: "a", departement: "93") != nil)
  }
}
