import Foundation
import RepereTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `repere` driven through tmux, on a private copy of the fixture bundle.
@Suite(.tags(.endToEnd), .serialized) struct InterfaceEndToEndTests {
  /// Starts repere on the fixture in a tmux session of the given size.
  static func start(
    columns: Int = 80, rows: Int = 24, arguments: String = "", environment: String = "-u NO_COLOR LANG=fr_FR.UTF-8",
    bundle: String = "Tests/Fixtures/ui-bundle"
  ) throws -> (TmuxSession, (data: String, journals: String, root: URL)) {
    let workspace = try Harness.workspace(bundle: bundle)
    let binary = try Harness.binary()
    let command =
      "env \(environment) \(Harness.shellQuoted(binary)) --data \(Harness.shellQuoted(workspace.data))"
      + " --journal \(Harness.shellQuoted(workspace.journals)) \(arguments)"
    return (try TmuxSession(command: Harness.reporting(command), columns: columns, rows: rows), workspace)
  }

  /// Reopens case `id` of `workspace` with `--resume` in a new tmux session.
  static func resume(_ id: String, workspace: (data: String, journals: String, root: URL)) throws -> TmuxSession {
    let command =
      "env -u NO_COLOR LANG=fr_FR.UTF-8 \(Harness.shellQuoted(try Harness.binary()))"
      + " --data \(Harness.shellQuoted(workspace.data)) --journal \(Harness.shellQuoted(workspace.journals))"
      + " --resume \(id)"
    return try TmuxSession(command: Harness.reporting(command))
  }

  static func journalText(_ folder: String) throws -> String {
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }
    return try files.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined()
  }

  @Test func aFullCaseReachesTheOrientation() throws {
    let (tmux, workspace) = try Self.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui appelle")
    try tmux.keys("Down", "Enter")
    try tmux.waitFor(text: "Où se trouve")
    try tmux.type("Cergy")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "(protocole 95)")
    try tmux.type("15")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "référent")
    try tmux.keys("2")
    try tmux.waitFor(text: "Quels signes")
    try tmux.keys("1", "2", "Enter")
    let screen = try tmux.waitFor(text: "Orientation")
    #expect(screen.contains("SIGNALEMENT"))
    #expect(screen.contains("Signaler au procureur"))
    #expect(screen.contains("Parquet des mineurs"))
    #expect(screen.contains("01 99 00 95 02"))
    #expect(screen.contains("Cergy (95)"))
    let journal = try Self.journalText(workspace.journals)
    #expect(journal.contains("\"type\":\"answer\""))
    #expect(journal.contains("\"type\":\"protocol_switch\""))
    #expect(journal.contains("\"type\":\"disposition\""))
    // After the orientation `f` closes the case (`o` would keep it open for follow-ups).
    try tmux.keys("q")
    try tmux.waitFor(text: "Quitter Repère ?")
    try tmux.keys("f")
    #expect(try tmux.waitForExit() == 0)
    #expect(try Self.journalText(workspace.journals).contains("\"type\":\"end\""))
  }

  @Test func goingBackAndChangingAnAnswer() throws {
    let (tmux, workspace) = try Self.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui appelle")
    try tmux.keys("Left")
    try tmux.waitFor(text: "Aucune réponse pour l'instant")
    try tmux.keys("0")
    try tmux.waitFor(text: "Je ne sais pas")
    try tmux.keys("3")
    try tmux.waitFor(text: "Où se trouve")
    try tmux.keys("c")  // typed into the place line: letters are text while typing
    try tmux.waitFor(text: "> c")
    try tmux.keys("BSpace", "F6")
    try tmux.waitFor(text: "Changer une réponse")
    try tmux.keys("1")
    try tmux.waitFor(text: "Modification")
    try tmux.keys("1")
    try tmux.waitFor(text: "Raison (facultatif)")  // optional: Enter keeps the generic reason
    try tmux.keys("Enter")
    // « Oui » ends the walk at once: the orientation, then the path with the set-aside answer.
    let screen = try tmux.waitFor(text: "Mis de côté")
    #expect(screen.contains("(modifié)"))
    #expect(screen.contains("URGENCE"))
    #expect(screen.contains("Appeler le 17"))
    #expect(screen.contains("Le ou la mineur"))
    #expect(try Self.journalText(workspace.journals).contains("\"type\":\"change\""))
    try tmux.keys("q", "o")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test func searchingTheDirectoryAndOpeningARecord() throws {
    let (tmux, workspace) = try Self.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("/")
    try tmux.waitFor(text: "Rechercher")
    try tmux.type("crip")
    try tmux.waitFor(text: "CRIP du Val-d'Oise")
    try tmux.keys("Enter")
    let record = try tmux.waitFor(text: "Téléphone")
    #expect(record.contains("01 99 00 95 01"))
    #expect(record.contains("EXEMPLE"))
    #expect(record.contains("Horaires"))
    try tmux.keys("Escape")
    try tmux.waitFor(text: "Rechercher")
    try tmux.keys("Escape")
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("q")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test func resizingDuringACaseRedrawsAndBelowTheMinimumSaysSo() throws {
    let (tmux, workspace) = try Self.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui appelle")
    try tmux.resize(columns: 50, rows: 12)
    try tmux.waitFor(text: "Agrandissez le terminal")
    try tmux.resize(columns: 1, rows: 1)
    try tmux.waitFor("a 1×1 screen") { $0.trimmingCharacters(in: .whitespacesAndNewlines).count <= 1 }
    try tmux.resize(columns: 120, rows: 40)
    let large = try tmux.waitFor(text: "Qui appelle")
    #expect(large.components(separatedBy: "\n").contains { $0.contains("Chemin") })
    #expect(!large.contains("Agrandissez"))
    try tmux.resize(columns: 80, rows: 24)
    let normal = try tmux.waitFor("the 80×24 layout") { $0.contains("Qui appelle") && !$0.contains("Agrandissez") }
    #expect(normal.contains("› Non"))
    try tmux.keys("q", "o")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test func quittingRestoresTheShell() throws {
    let workspace = try Harness.workspace()
    let binary = try Harness.binary()
    let tmux = try TmuxSession(command: "env PS1='PROMPT$ ' sh")
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "PROMPT$")
    try tmux.type(
      "\(Harness.shellQuoted(binary)) --data \(Harness.shellQuoted(workspace.data))"
        + " --journal \(Harness.shellQuoted(workspace.journals)); echo EXIT=$?")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "Question 1")
    #expect(try tmux.value("#{alternate_on}") == "1")
    try tmux.keys("q")
    let screen = try tmux.waitFor(text: "EXIT=0")
    #expect(try tmux.value("#{alternate_on}") == "0")
    #expect(!screen.contains("Question 1"))
    let lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
    #expect(lines.last?.hasPrefix("PROMPT$") == true)
    #expect(try tmux.value("#{cursor_flag}") == "1")
  }

  @Test func aSignalSuspendsTheCaseAndRestoresTheTerminal() throws {
    let workspace = try Harness.workspace()
    let binary = try Harness.binary()
    // A shell parent reports the exit status (and reaps the process) whatever tmux does.
    let tmux = try TmuxSession(
      command: Harness.reporting(
        "env LANG=fr_FR.UTF-8 \(binary) --data \(workspace.data) --journal \(workspace.journals)"))
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui appelle")
    let shell = try tmux.value("#{pane_pid}")
    let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    let pid = try #require(children.split(separator: " ").first.map(String.init))
    try TmuxSession.spawn(["kill", "-HUP", pid])
    #expect(try tmux.waitForExit() == 129)
    #expect(!(try tmux.screen()).contains("Qui appelle"))  // the interface is gone: terminal restored
    #expect(try tmux.value("#{alternate_on}") == "0")
    let journal = try Self.journalText(workspace.journals)
    #expect(journal.contains("\"step\":\"securite\""))
    #expect(!journal.contains("\"type\":\"end\""))  // suspended: offered for resuming
  }

  @Test func aSuspendedCaseIsAnnouncedAndResumed() throws {
    let (first, workspace) = try Self.start()
    defer {
      first.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try first.waitFor(text: "Question 1")
    try first.keys("2", "1")
    try first.waitFor(text: "Où se trouve")
    try first.keys("F2")
    try first.type("Appel de la CPE")
    try first.keys("F2")
    try first.waitFor(text: "Note enregistrée")
    try first.keys("F10")
    try first.waitFor(text: "Quitter Repère ?")
    try first.keys("o")
    #expect(try first.waitForExit() == 0)
    let file = try #require(
      try FileManager.default.contentsOfDirectory(atPath: workspace.journals).first { $0.hasSuffix(".jsonl") })
    let id = String(file.dropLast(".jsonl".count))

    let command =
      "env LANG=fr_FR.UTF-8 \(Harness.shellQuoted(try Harness.binary())) --data \(Harness.shellQuoted(workspace.data))"
      + " --journal \(Harness.shellQuoted(workspace.journals))"
    let fresh = try TmuxSession(command: Harness.reporting(command))
    defer { fresh.kill() }
    try fresh.waitFor(text: "1 dossier(s) non terminé(s) — r pour reprendre")
    try fresh.keys("q")
    #expect(try fresh.waitForExit() == 0)

    let resumed = try TmuxSession(command: Harness.reporting(command + " --resume \(id)"))
    defer { resumed.kill() }
    let screen = try resumed.waitFor(text: "Dossier \(id) repris (2 réponses)")
    #expect(screen.contains("Où se trouve"))
    #expect(screen.contains("Un·e professionnel·le"))
    try resumed.keys("F2")
    try resumed.waitFor(text: "Appel de la CPE")
    try resumed.keys("Escape", "F10", "o")
    #expect(try resumed.waitForExit() == 0)
  }

  @Test func controlCAsksFirstThenQuitsCleanly() throws {
    let (tmux, workspace) = try Self.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui appelle")
    try tmux.keys("C-c")
    try tmux.waitFor(text: "Quitter Repère ?")
    try tmux.keys("C-c")
    #expect(try tmux.waitForExit() == 0)
    #expect(try tmux.value("#{alternate_on}") == "0")
    #expect(try Self.journalText(workspace.journals).contains("\"step\":\"securite\""))
  }

  @Test func englishChromeAndAccentsWithLangUnset() throws {
    let (tmux, workspace) = try Self.start(arguments: "--lang en", environment: "-u LANG -u LC_ALL")
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    let screen = try tmux.waitFor(text: "Question 1")
    #expect(screen.contains("Yes"))
    #expect(screen.contains("I don't know"))
    #expect(screen.contains("danger immédiat"))  // protocol text keeps its accents
    #expect(screen.contains("───"))  // box lines, not q/x
    #expect(screen.contains("Repère"))
    try tmux.keys("q")
    #expect(try tmux.waitForExit() == 0)
  }

  @Test func tooSmallAtStartThenGrown() throws {
    let (tmux, workspace) = try Self.start(columns: 60, rows: 20)
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    let small = try tmux.waitFor(text: "Agrandissez le terminal")
    #expect(small.contains("80×24 minimum"))
    #expect(small.contains("60×20"))
    try tmux.resize(columns: 80, rows: 24)
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("?")
    let help = try tmux.waitFor(text: "Touches")
    #expect(help.contains("Aide de la question"))
    try tmux.keys("Escape", "q")
    #expect(try tmux.waitForExit() == 0)
  }
}

