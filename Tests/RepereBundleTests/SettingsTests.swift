import Foundation
import RepereBase
import Testing

@testable import RepereBundle

@Suite struct SettingsTests {
  let folder = URL(fileURLWithPath: "/etc/repere")

  @Test func readsEveryKeyAndAnchorsRelativePaths() {
    let (settings, findings) = SettingsLoader.parse(
      """
      data: ../../srv/repere/Protocols
      place: "93"
      lang: en
      journal: /var/lib/repere/journaux
      lock_after_minutes: 10
      """, file: "/etc/repere/config.yaml", folder: folder)
    #expect(findings.isEmpty)
    #expect(settings.data?.value.path == "/srv/repere/Protocols")
    #expect(settings.place?.value == "93")
    #expect(settings.lang?.value == "en")
    #expect(settings.journal?.value.path == "/var/lib/repere/journaux")
    #expect(settings.lockAfterMinutes?.value == 10)
    #expect(settings.data?.file == "/etc/repere/config.yaml")
  }

  @Test func unknownKeysAndBadValuesArePositionedFindings() {
    let (settings, findings) = SettingsLoader.parse(
      """
      lang: de
      dta: /srv
      lock_after_minutes: soon
      place: [93, 95]
      """, file: "config.yaml", folder: folder)
    #expect(
      findings.map(\.description) == [
        "config.yaml:1:7: error: `lang` vaut « de » ; valeurs possibles : fr, en [config-value]",
        "config.yaml:2:1: error: clé `dta` inconnue dans la configuration (vouliez-vous dire « data » ?) [unknown-key]",
        "config.yaml:3:21: error: `lock_after_minutes` vaut « soon » ; attendu : un nombre entier de minutes "
          + "de 0 (jamais) à 1440 [config-value]",
        "config.yaml:4:8: error: `place` attend un texte, pas une liste [config-value]",
      ])
    #expect(settings == Settings())
  }

  @Test func anEmptyFileIsAnEmptyConfiguration() {
    let (settings, findings) = SettingsLoader.parse("", file: "config.yaml", folder: folder)
    #expect(findings.isEmpty)
    #expect(settings == Settings())
  }

  @Test func theUsersFileOverridesTheSystemsKeyByKey() throws {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: temporary) }
    let system = temporary.appendingPathComponent("etc/config.yaml")
    let user = temporary.appendingPathComponent("home/config.yaml")
    for file in [system, user] {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    }
    try "data: /srv/repere\nplace: \"93\"\n".write(to: system, atomically: true, encoding: .utf8)
    try "place: \"95\"\n".write(to: user, atomically: true, encoding: .utf8)
    let (settings, findings) = SettingsLoader.load(files: [system, user]) {
      FileManager.default.fileExists(atPath: $0.path)
    }
    #expect(findings.isEmpty)
    #expect(settings.data?.value.path == "/srv/repere")
    #expect(settings.place?.value == "95")
    #expect(settings.place?.file == user.path)
  }

  @Test func userFileFollowsXDGConfigHome() {
    let etc = URL(fileURLWithPath: "/etc/repere")
    #expect(
      SettingsLoader.candidateFiles(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/home/a"], systemFolder: etc)
        .map(\.path) == ["/etc/repere/config.yaml", "/x/repere/config.yaml"])
    #expect(
      SettingsLoader.candidateFiles(environment: ["HOME": "/home/a"], systemFolder: etc).map(\.path) == [
        "/etc/repere/config.yaml", "/home/a/.config/repere/config.yaml",
      ])
  }
}

@Suite struct DataFolderResolverTests {
  let cwd = URL(fileURLWithPath: "/work/here")
  let prefix = URL(fileURLWithPath: "/opt/repere")

  func resolve(
    option: String? = nil, environment: [String: String] = ["HOME": "/home/a"], settings: Settings = Settings(),
    existing: Set<String>
  ) -> DataFolderResolver.Choice {
    DataFolderResolver.resolve(
      option: option, environment: environment, settings: settings, workingDirectory: cwd, installPrefix: prefix,
      isDirectory: { existing.contains($0.path) })
  }

  var configured: Settings {
    var settings = Settings()
    settings.data = .init(URL(fileURLWithPath: "/srv/data"), file: "/etc/repere/config.yaml")
    return settings
  }

  let everything: Set<String> = [
    "/work/here/Protocols", "/home/a/.local/share/repere", "/opt/repere/share/repere", "/srv/data",
  ]

  @Test func precedenceFollowsTheDocumentedOrder() {
    #expect(
      resolve(option: "d", environment: ["REPERE_DATA": "/e"], settings: configured, existing: everything)
        == .init(folder: URL(fileURLWithPath: "/work/here/d"), source: .option))
    #expect(
      resolve(environment: ["REPERE_DATA": "/e", "HOME": "/home/a"], settings: configured, existing: everything)
        == .init(folder: URL(fileURLWithPath: "/e"), source: .environment))
    #expect(
      resolve(settings: configured, existing: everything)
        == .init(folder: URL(fileURLWithPath: "/srv/data"), source: .configuration(file: "/etc/repere/config.yaml")))
    #expect(resolve(existing: everything).source == .workingDirectory)
    #expect(
      resolve(existing: ["/home/a/.local/share/repere", "/opt/repere/share/repere"])
        == .init(folder: URL(fileURLWithPath: "/home/a/.local/share/repere"), source: .userData))
    #expect(
      resolve(environment: ["XDG_DATA_HOME": "/xdg"], existing: ["/xdg/repere"])
        == .init(folder: URL(fileURLWithPath: "/xdg/repere"), source: .userData))
    #expect(
      resolve(existing: ["/opt/repere/share/repere"])
        == .init(folder: URL(fileURLWithPath: "/opt/repere/share/repere"), source: .installed))
    #expect(
      resolve(existing: []) == .init(folder: URL(fileURLWithPath: "/work/here/Protocols"), source: .fallback))
  }
}
