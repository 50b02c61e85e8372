import Foundation
import RepereTestSupport
import Testing

/// Issue 12, item 7: quitting after the orientation keeps the case open; the next start offers
/// it, it reopens on its orientation, a « suite donnée » is recorded, and `f` closes it.
@Suite(.tags(.endToEnd), .serialized) struct FollowUpEndToEndTests {
  @Test func aQuitCaseResumesForFollowUpAndAFollowUpIsRecorded() throws {
    let (first, workspace) = try InterfaceEndToEndTests.start()
    defer {
      first.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try first.waitFor(text: "Question 1")
    try first.keys("2")
    try first.waitFor(text: "Qui appelle")
    try first.keys("Down", "Enter")
    try first.waitFor(text: "Où se trouve")
    try first.type("Cergy")
    try first.keys("Enter")
    try first.waitFor(text: "(protocole 95)")
    try first.type("15")
    try first.keys("Enter")
    try first.waitFor(text: "référent")
    try first.keys("2")
    try first.waitFor(text: "Quels signes")
    try first.keys("1", "2", "Enter")
    try first.waitFor(text: "Orientation")
    try first.keys("q")
    try first.waitFor(text: "reste ouvert pour noter les suites données")
    try first.keys("o")
    #expect(try first.waitForExit() == 0)
    #expect(!(try InterfaceEndToEndTests.journalText(workspace.journals)).contains("\"type\":\"end\""))

    let command =
      "env -u NO_COLOR LANG=fr_FR.UTF-8 \(Harness.shellQuoted(try Harness.binary()))"
      + " --data \(Harness.shellQuoted(workspace.data)) --journal \(Harness.shellQuoted(workspace.journals))"
    let next = try TmuxSession(command: Harness.reporting(command))
    defer { next.kill() }
    try next.waitFor(text: "r reprendre  ")
    try next.keys("r")
    try next.waitFor(text: "Reprendre un dossier interrompu")
    try next.keys("Enter")
    let resumed = try next.waitFor(text: "s suites")
    #expect(resumed.contains("Orientation"))
    try next.keys("s")
    try next.waitFor(text: "Suite donnée")
    try next.type("CRIP 95")
    try next.keys("Tab")
    try next.type("23 h 40")
    try next.keys("Tab")
    try next.type("IP-4471")
    try next.keys("Tab")
    try next.type("évaluation ouverte")
    try next.keys("Enter")
    try next.waitFor(text: "Suite enregistrée")
    try next.keys("End")
    try next.waitFor(text: "CRIP 95 (23 h 40) · réf. IP-4471 · évaluation ouverte")
    try next.keys("q")
    try next.waitFor(text: "f : clore le dossier")
    try next.keys("f")
    #expect(try next.waitForExit() == 0)
    let journal = try InterfaceEndToEndTests.journalText(workspace.journals)
    #expect(journal.contains("\"type\":\"follow_up\""))
    #expect(journal.contains("\"reference\":\"IP-4471\""))
    #expect(journal.contains("\"type\":\"end\""))
    let files = try FileManager.default.contentsOfDirectory(atPath: workspace.journals).filter {
      $0.hasSuffix(".jsonl")
    }
    #expect(files.count == 1)
  }
}
