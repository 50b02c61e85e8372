import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereJournal

/// `repere journal …` and `repere replay` run as a user would, on a journal written through the
/// library the way the interface writes it (scenario 13 of the bundle: « 19 ans » corrected to 17).
/// Needs the `repere` executable, which `swift build` (run before the tests, as in CI) makes.
@Suite(
  .tags(.endToEnd), .serialized,
  .enabled(if: BuiltProducts.exists("repere"), "needs `swift build` to have built repere"))
struct CommandLineTests {
  private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  private static let caseID = "jade17creil2"
  /// 2020-11-19T17:20:00+01:00: in the past, so `purge` (on the real clock) sees it as old.
  private static let caseStart = Date(timeIntervalSince1970: 1_605_802_800)

  private struct Run {
    var status: SpawnedProcess.Ending
    var output: String
    var errors: String
  }

  private func repere(
    _ arguments: [String], state: URL, in folder: URL, environment extra: [String: String] = [:]
  ) throws -> Run {
    let environment = ["XDG_STATE_HOME": state.path, "HOME": folder.path, "LANG": "C.UTF-8"].merging(extra) { $1 }
    let process = try SpawnedProcess.spawn(
      try BuiltProducts.executable(named: "repere"), arguments, outputIn: folder, name: "repere",
      environment: environment)
    let status = process.wait()
    let output = (try? String(contentsOf: process.stdout, encoding: .utf8)) ?? ""
    return Run(status: status, output: output, errors: process.errorText())
  }

  /// Writes the Jade case as the interface would, finished, with its path.
  private func writeJadeCase(state: URL) throws {
    let clock = TestClock(Self.caseStart)
    let store = Fixtures.store(
      in: state.appendingPathComponent("repere", isDirectory: true), clock: clock, ids: [Self.caseID])
    let national = ProtocolReference(id: "national/orientation", version: "2026.11")
    let journal = try store.create(
      CaseStart(
        protocolInForce: national, bundleProtocols: [national],
        bundleHash: try BundleFingerprint.of(folder: Self.repository.appendingPathComponent("Protocols")),
        programVersion: "0.1.0"))
    func answer(_ step: String, _ kind: String, _ value: AnswerText, _ label: String) -> JournalEvent {
      .answer(AnswerEvent(step: step, kind: kind, question: "\(step) ?", value: value, label: label))
    }
    let events: [JournalEvent] = [
      answer("securite", "yesno", .bool(false), "Non"),
      answer("disparu", "yesno", .bool(false), "Non"),
      answer("appelant", "choice", .text("professionnel"), "Un·e professionnel·le"),
      .place(
        PlaceEvent(
          typed: "Creil", place: PlaceValue(communeCode: "60175", departement: "60", label: "Creil (60)"),
          step: "lieu")),
      answer("age", "number", .number(19), "19 ans"),
      .change(
        ChangeEvent(
          step: "age", question: "age ?", from: .number(19), fromLabel: "19 ans", to: .number(17), toLabel: "17 ans",
          reason: "l'éducatrice vérifie le dossier")),
      answer("signes", "multi", .list(["annonces-en-ligne", "argent-cadeaux"]), "Annonces, argent"),
      answer("suivi", "choice", .text("aucun"), "Aucun suivi connu"),
      answer("en-ligne-detail", "multi", .list(["annonces"]), "Annonces publiques"),
      answer("sante", "yesno", .bool(false), "Non"),
      .disposition(DispositionEvent(code: "numerique", title: "Retrait des contenus", level: "accompagnement")),
      .disposition(DispositionEvent(code: "ip-crip", title: "IP à la CRIP", level: "information-preoccupante")),
    ]
    for event in events {
      clock.advance(minutes: 1)
      try journal.append(event)
    }
    try journal.close(
      level: "information-preoccupante",
      path: [
        "securite", "disparu", "appelant", "route-fugue", "lieu", "age", "route-age", "signes", "suivi",
        "route-en-ligne", "en-ligne-detail", "sante", "route-conseils", "conseils-pro", "evaluation", "fin-ip",
      ])
  }

