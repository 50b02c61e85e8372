import Foundation
import RepereTestSupport
import Testing

/// `make install` into a temporary prefix, then the installed program used from another folder
/// with no `--data`: it must find its installed data, and `make uninstall` must leave nothing.
/// The debug binary is installed (NO_BUILD=1) so that the test does not build in release mode;
/// man pages are left out (MAN=0) for the same reason (`make install` makes them).
@Suite(.tags(.endToEnd), .serialized) struct InstallEndToEndTests {
  struct Sandbox {
    let root: URL
    var prefix: URL { root.appendingPathComponent("prefix") }
    var elsewhere: URL { root.appendingPathComponent("ailleurs") }
    var home: URL { root.appendingPathComponent("home") }

    init() throws {
      root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("repere-install-\(UUID().uuidString)")
      for folder in [root, root.appendingPathComponent("ailleurs"), root.appendingPathComponent("home")] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
    }

    /// A clean environment: a home of its own, no XDG variables, no REPERE_DATA.
    var environment: [String: String] {
      ["HOME": home.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    /// `command` run by sh in the folder "ailleurs".
    func run(_ command: String, environment extra: [String: String] = [:]) throws -> TmuxSession.Result {
      try TmuxSession.run(
        ["sh", "-c", "cd " + Harness.shellQuoted(elsewhere.path) + " && " + command],
        environment: environment.merging(extra) { $1 })
    }

    var repere: String { Harness.shellQuoted(prefix.appendingPathComponent("bin/repere").path) }

    func make(_ target: String, binary: String) throws -> TmuxSession.Result {
      try TmuxSession.run(
        [
          "make", "-s", "-C", Harness.packageRoot.path, target, "PREFIX=\(prefix.path)", "NO_BUILD=1",
          "BINARY=\(binary)", "MAN=0", "STAGE=\(root.appendingPathComponent("stage").path)",
        ], environment: environment)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  static var hasMake: Bool {
    (try? TmuxSession.run(["sh", "-c", "command -v make"]).status) == 0
  }

  @Test(.enabled(if: hasMake, "make is not installed"))
  func installedProgramFindsItsDataFromAnotherFolderAndUninstallLeavesNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let binary = try Harness.binary()
    let install = try sandbox.make("install", binary: binary)
    #expect(install.status == 0, "\(install.output)\(install.error)")
    for file in [
      "bin/repere", "share/repere/vocabulaire.yaml", "share/bash-completion/completions/repere",
      "share/zsh/site-functions/_repere", "share/fish/vendor_completions.d/repere.fish", "lib/repere/commit",
      "lib/repere/installed-files",
    ] {
      #expect(FileManager.default.fileExists(atPath: sandbox.prefix.appendingPathComponent(file).path), "\(file)")
    }

    let version = try sandbox.run("\(sandbox.repere) --version")
    #expect(version.status == 0)
    #expect(version.output.contains("données : \(sandbox.prefix.path)/share/repere (données installées)"))

    let found = try sandbox.run("\(sandbox.repere) find 'maison des adolescents' --limit 1")
    #expect(found.status == 0, "\(found.output)\(found.error)")
    #expect(found.output.contains("1."))
    let nothing = try sandbox.run("\(sandbox.repere) find zzqxwvkj")
    #expect(nothing.status == 1)
    #expect(nothing.output.contains("Aucune structure trouvée."))
    let badOption = try sandbox.run("\(sandbox.repere) find --bogus")
    #expect(badOption.status == 2)
    #expect(badOption.error.contains("Option inconnue"))

    let scenarios = try sandbox.run("\(sandbox.repere) scenario test")
    #expect(scenarios.status == 0, "\(scenarios.output)\(scenarios.error)")
    #expect(scenarios.output.contains("passed, 0 failed"))

    let uninstall = try sandbox.make("uninstall", binary: binary)
    #expect(uninstall.status == 0, "\(uninstall.output)\(uninstall.error)")
    // The prefix did not exist: the install created it, with every folder under it, and the
    // uninstall removes exactly that.
    let left = try TmuxSession.run(["find", sandbox.prefix.path])
    #expect(!FileManager.default.fileExists(atPath: sandbox.prefix.path), "left after uninstall: \(left.output)")
  }

  /// --data, then REPERE_DATA, then the configuration, then ./Protocols.
  @Test func dataFolderPrecedenceThroughTheRealProgram() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let repere = Harness.shellQuoted(try Harness.binary())
    let fixture = Harness.packageRoot.appendingPathComponent("Tests/Fixtures/ui-bundle").path
    let configFolder = sandbox.home.appendingPathComponent(".config/repere")
    try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: sandbox.elsewhere.appendingPathComponent("Protocols"), withIntermediateDirectories: true)
    func dataLine(_ command: String, _ environment: [String: String] = [:]) throws -> String {
      let result = try sandbox.run(command, environment: environment)
      return result.output.split(separator: "\n").first { $0.hasPrefix("données : ") }.map(String.init) ?? result.error
    }
    let local = sandbox.elsewhere.appendingPathComponent("Protocols").path
    #expect(try dataLine("\(repere) --version") == "données : \(local) (./Protocols du dossier courant)")

    try "data: \(fixture)\nplace: \"95\"\n".write(
      to: configFolder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    #expect(
      try dataLine("\(repere) --version")
        == "données : \(fixture) (configuration \(configFolder.path)/config.yaml)")
    #expect(
      try dataLine("\(repere) --version", ["REPERE_DATA": "/srv/ailleurs"])
        == "données : /srv/ailleurs (variable REPERE_DATA)")
    #expect(
      try dataLine("\(repere) --version --data /opt/d", ["REPERE_DATA": "/srv/ailleurs"])
        == "données : /opt/d (option --data)")

    // A bad value is reported with its line and column, and the rest of the file still applies.
    try "data: \(fixture)\nlang: de\n".write(
      to: configFolder.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    let result = try sandbox.run("\(repere) --version")
    #expect(result.error.contains("config.yaml:2:7: error: `lang` vaut « de » ; valeurs possibles : fr, en"))
    #expect(result.output.contains("données : \(fixture) (configuration"))
  }
}
