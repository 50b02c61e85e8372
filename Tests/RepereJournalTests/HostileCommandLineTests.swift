import Foundation
import RepereTestSupport
import Testing

@testable import RepereJournal

/// Issue 18 through the real `repere` executable: escape sequences in data never reach stderr
/// (point 2); `journal export -o` refuses to overwrite without --force (point 3); a journal write
/// that fails (a file-size limit plays the full disk) is never reported as saved (point 4).
@Suite(
  .tags(.endToEnd), .serialized,
  .enabled(if: BuiltProducts.exists("repere"), "needs `swift build` to have built repere"))
struct HostileCommandLineTests {
  private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  private static let hostile = repository.appendingPathComponent("Tests/RepereBundleTests/Fixtures/hostile")

  private func run(_ arguments: [String], in folder: URL, shell: Bool = false) throws -> (
    SpawnedProcess.Ending, String, String
  ) {
    let environment = [
      "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "HOME": folder.path, "LANG": "C.UTF-8",
      "REPERE_NO_CACHE": "1",
      "PATH": "/usr/bin:/bin",
    ]
    let executable = shell ? URL(fileURLWithPath: "/bin/sh") : try BuiltProducts.executable(named: "repere")
    let process = try SpawnedProcess.spawn(
      executable, arguments, outputIn: folder, name: "repere",
      environment: environment)
    let status = process.wait()
    let output = (try? String(contentsOf: process.stdout, encoding: .utf8)) ?? ""
    return (status, output, process.errorText())
  }

  private func hasControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) }
  }

  @Test func findAndWalkNeverCopyEscapeSequencesToStderr() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // The hostile directory file beside the real reference data (`find` needs places).
    let bundle = folder.url.appendingPathComponent("bundle", isDirectory: true)
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.hostile.appendingPathComponent("raw-escape-in-yaml/annuaire.yaml"),
      to: bundle.appendingPathComponent("annuaire.yaml"))
    try FileManager.default.createSymbolicLink(
      at: bundle.appendingPathComponent("reference"),
      withDestinationURL: Self.repository.appendingPathComponent("Protocols/reference"))
    let data = bundle.path
    let (findStatus, findOutput, findErrors) = try run(["find", "x", "--data", data], in: folder.url)
    #expect(findStatus != .signaled(SIGILL))
    #expect(findErrors.contains("annuaire.yaml:6"), "the finding is still reported: \(findErrors)")
    #expect(!hasControl(findErrors) && !hasControl(findOutput))
    let (_, checkOutput, checkErrors) = try run(["check", "--json", "--data", data], in: folder.url)
    #expect(!hasControl(checkOutput) && !hasControl(checkErrors))
  }

  @Test func exportRefusesToReplaceAFileWithoutForce() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let journals = folder.url.appendingPathComponent("state/repere", isDirectory: true)
    let journal = try Fixtures.store(in: journals, clock: TestClock(Fixtures.caseStart)).create(Fixtures.start)
    journal.suspendSettled()
    let target = folder.url.appendingPathComponent("synthese.md")
    try Data("à garder".utf8).write(to: target)
    let (refused, _, errors) = try run(["journal", "export", "lea15hotel22", "-o", target.path], in: folder.url)
    #expect(refused == .exited(1))
    #expect(errors.contains("existe déjà ; ajoutez --force"))
    #expect(try String(contentsOf: target, encoding: .utf8) == "à garder")
    let (forced, _, _) = try run(
      ["journal", "export", "lea15hotel22", "-o", target.path, "--force"], in: folder.url)
    #expect(forced == .exited(0))
    #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("# Synthèse"))
    #expect(permissions(of: target) == 0o600)
    let (device, _, deviceErrors) = try run(
      ["journal", "export", "lea15hotel22", "-o", "/dev/null", "--force"], in: folder.url)
    #expect(device == .exited(1))
    #expect(deviceErrors.contains("n'est pas un fichier ordinaire"))
  }

  /// Point 2: the one line of a runtime failure and a usage error both quote what was typed;
  /// an escape sequence in an argument never reaches stderr.
  @Test func failureAndUsageLinesAreSanitised() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let hostile = "\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}[2Jx"
    for arguments in [["journal", "show", hostile], ["--data", "/nonexistent/\(hostile)", "check"], [hostile]] {
      let (status, output, errors) = try run(arguments, in: folder.url)
      #expect(status != .exited(0), "\(arguments)")
      #expect(!errors.isEmpty, "\(arguments)")
      #expect(!hasControl(errors) && !hasControl(output), "\(arguments): \(errors.debugDescription)")
    }
  }

  /// Point 10: a journal left 0644 (a copy, a restore) is tightened by `list`, `show` and
  /// `export`, each saying so on stderr.
  @Test func listShowAndExportTightenATooOpenJournalAndSaySo() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let journals = folder.url.appendingPathComponent("state/repere", isDirectory: true)
    let journal = try Fixtures.store(in: journals, clock: TestClock(Fixtures.caseStart)).create(Fixtures.start)
    journal.suspendSettled()
    for command in [["journal", "list"], ["journal", "show", journal.id], ["journal", "export", journal.id]] {
      chmod(journal.url.path, 0o644)
      let (status, _, errors) = try run(command, in: folder.url)
      #expect(status == .exited(0), "\(command): \(errors)")
      #expect(errors.contains("resserrés de 0644 à 0600"), "\(command): \(errors)")
      #expect(permissions(of: journal.url) == 0o600, "\(command)")
    }
  }

  /// `ulimit -f` makes every journal write past 1 KiB fail (EFBIG) as a full disk would; the
  /// output goes through a pipe, which the limit does not touch.
  @Test func aFailedJournalWriteIsNeverReportedAsSaved() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let repere = try BuiltProducts.executable(named: "repere").path
    let data = Self.repository.appendingPathComponent("Protocols").path
    let journals = folder.url.appendingPathComponent("journaux").path
    let script = """
      trap '' XFSZ
      { printf '2\\n2\\n1\\n:quitter\\no\\n' | (ulimit -f 2; exec '\(repere)' start --plain --data '\(data)' \
      --journal '\(journals)' 2>&1); echo "status $?"; } | cat
      """
    let (_, output, _) = try run(["-c", script], in: folder.url, shell: true)
    #expect(output.contains("ÉCHEC d'écriture du journal"), "\(output)")
    #expect(output.contains("NON ENREGISTRÉE(S)"), "\(output)")
    #expect(output.contains("status 1"), "\(output)")
    #expect(!output.contains("reste enregistré"), "\(output)")
  }

  /// Point 8: the interface refuses what `check` rejects (a walk loop, a duplicated step id).
  @Test(arguments: ["walk-loop", "duplicate-step-id"])
  func startRefusesAProtocolCheckRejects(name: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = Self.repository.appendingPathComponent("Tests/RepereBundleTests/Fixtures/broken/\(name)").path
    let (status, _, errors) = try run(["start", "--plain", "--data", data], in: folder.url)
    #expect(status == .exited(2), "\(errors)")
    #expect(errors.contains("[\(name)]"), "\(errors)")
  }
}