/// Starting without a terminal, with TERM unset, and the plain mode.
@Suite(.tags(.endToEnd)) struct StartWithoutTerminalTests {
  @Test func withoutATerminalItSaysSoAndExitsNonZero() throws {
    let workspace = try Harness.workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let result = try TmuxSession.run(
      [try Harness.binary(), "--data", workspace.data, "--journal", workspace.journals])
    #expect(result.status == 3)
    #expect(result.error.contains("n'est pas un terminal"))
    #expect(result.error.contains("--plain"))
    #expect(result.output.isEmpty)
  }

  @Test func withTermUnsetInATerminalItSaysSo() throws {
    let workspace = try Harness.workspace()
    let binary = try Harness.binary()
    // A short pause after the message: tmux draws « Pane is dead » over the first line otherwise.
    let tmux = try TmuxSession(
      command: "env -u TERM \(Harness.shellQuoted(binary)) --data \(Harness.shellQuoted(workspace.data)); "
        + "echo EXIT=$?; sleep 5")
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    let screen = try tmux.waitFor(text: "EXIT=")
    #expect(screen.contains("EXIT=3"))
    #expect(
      try tmux.tmux(["capture-pane", "-p", "-J", "-t", tmux.target]).contains("la variable TERM n'est pas définie"))
  }

  @Test func plainModeWalksACaseFromAScript() throws {
    let workspace = try Harness.workspace()
    defer { try? FileManager.default.removeItem(at: workspace.root) }
    let script = workspace.root.appendingPathComponent("answers.txt")
    try "2\n1\nCergy\n15\n2\n1,2\n:note Léa « 15 ans »\n:annuaire 119\n:fiche 1\n:suite 17 ; 23 h 20\n:clore\n"
      .write(to: script, atomically: true, encoding: .utf8)
    let result = try TmuxSession.run(
      [try Harness.binary(), "--plain", "--data", workspace.data, "--journal", workspace.journals],
      stdinPath: script.path)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Question 1 — L'enfant est-il en danger immédiat"))
    #expect(result.output.contains("  0. Je ne sais pas"))
    #expect(result.output.contains("SIGNALEMENT"))
    #expect(result.output.contains("[EXEMPLE]"))
    #expect(result.output.contains("119 — Allô Enfance en Danger"))
    #expect(result.output.contains("Note enregistrée"))
    #expect(!result.output.contains("\u{1B}"))  // no escape sequence at all
    let journal = try InterfaceEndToEndTests.journalText(workspace.journals)
    #expect(journal.contains("Léa « 15 ans »"))
    #expect(journal.contains("\"type\":\"follow_up\""))
    // `:clore` closed the case (`:quitter` would have kept it open for follow-ups).
    #expect(journal.contains("\"type\":\"end\""))
  }
}

