import Foundation
import RepereApp
import RepereLookup
import RepereTestSupport

/// A case on the UI fixture bundle with the fixed test clock and a journal folder of its own.
struct AppTestCase {
  let folder: URL
  var journals: URL { folder.appendingPathComponent("journaux", isDirectory: true) }
  var workingDirectory: URL { folder.appendingPathComponent("travail", isDirectory: true) }

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "repere-app-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
  }

  var context: CaseContext {
    let clock = TestClock()
    return CaseContext(
      clock: { clock.now }, timeZone: TimeZone(identifier: "Europe/Paris") ?? .current,
      workingDirectory: workingDirectory, programVersion: "0.0.0-test",
      lookupCache: LookupCache.Location(folder: nil, program: nil))
  }

  /// The setup of a new case, with its services loaded (as the plain mode does).
  func setup(journaled: Bool = true, protocolID: String? = nil) throws -> CaseSetup {
    var setup = try CaseSetup.load(
      data: TestPaths.fixture("ui-bundle"), protocolID: protocolID, journals: journaled ? journals : nil,
      context: context)
    setup.services = setup.loadServices()
    return setup
  }

  func remove() {
    try? FileManager.default.removeItem(at: folder)
  }
}

/// Lines typed into and printed by a `PlainRunner`, in memory.
final class ScriptedLines {
  private var input: [String]
  private(set) var output = ""
  private(set) var errors = ""

  init(_ input: [String]) { self.input = input }

  var lines: PlainRunner.Lines {
    PlainRunner.Lines(
      read: { [self] in input.isEmpty ? nil : input.removeFirst() },
      write: { [self] in output += $0 },
      writeError: { [self] in errors += $0 })
  }
}
