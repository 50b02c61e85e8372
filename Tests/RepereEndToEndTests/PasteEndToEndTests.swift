import Foundation
import Testing

/// Issue 18, point 6 on a real terminal: a paste holding ESC and digits, sent by tmux with
/// bracketed paste (`paste-buffer -p`), lands as text in the note and answers nothing.
@Suite(.serialized) struct PasteEndToEndTests {
  @Test func aPasteWithEscapeAndDigitsIsTextInTheNote() throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("n")
    try tmux.waitFor(text: "Ctrl-S")
    // Without bracketed paste, the ESC would close the editor and « 2 », « 1 »… would answer.
    let buffer = workspace.root.appendingPathComponent("collage.txt")
    try Data("Rappel CPE\u{1B}2\u{1B}[A1 1 2 q o fin-du-collage".utf8).write(to: buffer)
    try tmux.tmux(["load-buffer", "-b", "hostile", buffer.path])
    try tmux.tmux(["paste-buffer", "-p", "-d", "-b", "hostile", "-t", tmux.target])
    let screen = try tmux.waitFor(text: "fin-du-collage")
    #expect(screen.contains("Rappel CPE2[A1 1 2 q o fin-du-collage"), "\(screen)")
    #expect(!screen.contains("Quitter Repère ?"))
    try tmux.keys("C-s")
    try tmux.waitFor(text: "Note enregistrée")
    let journal = try InterfaceEndToEndTests.journalText(workspace.journals)
    #expect(journal.contains("Rappel CPE2[A1 1 2 q o fin-du-collage"))
    #expect(!journal.contains("\"type\":\"answer\""), "the paste answered a question: \(journal)")
    try tmux.keys("2")  // still on question 1: the paste answered nothing
    try tmux.waitFor(text: "Qui appelle")
    try tmux.keys("q")
    try tmux.waitFor(text: "Quitter Repère ?")
    try tmux.keys("o")
    #expect(try tmux.waitForExit() == 0)
  }

  /// Issue 18, point 5: one unbroken 1 MB word in a question's text gave no frame and SIGTERM
  /// was ignored while the layout ran. Now the text is cut at the stated limit (with « […] »),
  /// the question draws, and SIGTERM ends the program (143) with the terminal restored.
  @Test func aOneMegabyteWordStillDrawsAndSIGTERMEndsPromptly() throws {
    let workspace = try Harness.workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let file = URL(fileURLWithPath: workspace.data).appendingPathComponent("protocoles/national.yaml")
    let original = try String(contentsOf: file, encoding: .utf8)
    let question = "avec un exploiteur) ?"
    #expect(original.contains(question))
    let word = String(repeating: "abcdefghij", count: 100_000)
    try original.replacingOccurrences(of: question, with: question + " " + word).write(
      to: file, atomically: true, encoding: .utf8)
    let command =
      "env LANG=fr_FR.UTF-8 \(Harness.shellQuoted(try Harness.binary())) --data \(Harness.shellQuoted(workspace.data))"
      + " --journal \(Harness.shellQuoted(workspace.journals))"
    let tmux = try TmuxSession(command: Harness.reporting(command))
    defer { tmux.kill() }
    // The question scrolls to its answers: the cut text's end and its mark show above them.
    let screen = try tmux.waitFor(text: "[…]", timeout: 30)
    #expect(screen.contains("abcdefghij"))
    #expect(screen.contains("1  Oui"))
    let shell = try tmux.value("#{pane_pid}")
    let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    let pid = try #require(children.split(separator: " ").first.map(String.init))
    try TmuxSession.spawn(["kill", "-TERM", pid])
    #expect(try tmux.waitForExit() == 143)
    #expect(try tmux.value("#{alternate_on}") == "0")
  }
}