/// Colours, monochrome and the real bundle.
@Suite(.tags(.endToEnd), .serialized) struct AppearanceEndToEndTests {
  /// The pane's content with its SGR escape sequences (`capture-pane -e`).
  static func styledScreen(_ tmux: TmuxSession) throws -> String {
    try tmux.tmux(["capture-pane", "-p", "-e", "-t", tmux.target])
  }

  static func hasColourCodes(_ text: String) -> Bool {
    // SGR parameters 30–37/40–47 (and 38/48 extended) set colours.
    let pattern = try? NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*(3[0-8]|4[0-8])[;m]")
    return pattern?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  @Test func coloursWhenAvailableAndNoneWithNO_COLOR() throws {
    let (coloured, first) = try InterfaceEndToEndTests.start()
    defer {
      coloured.kill()
      try? FileManager.default.removeItem(at: first.root)
    }
    try coloured.waitFor(text: "Question 1")
    try coloured.keys("1")  // « danger immédiat » : the URGENCE badge, red
    try coloured.waitFor(text: "URGENCE")
    let colouredScreen = try Self.styledScreen(coloured)
    #expect(Self.hasColourCodes(colouredScreen), "\(colouredScreen.debugDescription.prefix(600))")

    let (plain, second) = try InterfaceEndToEndTests.start(environment: "LANG=fr_FR.UTF-8 NO_COLOR=1")
    defer {
      plain.kill()
      try? FileManager.default.removeItem(at: second.root)
    }
    try plain.waitFor(text: "Question 1")
    try plain.keys("1")
    try plain.waitFor(text: "URGENCE")
    let styled = try Self.styledScreen(plain)
    #expect(!Self.hasColourCodes(styled))
    #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"))  // the badge and selection in reverse video
  }

  @Test func theRealBundleStartsAndSearches() throws {
    let data = Harness.packageRoot.appendingPathComponent("Protocols").path
    let journals = NSTemporaryDirectory() + "repere-real-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: journals) }
    let command =
      "env LANG=fr_FR.UTF-8 \(Harness.shellQuoted(try Harness.binary())) --data \(Harness.shellQuoted(data))"
      + " --journal \(Harness.shellQuoted(journals))"
    let tmux = try TmuxSession(command: Harness.reporting(command))
    defer { tmux.kill() }
    let first = try tmux.waitFor(text: "Question 1")
    #expect(first.contains("Repère"))
    #expect(first.contains("1  Oui"))
    try tmux.keys("/")
    try tmux.type("119")
    try tmux.waitFor(text: "Allô Enfance en Danger", timeout: 20)
    try tmux.keys("Escape", "q")
    #expect(try tmux.waitForExit() == 0)
  }

  /// The integrator's session (bundled data, 100×30): on the orientation `q` must show the
  /// « Quitter Repère ? » box with only its own keys below; a changed answer takes the reason
  /// typed into the journal.
  @Test func theRealBundleAsksBeforeQuittingTheOrientationAndRecordsAChangeReason() throws {
    let data = Harness.packageRoot.appendingPathComponent("Protocols").path
    let journals = NSTemporaryDirectory() + "repere-real-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: journals) }
    let command =
      "env LANG=fr_FR.UTF-8 \(Harness.shellQuoted(try Harness.binary())) --data \(Harness.shellQuoted(data))"
      + " --journal \(Harness.shellQuoted(journals))"
    let tmux = try TmuxSession(command: Harness.reporting(command), columns: 100, rows: 30)
    defer { tmux.kill() }
    try tmux.waitFor(text: "Question 1")
    try tmux.keys("1")  // danger immédiat: the instructions to read
    try tmux.waitFor(text: "À lire")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "Police secours")
    try tmux.keys("q")
    let asking = try tmux.waitFor(text: "Quitter Repère ?")
    // Rows 29 and 30 are the footer: the box's keys only, not the orientation's.
    let rows = asking.components(separatedBy: "\n")
    #expect(
      rows.count >= 30 && rows[28].trimmingCharacters(in: .whitespaces) == "o oui  f clore le dossier  n non",
      "\(asking)")
    #expect(rows.count >= 30 && rows[29].trimmingCharacters(in: .whitespaces).isEmpty, "\(asking)")
    #expect(asking.contains("Orientation") || asking.contains("URGENCE"))
    try tmux.keys("n")
    try tmux.waitFor("the box closed") { !$0.contains("Quitter Repère ?") && $0.contains("c changer") }
    try tmux.keys("c", "1", "2")  // « en danger immédiat » : Oui → Non
    try tmux.waitFor(text: "Raison (facultatif)")
    try tmux.type("le 17 est déjà sur place")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "introuvable")
    let journal = try InterfaceEndToEndTests.journalText(journals)
    #expect(journal.contains("le 17 est déjà sur place"))
    try tmux.keys("q", "o")
    #expect(try tmux.waitForExit() == 0)
  }
}
