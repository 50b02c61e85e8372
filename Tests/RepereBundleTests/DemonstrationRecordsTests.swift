import Foundation
import RepereBase
import RepereLookup
import Testing

@testable import RepereBundle

/// The shipped bundle is a demonstration: it holds fictional records, every output says so, and
/// `check --deploy` refuses it, pointing at each record.
@Suite struct DemonstrationRecordsTests {
  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func shippedBundleHoldsFictionAndCannotBeDeployed() throws {
    let (bundle, _) = DataBundle.load(from: ShippedBundleTests.root)
    #expect(bundle.holdsFiction)
    #expect(DataFolder.holdsFiction(in: ShippedBundleTests.root))
    let findings = bundle.deploymentFindings()
    #expect(findings.allSatisfy { $0.code == "fictional-record" && $0.severity == .error })
    let crip = try #require(findings.first { $0.message.contains("« 95/crip-exemple »") })
    #expect(crip.location.file == "annuaire/exemple-95.yaml")
    #expect(crip.location.line > 1)
    // Every fictional structure is named; the national records are not.
    #expect(!findings.contains { $0.message.contains("« national/") })
    #expect(findings.count == bundle.fictionalRecords.count)
  }

  @Test func aBundleWithoutFictionIsDeployable() {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/good")
    let (bundle, _) = DataBundle.load(from: root)
    #expect(!bundle.holdsFiction)
    #expect(!DataFolder.holdsFiction(in: root))
    #expect(bundle.deploymentFindings().isEmpty)
  }

  /// The practitioner's cases: a fictional Val-d'Oise UAPED offered in Saint-Denis and Paris 18e,
  /// a fictional Oise association offered to a Lille family, trafficking structures offered as
  /// generic nearby help. None of them may come back.
  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func realPlacesGetNoFictionAndNoTraffickingStructureAsGenericHelp() throws {
    let (bundle, _) = DataBundle.load(from: ShippedBundleTests.root)
    let contacts = try #require(bundle.contacts)
    let places = try #require(bundle.placeIndex)
    let now = Date(timeIntervalSince1970: 1_796_000_000)
    let uaped = ContactQuery(kinds: ["uaped"], limit: 1)
    let nearby = ContactQuery(kinds: ["association"], themes: ["prostitution-mineurs"], limit: 3)
    for insee in ["93066", "75118", "59350"] {
      let place = try #require(places.place(insee: insee))
      let found =
        (contacts.resolve(uaped, place: place, age: 15, now: now)
        + contacts.resolve(nearby, place: place, age: 15, now: now)).map(\.structureID)
      #expect(!found.contains { $0.hasPrefix("95/") || $0.hasPrefix("60/") }, "\(insee): \(found)")
      #expect(!found.contains("idf/hors-la-rue") && !found.contains("national/koutcha"), "\(insee): \(found)")
    }
    // In its own département a fictional record still comes, after the national pointers.
    let cergy = try #require(places.place(insee: "95127"))
    let local = contacts.resolve(nearby, place: cergy, age: 15, now: now).map(\.structureID)
    let example = try #require(local.firstIndex(of: "95/association-mineurs-exemple"))
    #expect(local.prefix(upTo: example).allSatisfy { $0.hasPrefix("national/") }, "\(local)")
  }
}