  /// The machine contract (docs/json.md): every `--json` output is one object whose `format`
  /// names the document (`repere/<kind>@1`), and no key anywhere is in camelCase.
  @Test func everyJSONOutputFollowsTheContract() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let state = folder.url.appendingPathComponent("state", isDirectory: true)
    try writeJadeCase(state: state)
    let data = Self.repository.appendingPathComponent("Protocols").path
    let commands: [(kind: String, arguments: [String])] = [
      ("check", ["check", "--data", data, "--json"]),
      ("walk", ["walk", "national/orientation", "--data", data, "--answer", "securite=oui", "--json"]),
      ("paths", ["paths", "national/orientation", "--data", data, "--json"]),
      ("scenario-list", ["scenario", "list", "--data", data, "--json"]),
      ("coverage", ["coverage", "--data", data, "--json"]),
      ("find", ["find", "--data", data, "119", "--json"]),
      ("resources", ["find", "--data", data, "--resources", "loi", "--json"]),
      ("journal-list", ["journal", "list", "--json"]),
      ("stats", ["stats", "--json"]),
    ]
    for (kind, arguments) in commands {
      let run = try repere(arguments, state: state, in: folder.url)
      #expect(run.status == .exited(0), "\(arguments): \(run.errors)")
      let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
      #expect(object?["format"] as? String == "repere/\(kind)@1", "\(arguments)")
      let camel = Self.keys(of: object as Any).filter { $0.contains(where: \.isUppercase) }
      #expect(camel.isEmpty, "\(arguments): keys not in snake_case: \(camel)")
    }
  }

  /// One error rule: a runtime error and a usage error both exit 2 with French words; a near
  /// miss is suggested in French (« vouliez-vous dire »), never in English.
  @Test func errorsExitTwoAndSuggestInFrench() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let data = Self.repository.appendingPathComponent("Protocols").path
    let missing = try repere(["walk", "national-orientation", "--data", data], state: folder.url, in: folder.url)
    #expect(missing.status == .exited(2))
    #expect(missing.errors.contains("vouliez-vous dire « national/orientation » ?"), "\(missing.errors)")
    #expect(!missing.errors.contains("did you mean"))
    let usage = try repere(["find", "--bogus", "--data", data], state: folder.url, in: folder.url)
    #expect(usage.status == .exited(2))
    #expect(usage.errors.contains("Option inconnue"), "\(usage.errors)")
    // Failures found while running (an answer the places refuse, a badly written --answer or
    // --now, a missing protocol) are one French line, never followed by the usage text.
    for arguments in [
      ["walk", "national/orientation", "--answer", "lieu=Sarcele"],
      ["walk", "national/orientation", "--answer", "lieu"],
      ["walk", "national/orientation", "--now", "hier"], ["paths", "nope/proto"],
    ] {
      let run = try repere(arguments + ["--data", data], state: folder.url, in: folder.url)
      #expect(run.status == .exited(2), "\(arguments)")
      let lines = run.errors.split(separator: "\n")
      #expect(lines.count == 1 && lines[0].hasPrefix("repere : "), "\(arguments): \(run.errors)")
      #expect(!run.errors.contains("Utilisation"), "\(arguments)")
    }
  }

  /// Every key of every object in a decoded JSON value.
  private static func keys(of value: Any) -> Set<String> {
    if let object = value as? [String: Any] {
      return object.reduce(into: Set(object.keys)) { $0.formUnion(keys(of: $1.value)) }
    }
    if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(keys(of: $1)) } }
    return []
  }

  @Test func listShowExportAndPurge() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let state = folder.url.appendingPathComponent("state", isDirectory: true)
    try writeJadeCase(state: state)

    let list = try repere(["journal", "list"], state: state, in: folder.url)
    #expect(list.status == .exited(0))
    #expect(list.output.contains("jade17creil2  19/11/2020 17:20  19/11/2020 17:32  clos"))
    #expect(list.output.contains("Conservation : 30 jours (par défaut)"))

    let show = try repere(["journal", "show", "jade"], state: state, in: folder.url)
    #expect(show.status == .exited(0))
    #expect(show.output.contains("modification  age : 19 ans → 17 ans — motif : l'éducatrice vérifie le dossier"))

    let markdown = try repere(["journal", "export", "jade17creil2"], state: state, in: folder.url)
    #expect(markdown.status == .exited(0))
    #expect(markdown.output.hasPrefix("# Synthèse d'orientation — Repère\n"))
    #expect(markdown.output.contains("- **Lieu** : Creil (60) — commune INSEE 60175, département 60"))

    let json = try repere(["journal", "export", "jade17creil2", "--format", "json"], state: state, in: folder.url)
    let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
    #expect(object?["level"] as? String == "information-preoccupante")

    let missing = try repere(["journal", "show", "zzz"], state: state, in: folder.url)
    #expect(missing.status == .exited(1))
    #expect(missing.errors.contains("aucun dossier « zzz »"))

    let kept = try repere(
      ["journal", "purge"], state: state, in: folder.url,
      environment: ["REPERE_JOURNAL_RETENTION_DAYS": "100000"])
    #expect(kept.output.hasPrefix("0 dossier supprimé (plus de 100000 jours, REPERE_JOURNAL_RETENTION_DAYS)"))
    let purged = try repere(["journal", "purge", "--overwrite"], state: state, in: folder.url)
    #expect(purged.status == .exited(0))
    #expect(purged.output.contains("1 dossier supprimé (plus de 30 jours, par défaut), écrasé avant suppression"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent("repere").path).isEmpty)
  }

  @Test func replayOnTheSameBundleIsIdenticalAndOnAChangedOneSaysWhatMoved() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let state = folder.url.appendingPathComponent("state", isDirectory: true)
    try writeJadeCase(state: state)
    let bundle = Self.repository.appendingPathComponent("Protocols").path

    let same = try repere(["replay", "jade17creil2", "--data", bundle], state: state, in: folder.url)
    #expect(same.status == .exited(0), "\(same.output)\(same.errors)")
    #expect(same.output.contains("Données : identiques à celles du dossier"))
    #expect(same.output.contains("Parcours : identique (securite → disparu →"))
    #expect(same.output.contains("Niveau : identique (information-preoccupante)"))

    // A newer bundle where 17-year-olds with two signs go to the procureur.
    let changed = folder.url.appendingPathComponent("Protocols", isDirectory: true)
    try FileManager.default.copyItem(atPath: bundle, toPath: changed.path)
    let file = changed.appendingPathComponent("protocoles/national-orientation.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let stricter = text.replacingOccurrences(
      of: "(not known(age) or age < 15) and score(signes) >= 4",
      with: "(not known(age) or age < 18) and score(signes) >= 2")
    try #require(stricter != text, "the protocol's evaluation route changed: update this test")
    try stricter.write(to: file, atomically: true, encoding: .utf8)

    let moved = try repere(
      ["replay", state.appendingPathComponent("repere/jade17creil2.jsonl").path, "--data", changed.path], state: state,
      in: folder.url)
    #expect(moved.status == .exited(1))
    #expect(moved.output.contains("  en plus : signalement-procureur (signalement)"))
    #expect(moved.output.contains("  en moins : ip-crip (information-preoccupante)"))
    #expect(moved.output.contains("Niveau : information-preoccupante → signalement"))
    #expect(moved.output.contains("Parcours : différent"))
  }
}
