import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereBundle

/// The fuzzer seeded with the hostile corpus (issue 18): each hostile bundle's data files are
/// mutated line by line (removed, repeated, cut, swapped, given a hostile fragment) and loaded
/// and checked whole. Every outcome must be findings with positions, never a crash, a hang or a
/// control character in what is printed. Fixed seed, bounded count.
@Suite struct HostileCorpusFuzzTests {
  static let roundsPerBundle = 30

  static let fragments = [
    "\u{1B}[2J", "\u{1B}]52;c;SGVsbG8=\u{07}", "\u{202E}", "&a [*a, *a, *a]", "*a", "? [a, b]", "- ]", "'",
    "format: repere/protocol@1", "format: repere/directory@1", "id: national/119", "min: 0x10", "age: 1e1",
    String(repeating: "x", count: 5_000), String(repeating: "[", count: 500), "\t- id: x", "%YAML 1.1", "---",
  ]

  static func mutate(_ text: String, _ generator: inout SeededGenerator) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      guard !lines.isEmpty else { break }
      let index = Int.random(in: 0..<lines.count, using: &generator)
      switch Int.random(in: 0..<5, using: &generator) {
      case 0: lines.remove(at: index)
      case 1: lines.insert(lines[index], at: index)
      case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &generator))
      case 3: lines[index] = String(lines[index].prefix(Int.random(in: 0...lines[index].count, using: &generator)))
      default:
        let fragment = fragments.randomElement(using: &generator) ?? ""
        let indent = String(lines[index].prefix { $0 == " " })
        lines.insert(Bool.random(using: &generator) ? indent + fragment : lines[index] + " " + fragment, at: index)
      }
    }
    return lines.joined(separator: "\n")
  }

  @Test(arguments: HostileCorpus.names)
  func mutationsOfAHostileBundleGiveFindingsNeverACrash(name: String) throws {
    let source = HostileCorpus.folder(name)
    let dataFiles = try #require(FileManager.default.enumerator(atPath: source.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".csv") }.sorted()
    try #require(!dataFiles.isEmpty)
    var generator = SeededGenerator(seed: 0x4057_1C18 &+ UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
    for _ in 0..<Self.roundsPerBundle {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "repere-hostile-fuzz-\(UUID().uuidString.prefix(8))", isDirectory: true)
      try FileManager.default.copyItem(at: source, to: folder)
      defer { try? FileManager.default.removeItem(at: folder) }
      let victim = dataFiles.randomElement(using: &generator) ?? dataFiles[0]
      let url = folder.appendingPathComponent(victim)
      let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
      try Self.mutate(text, &generator).write(to: url, atomically: true, encoding: .utf8)
      let (_, findings) = DataBundle.loadAndCheck(from: folder, today: BrokenCorpus.today)
      for finding in findings {
        #expect(finding.location.line >= 1 && finding.location.column >= 1, "\(name): \(finding)")
        #expect(!finding.code.isEmpty)
      }
      let printed = FindingReport.human(findings)
      #expect(!printed.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(name)")
    }
  }
}
