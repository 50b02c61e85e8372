import Foundation
import RepereTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12, items 2, 3 and 4 on a real terminal: Ctrl-S saves (flow control is off while Repère
/// runs and back on after), a fast « 1 2 » in the signs checklist records exactly those two signs,
/// and a note being typed survives Ctrl-C, a closed terminal and kill -9.
@Suite(.tags(.endToEnd), .serialized) struct ProfessionalKeysEndToEndTests {
  /// `stty -a` of the pane's terminal.
  static func terminalModes(_ tmux: TmuxSession) throws -> [String] {
    let tty = try tmux.value("#{pane_tty}")
    return try TmuxSession.spawn(["stty", "-F", tty, "-a"]).split(whereSeparator: {
      $0 == " " || $0 == "\n" || $0 == ";"
    })
    .map(String.init)
  }

  /// The pid of the program the pane's reporting shell runs.
  static func programPID(_ tmux: TmuxSession) throws -> String {
    let shell = try tmux.value("#{pane_pid}")
    let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    return try #require(children.split(separator: " ").first.map(String.init))
  }

  static func caseID(_ journals: String) throws -> String {
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: journals).first { $0.hasSuffix(".jsonl") })
    return String(file.dropLast(".jsonl".count))
  }

  @Test func controlSSavesANoteAndFlowControlIsRestoredAfter() throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    #expect(try Self.terminalModes(tmux).contains("-ixon"))
    try tmux.keys("n")
    try tmux.waitFor(text: "Ctrl-S")
    try tmux.type("Appel de la CPE")
    try tmux.keys("C-s")
    try tmux.waitFor(text: "Note enregistrée")
    try tmux.keys("2")  // the screen is not frozen
    try tmux.waitFor(text: "Qui appelle")
    try tmux.keys("q")
    try tmux.waitFor(text: "Quitter Repère ?")
    try tmux.keys("o")
    #expect(try tmux.waitForExit() == 0)
    #expect(try Self.terminalModes(tmux).contains("ixon"))
    #expect(try InterfaceEndToEndTests.journalText(workspace.journals).contains("Appel de la CPE"))
  }

  /// The values of the journal's answers to step `step`, one list per answer event.
  static func listAnswers(to step: String, in journals: String) throws -> [[String]] {
    try InterfaceEndToEndTests.journalText(journals).split(separator: "\n").compactMap { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      guard object?["type"] as? String == "answer", object?["step"] as? String == step else { return nil }
      return object?["value"] as? [String]
    }
  }

  /// The shipped national protocol, its sixteen signs in three groups, at 80×24.
  @Test func aFastOneThenTwoInTheSignsRecordsExactlyThoseTwoSigns() throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start(bundle: "Protocols")
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2")
    try tmux.waitFor(text: "Question 2")
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui vous parle")
    try tmux.keys("1")
    try tmux.waitFor(text: "Où se trouve")
    try tmux.type("Cergy")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "Quel âge")
    try tmux.type("15")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "cellule de coordination")
    try tmux.keys("2")
    try tmux.waitFor(text: "Groupe 1 sur 3")
    // One burst, as fast as the terminal delivers it: « 1 », « 2 », Enter in a single write.
    try tmux.type("12\r")
    let screen = try tmux.waitFor(text: "Question 8")
    let journal = try InterfaceEndToEndTests.journalText(workspace.journals)
    #expect(
      try Self.listAnswers(to: "signes", in: workspace.journals) == [["echange-sexuel", "tiers-organisateur"]],
      "\(screen)\n\(journal)")
    // Item 8: every ending from here is a signalement, and the header says so before the end.
    #expect(screen.contains("provisoire  ≥ SIGNALEMENT"), "\(screen)")
    try tmux.keys("q")
    try tmux.waitFor(text: "Quitter Repère ?")
    try tmux.keys("o")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test func aNoteBeingTypedSurvivesControlC() throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2", "n")
    try tmux.waitFor(text: "Ctrl-S")
    try tmux.type("Le 17 rappelle")
    try tmux.keys("C-c")
    try tmux.waitFor(text: "Quitter Repère ?")
    try tmux.keys("o")
    #expect(try tmux.waitForExit() == 0)
    #expect(try InterfaceEndToEndTests.journalText(workspace.journals).contains("\"text\":\"Le 17 rappelle\""))
  }

  @Test func aNoteBeingTypedSurvivesAClosedTerminal() throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2", "n")
    try tmux.waitFor(text: "Ctrl-S")
    try tmux.type("Adresse : rue des Lilas")
    try tmux.waitFor(text: "rue des Lilas")
    try TmuxSession.spawn(["kill", "-HUP", try Self.programPID(tmux)])
    #expect(try tmux.waitForExit() == 129)
    #expect(try InterfaceEndToEndTests.journalText(workspace.journals).contains("rue des Lilas"))
  }

  @Test func aNoteBeingTypedSurvivesKillNineAndComesBackOnResume() throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2", "n")
    try tmux.waitFor(text: "Ctrl-S")
    try tmux.type("Voiture grise devant le foyer")
    try tmux.waitFor(text: "devant le foyer")
    try TmuxSession.spawn(["kill", "-KILL", try Self.programPID(tmux)])
    #expect(try tmux.waitForExit() == 137)
    let id = try Self.caseID(workspace.journals)
    #expect(!(try InterfaceEndToEndTests.journalText(workspace.journals).contains("devant le foyer")))

    let resumed = try InterfaceEndToEndTests.resume(id, workspace: workspace)
    defer { resumed.kill() }
    try resumed.waitFor(text: "repris")
    #expect(try InterfaceEndToEndTests.journalText(workspace.journals).contains("Voiture grise devant le foyer"))
    try resumed.keys("F10")
    try resumed.waitFor(text: "Quitter Repère ?")
    try resumed.keys("o")
    #expect(try resumed.waitForExit() == 0)
  }
}
