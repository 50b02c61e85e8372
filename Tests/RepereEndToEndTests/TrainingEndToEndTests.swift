import Foundation
import RepereTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `repere train` driven through tmux on a private copy of the training fixture
/// (`Tests/Fixtures/training-bundle`, scenario `lina-cergy`): a whole session, the presenter
/// mode at the scenario's clock, and the errors before the interface starts.
@Suite(.tags(.endToEnd), .serialized) struct TrainingEndToEndTests {
  /// A copy of the training fixture, a working folder (exports land there) and a state folder
  /// that must stay empty (a session writes no journal).
  struct Workspace {
    let root: URL
    var data: URL { root.appendingPathComponent("data") }
    var state: URL { root.appendingPathComponent("state") }
    var scenario: URL { data.appendingPathComponent("scenarios/lina-cergy.yaml") }

    init() throws {
      root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("repere-train-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: Harness.packageRoot.appendingPathComponent("Tests/Fixtures/training-bundle"), to: data)
    }

    var exitStatusFile: URL { root.appendingPathComponent("exit-status") }

    /// Shell command running `repere train ARGUMENTS` from the working folder, then writing its
    /// exit status to a file (tmux can lose a dead pane's status; the file cannot).
    func command(_ arguments: String, binary: String) -> String {
      "cd \(Harness.shellQuoted(root.path)) && env LANG=fr_FR.UTF-8 HOME=\(Harness.shellQuoted(root.path))"
        + " XDG_STATE_HOME=\(Harness.shellQuoted(state.path)) \(Harness.shellQuoted(binary)) train \(arguments)"
        + " --data \(Harness.shellQuoted(data.path)); echo $? > \(Harness.shellQuoted(exitStatusFile.path))"
    }

    /// The program's exit status, once it has exited (polled every 20 ms, up to `timeout`).
    func exitStatus(timeout: TimeInterval = 10) throws -> Int {
      let deadline = Date().addingTimeInterval(timeout)
      while Date() < deadline {
        let text = (try? String(contentsOf: exitStatusFile, encoding: .utf8)) ?? ""
        if let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return status }
        usleep(20_000)
      }
      throw TmuxSession.Failure(description: "repere train did not exit within \(Int(timeout)) s")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  @Test func aWholeSessionFromVignetteToExportedDebrief() throws {
    let workspace = try Workspace()
    let tmux = try TmuxSession(command: workspace.command("lina-cergy", binary: try Harness.binary()))
    defer {
      tmux.kill()
      workspace.remove()
    }
    // The vignette, at the scenario's time.
    try tmux.waitForAll([
      "Vignette",
      "dimanche 29 novembre 2026, 23 h 10",
      "la mère de Lina appelle depuis Cergy",
    ])
    try tmux.keys("Enter")
    try tmux.waitFor(text: "Question 1")
    // A reveal: the answer, its explanation, its source; closing it answers nothing.
    try tmux.keys("r")
    try tmux.waitForAll([
      "Réponse du scénario : Non",
      "appelez le 17 ou le 112",
      "CASF, art. L226-4 — avis au procureur",
    ])
    try tmux.keys("Escape")
    try tmux.waitFor(text: "Question 1")
    // The group answers; the trainer types it, keeping the age first given (19).
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui appelle")
    try tmux.keys("2")
    try tmux.waitFor(text: "Où se trouve")
    try tmux.keys("F8")
    try tmux.waitFor(text: "Réponse du scénario : Cergy (95)")
    try tmux.keys("Escape")
    try tmux.waitFor(text: "Où se trouve")
    try tmux.type("Cergy")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "(protocole 95)")
    try tmux.keys("F8")
    try tmux.waitForAll(["Réponse du scénario : 17 ans", "d'abord : 19 ans — la mère corrige : Lina a 17 ans"])
    try tmux.keys("Escape")
    try tmux.waitFor(text: "(protocole 95)")
    try tmux.type("19")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "référent")
    try tmux.keys("2")
    try tmux.waitFor(text: "Quels signes")
    try tmux.keys("1", "2", "Enter")
    // The orientation, with opening hours at the scenario's clock (a Sunday night).
    try tmux.waitForAll([
      "Orientation",
      "INFO. PRÉOCCUPANTE",
      "EXEMPLE — CRIP du Val-d'Oise",
      "fermé maintenant",
    ])
    // The debrief: step by step, then level, dispositions, contacts and the scenario's text.
    try tmux.keys("d")
    try tmux.waitForAll([
      "Débriefing — Lina",
      "✗ 5 étape(s) conforme(s) sur 8 · Chemin différent de la référence",
      "✓ 1  L'enfant est-il en danger immédiat",
      "groupe : Un·e proche · référence : Un·e proche",
      "groupe : Cergy (95) · référence : Cergy (95) (révélée)",
      "✗ 4  Quel âge a l'enfant ? (protocole 95)",
      "groupe : 19 ans · référence : 17 ans (corrigée dans le scénario, révélée)",
    ])
    try tmux.keys("NPage")
    try tmux.waitForAll([
      "✗ Niveau — attendu : SIGNALEMENT · obtenu : INFO. PRÉOCCUPANTE",
      "✗ 8  Issue : Transmettre une information préoccupante à la CRIP",
    ])
    try tmux.keys("NPage")
    try tmux.waitForAll(["Points clés pour la discussion", "✓ 119 — Allô Enfance en Danger"])
    // Export, then quit: the session leaves the debrief file and no journal.
    try tmux.keys("e")
    try tmux.waitFor(text: "Synthèse exportée")
    let exported = try String(
      contentsOf: workspace.root.appendingPathComponent("repere-formation-lina-cergy.txt"), encoding: .utf8)
    #expect(exported.contains("✗ 4  Quel âge a l'enfant ? (protocole 95)"))
    #expect(exported.contains("Points clés pour la discussion"))
    try tmux.keys("q")
    try tmux.waitFor(text: "La séance de formation n'est pas enregistrée")
    try tmux.keys("o")
    #expect(try workspace.exitStatus() == 0)
    #expect(!FileManager.default.fileExists(atPath: workspace.state.path))
  }

  @Test func presenterModeOnAWeekdayMorningFollowsTheScenarioClock() throws {
    let workspace = try Workspace()
    // Tuesday 1 December 2026, 10:00 in Paris: the example prosecutor's office is open.
    let text = try String(contentsOf: workspace.scenario, encoding: .utf8)
      .replacingOccurrences(of: "now: 2026-11-29T23:10:00+01:00", with: "now: 2026-12-01T10:00:00+01:00")
    try text.write(to: workspace.scenario, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      command: workspace.command("lina-cergy --presenter", binary: try Harness.binary()), columns: 120, rows: 40)
    defer {
      tmux.kill()
      workspace.remove()
    }
    // the projector's wider margin
    var screen = try tmux.waitForAll(["mardi 1 décembre 2026, 10 h 00", "    Vignette"])
    try tmux.keys("Enter")
    screen = try tmux.waitForAll(["Question 1", "q quitter"])
    #expect(!screen.contains("notes"))
    #expect(!screen.contains("00:0"))  // no timer on a projector
    try tmux.keys("2")
    try tmux.waitFor(text: "Qui appelle")
    try tmux.keys("2")
    try tmux.waitFor(text: "Où se trouve")
    try tmux.type("95000")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "(protocole 95)")
    try tmux.type("17")
    try tmux.keys("Enter")
    try tmux.waitFor(text: "référent")
    try tmux.keys("2")
    try tmux.waitFor(text: "Quels signes")
    try tmux.keys("1", "2", "Enter")
    screen = try tmux.waitForAll(["Orientation", "SIGNALEMENT", "EXEMPLE — Parquet des mineurs", "ouvert maintenant"])
    try tmux.keys("d")
    screen = try tmux.waitForAll([
      "Tout est conforme à la référence.",
      "✓ 7 étape(s) conforme(s) sur 7 · Chemin identique à la référence",
    ])
    #expect(!screen.contains("✗"))
    try tmux.keys("q")
    try tmux.waitFor(text: "Quitter Repère ?")
    try tmux.keys("o")
    #expect(try workspace.exitStatus() == 0)
  }

  @Test func anUnknownScenarioIsNamedWithASuggestion() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let result = try TmuxSession.run(
      [try Harness.binary(), "train", "lina-cergi", "--data", workspace.data.path])
    #expect(result.status != 0)
    #expect(result.error.contains("scénario « lina-cergi » introuvable"))
    #expect(result.error.contains("lina-cergy"))
  }

  @Test func withoutATerminalItSaysSoAndExitsNonZero() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    let result = try TmuxSession.run(
      [try Harness.binary(), "train", "lina-cergy", "--data", workspace.data.path],
      environment: ["TERM": "xterm", "LANG": "fr_FR.UTF-8"])
    #expect(result.status == 3)
    #expect(result.error.contains("n'est pas un terminal"))
  }
}

extension TmuxSession {
  /// Waits until the screen shows every one of `texts` (a frame can be captured half painted,
  /// so checking after waiting for its first line alone would race).
  @discardableResult
  func waitForAll(_ texts: [String], timeout: TimeInterval = 10) throws -> String {
    try waitFor(texts.map { "« \($0) »" }.joined(separator: ", "), timeout: timeout) { screen in
      texts.allSatisfy { screen.contains($0) }
    }
  }
}
