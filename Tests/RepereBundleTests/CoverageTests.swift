import Foundation
import RepereBase
import RepereLookup
import RepereTestSupport
import Testing

@testable import RepereBundle

/// `repere coverage` on the shipped bundle: the report, its JSON and CSV, and the map's golden
/// pictures at 80×24 and 120×40 (monochrome; colour is checked for its escapes). To regenerate the
/// pictures after an intended change: `RECORD_SNAPSHOTS=1 swift test --filter CoverageTests`,
/// then review the diff like code.
@Suite struct CoverageTests {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  static let now = BrokenCorpus.today

  static let report: CoverageReport? = {
    let (bundle, _) = DataBundle.load(from: ShippedBundleTests.root)
    guard let resolver = bundle.contacts, let reference = bundle.reference else { return nil }
    return CoverageReport.build(library: bundle.library, resolver: resolver, reference: reference, now: now)
  }()

  static var departements: [Departement] {
    DataBundle.load(from: ShippedBundleTests.root).0.reference?.departements ?? []
  }

  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func everyDepartementAndQueryIsThereMostSeriousGapsFirst() throws {
    let report = try #require(Self.report)
    #expect(report.rows.count == 104)
    #expect(!report.queries.isEmpty)
    #expect(report.rows.allSatisfy { $0.tiers.count == report.queries.count })
    let gaps = report.rows.map(\.seriousGaps)
    #expect(gaps == gaps.sorted(by: >))
    // A national line answers everywhere: no query that one answers is « aucune ».
    #expect(report.rows.allSatisfy { $0.seriousGaps <= $0.gaps })
  }

  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func jsonAndCSVCarryEveryDepartement() throws {
    let report = try #require(Self.report)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    #expect((json["departements"] as? [Any])?.count == 104)
    let csv = report.csv().split(separator: "\n")
    #expect(csv.count == 105)
    #expect(csv.first?.hasPrefix("departement,nom,lacunes_graves,lacunes,") == true)
  }

  static let mapSizes = [(80, 24), (120, 40)]

  @Test func everyGoldenMapIsProducedByATest() {
    let produced = Set(Self.mapSizes.map { "coverage-map-\($0.0)x\($0.1).txt" })
    let orphans = Golden.orphans(in: Self.golden, produced: produced)
    #expect(orphans.isEmpty, "golden maps no test produces: \(orphans)")
  }

  /// The legend is wrapped, never cut, and Paris with its inner ring (too small on the map to
  /// carry a label) is listed beside it, as overseas is.
  @Test(.enabled(if: ShippedBundleTests.isPresent), arguments: mapSizes)
  func legendIsWholeAndParisIsNamed(width: Int, height: Int) throws {
    let report = try #require(Self.report)
    let picture = CoverageMap(report: report, departements: Self.departements).render(
      width: width, height: height, color: false)
    // Three legend lines and the footer each end in « locale »: a cut legend loses one.
    #expect(picture.components(separatedBy: "locale").count - 1 == 4, "\(picture)")
    #expect(picture.contains("la moitié au plus sans") && picture.contains("plus de la moitié sans"))
    let lines = picture.split(separator: "\n").map(String.init)
    let title = try #require(lines.firstIndex { $0.contains("Paris et petite couronne :") })
    let inset = lines[(title + 1)...].prefix(2).joined(separator: "\n")
    for code in CoverageMap.parisAndInnerRing {
      #expect(inset.contains(code + "█") || inset.contains(code + "▒") || inset.contains(code + "░"))
    }
  }

  @Test(.enabled(if: ShippedBundleTests.isPresent), arguments: mapSizes)
  func mapMatchesItsGoldenPicture(width: Int, height: Int) throws {
    let report = try #require(Self.report)
    let map = CoverageMap(report: report, departements: Self.departements)
    let picture = map.render(width: width, height: height, color: false)
    let lines = picture.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == height)
    #expect(lines.allSatisfy { $0.count <= width })
    #expect(!picture.contains("\u{1B}"))
    let url = Self.golden.appendingPathComponent("coverage-map-\(width)x\(height).txt")
    if let problem = Golden.problem(comparing: picture + "\n", with: url) { Issue.record(Comment(rawValue: problem)) }
    let colored = map.render(width: width, height: height, color: true)
    #expect(colored.contains("\u{1B}[30;42m") || colored.contains("\u{1B}[30;43m") || colored.contains("\u{1B}[97;41m"))
  }

  /// `--size` takes two positive whole numbers; a slip far past any terminal (`100000x100000`
  /// took minutes) draws the largest map instead.
  @Test(.enabled(if: ShippedBundleTests.isPresent))
  func mapSizeIsParsedAndBounded() throws {
    #expect(CoverageMap.size(parsing: "120x40")! == (120, 40))
    #expect(CoverageMap.size(parsing: "120X40")! == (120, 40))
    for wrong in ["", "120", "120x", "x40", "0x40", "120x0", "-3x10", "12x40x2", "abcxdef", "120 x 40"] {
      #expect(CoverageMap.size(parsing: wrong) == nil, "\(wrong)")
    }
    let report = try #require(Self.report)
    let map = CoverageMap(report: report, departements: Self.departements)
    let huge = map.render(width: 100_000, height: 100_000, color: false).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(huge.count == CoverageMap.maximumSize.height)
    #expect(huge.allSatisfy { $0.count <= CoverageMap.maximumSize.width })
    let tiny = map.render(width: 1, height: 1, color: false).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(tiny.count == CoverageMap.minimumSize.height)
  }
}
