import Foundation
import RepereBase
import RepereLookup
import Testing

@testable import RepereBundle

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The corpus of hostile bundles (issue 18): folders under Fixtures/hostile built to harm a case
/// (shadowed contacts, escape sequences, …). Each has an `expected.txt` like the broken corpus;
/// the tests below also check what the attack must not achieve.
enum HostileCorpus {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures/hostile")

  static var names: [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return entries.filter { !$0.hasPrefix(".") }.sorted()
  }

  static func folder(_ name: String) -> URL { root.appendingPathComponent(name) }

  static func expectation(_ name: String) throws -> (code: String, location: String) {
    let text = try String(contentsOf: folder(name).appendingPathComponent("expected.txt"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty })
    let parts = line.split(separator: " ")
    try #require(parts.count == 2, "expected.txt of \(name) must read 'code file:line:column'")
    return (String(parts[0]), String(parts[1]))
  }
}

@Suite struct HostileBundleTests {
  @Test(arguments: HostileCorpus.names)
  func eachHostileBundleIsRefusedWithItsFinding(name: String) throws {
    let (code, location) = try HostileCorpus.expectation(name)
    let (_, findings) = DataBundle.loadAndCheck(from: HostileCorpus.folder(name), today: BrokenCorpus.today)
    let found = findings.map { "\($0.code) \($0.location)" }
    #expect(found.contains("\(code) \(location)"), "\(name): \(found)")
    for finding in findings {
      #expect(finding.location.line >= 1 && finding.location.column >= 1)
      // No finding carries a terminal control character once sanitised for display.
      #expect(TerminalText.sanitized(finding.description).unicodeScalars.allSatisfy { $0.value >= 0x20 })
    }
    // Refused (errors) or at least flagged (warnings fail under --strict).
    #expect(FindingReport.exitStatus(findings, strict: true) != 0)
    #expect(!FindingReport.human(findings).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
  }

  /// Issue 18, point 1: a file sorted before `national.yaml` reuses `national/119`.
  @Test func aDuplicatedIDIsALoadErrorAndServesNeitherRecord() throws {
    let (bundle, loadFindings) = DataBundle.load(from: HostileCorpus.folder("duplicate-id-shadow"))
    // A load finding (what the interface, walk and find show), not only a `check` one, naming
    // the file that holds the first record.
    let duplicate = try #require(loadFindings.first { $0.code == "duplicate-id" })
    #expect(duplicate.severity == .error)
    #expect(duplicate.location.description == "annuaire/national.yaml:5:9")
    #expect(duplicate.message.contains("annuaire/a-faux.yaml:5:9"))
    let directory = try #require(bundle.directory)
    #expect(directory.duplicatedIDs == ["national/119"])
    #expect(directory.structure(id: "national/119") == nil)
    let contacts = try #require(bundle.contacts)
    let matches = contacts.resolve(
      ContactQuery(id: "national/119"), place: nil, age: nil, now: BrokenCorpus.today)
    #expect(matches.isEmpty, "the fake 119 must never be served: \(matches.map(\.name))")
    // `check` reports it once.
    let (_, all) = DataBundle.loadAndCheck(
      from: HostileCorpus.folder("duplicate-id-shadow"), today: BrokenCorpus.today)
    #expect(all.filter { $0.code == "duplicate-id" }.count == 1)
  }

  /// Issue 18, point 5: one unbroken 1 MB word in a step's text: a `text-too-long` finding at
  /// its position, and the loaded text is cut with its mark, so no screen lays out more.
  @Test func aOneMegabyteTextIsReportedAndServedCut() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "repere-hostile-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try String(
      contentsOf: HostileCorpus.folder("unbroken-long-word").appendingPathComponent("p.yaml"), encoding: .utf8)
    let word = String(repeating: "abcdefghij", count: 100_000)
    let text = template.replacingOccurrences(of: String(repeating: "abcdefghij", count: 410), with: word)
    try text.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
    let (bundle, findings) = DataBundle.loadAndCheck(from: folder, today: BrokenCorpus.today)
    #expect(findings.map { "\($0.code) \($0.location)" }.contains("text-too-long p.yaml:9:11"), "\(findings)")
    let step = try #require(bundle.library.protocolDefinition("t/base")?.step("q"))
    #expect(step.text?.count == TextLimits.maximumFieldLength)
    #expect(step.text?.hasSuffix(TextLimits.cutMark) == true)
  }

  /// Issue 18, point 5: a FIFO named `*.yaml` blocked `find` and the UI forever; a data file past
  /// the size limit was read whole (2.2 GB resident for 200 MB).
  @Test func aFIFOAndAnOversizedFileAreRefusedWithoutReadingThem() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "repere-hostile-\(UUID().uuidString.prefix(8))", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(mkfifo(folder.appendingPathComponent("tube.yaml").path, 0o600) == 0)
    // Sparse: 65 MiB on paper, nothing on disk.
    let big = folder.appendingPathComponent("annuaire.csv")
    #expect(FileManager.default.createFile(atPath: big.path, contents: Data("id;nom\n".utf8)))
    let handle = try FileHandle(forWritingTo: big)
    try handle.truncate(atOffset: UInt64(DataFileReader.maximumSize + 1_048_576))
    try handle.close()
    #expect(DataFolder.declaredFormat(folder.appendingPathComponent("tube.yaml")) == nil)
    let (_, findings) = DataBundle.loadAndCheck(from: folder, today: BrokenCorpus.today)
    let found = findings.map { "\($0.code) \($0.location)" }
    #expect(found.contains("not-a-regular-file tube.yaml:1:1"), "\(found)")
    #expect(found.contains("file-too-large annuaire.csv:1:1"), "\(found)")
  }
}
