import Foundation
import RepereTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The case-journal issue: after a dropped connection (the terminal closes: SIGHUP) or a
/// `kill -9`, the next start offers the unfinished case and resumes it exactly where it stood.
@Suite(.tags(.endToEnd), .serialized) struct ResumeOfferEndToEndTests {
  enum Ending: String, CaseIterable {
    /// tmux's server killed: the terminal is gone, the program gets SIGHUP.
    case terminalClosed = "kill-server"
    /// No chance to do anything: SIGKILL.
    case killed = "kill -9"
  }

  @Test(arguments: Ending.allCases)
  func anInterruptedCaseIsOfferedAndResumedWhereItStood(_ ending: Ending) throws {
    let (first, workspace) = try InterfaceEndToEndTests.start()
    defer {
      first.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try first.waitFor(text: "Question 1")
    try first.keys("2")
    try first.waitFor(text: "Qui appelle")
    try first.keys("1")
    try first.waitFor(text: "Où se trouve")
    try first.keys("F2")
    try first.type("Appel de la CPE")
    try first.keys("F2")
    try first.waitFor(text: "Note enregistrée")
    let pid = try Self.programPID(first)
    switch ending {
    case .terminalClosed: first.kill()
    case .killed: try TmuxSession.spawn(["kill", "-9", pid])
    }
    try Self.waitUntilGone(pid)

    let command =
      "env -u NO_COLOR LANG=fr_FR.UTF-8 \(Harness.shellQuoted(try Harness.binary()))"
      + " --data \(Harness.shellQuoted(workspace.data)) --journal \(Harness.shellQuoted(workspace.journals))"
    let next = try TmuxSession(command: Harness.reporting(command))
    defer { next.kill() }
    try next.waitFor(text: "Question 1")  // a new call can start at once
    try next.waitFor(text: "r reprendre  ")
    try next.keys("r")
    let list = try next.waitFor(text: "Reprendre un dossier interrompu")
    #expect(list.contains("2 réponse(s)"))
    #expect(!list.contains("ouvert dans une autre fenêtre"))
    try next.keys("Enter")
    let resumed = try next.waitFor(text: "repris (2 réponses)")
    #expect(resumed.contains("Où se trouve"))  // the same question pending
    #expect(resumed.contains("Un·e professionnel·le"))
    #expect(!resumed.contains("r reprendre"))  // one case at a time
    try next.keys("F2")
    try next.waitFor(text: "Appel de la CPE")  // the note is there
    try next.keys("Escape", "F10", "o")
    #expect(try next.waitForExit() == 0)
    // The resumed case went on in its own journal: no second case was created.
    let files = try FileManager.default.contentsOfDirectory(atPath: workspace.journals).filter {
      $0.hasSuffix(".jsonl")
    }
    #expect(files.count == 1)
  }

  /// The `repere` process under the pane's reporting shell.
  static func programPID(_ tmux: TmuxSession) throws -> String {
    let shell = try tmux.value("#{pane_pid}")
    let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    return try #require(children.split(separator: " ").first.map(String.init))
  }

  /// Waits until `pid` is gone or a zombie (its journal lock released).
  static func waitUntilGone(_ pid: String, timeout: TimeInterval = 10) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return }
      if let state = stat.split(separator: ")").last?.split(separator: " ").first, state == "Z" { return }
      usleep(20_000)
    }
    throw TmuxSession.Failure(description: "process \(pid) still running")
  }
}
