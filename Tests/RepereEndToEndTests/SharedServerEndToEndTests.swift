import Foundation
import RepereTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A helpline server: two Unix accounts share the data and the index `repere prepare` built once,
/// and neither can read the other's journals. Creates and removes two accounts, so it runs only
/// as root (skipped otherwise, with the reason).
@Suite(.tags(.endToEnd), .serialized) struct SharedServerEndToEndTests {
  static var canCreateUsers: Bool {
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
      && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")
  }

  @Test(.enabled(if: canCreateUsers, "needs root, useradd and runuser to create two test accounts"))
  func twoOperatorsShareThePreparedIndexAndNotTheirJournals() throws {
    let suffix = String(UUID().uuidString.prefix(6)).lowercased()
    let users = ["repa\(suffix)", "repb\(suffix)"]
    let root = URL(fileURLWithPath: "/tmp").appendingPathComponent("repere-server-\(suffix)")
    defer {
      for user in users { _ = try? TmuxSession.run(["/usr/sbin/userdel", "-r", user]) }
      try? FileManager.default.removeItem(at: root)
    }
    let manager = FileManager.default
    try manager.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    // The program and the data as an administrator installs them: root-owned, readable by all.
    let program = root.appendingPathComponent("repere")
    try manager.copyItem(atPath: try Harness.binary(), toPath: program.path)
    try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
    let data = root.appendingPathComponent("donnees")
    try manager.copyItem(at: Harness.packageRoot.appendingPathComponent("Tests/Fixtures/ui-bundle"), to: data)
    #expect(try TmuxSession.run(["chmod", "-R", "a+rX,go-w", data.path]).status == 0)

    let prepared = try TmuxSession.run([program.path, "prepare", "--data", data.path])
    #expect(prepared.status == 0, "\(prepared.output)\(prepared.error)")
    let index = data.appendingPathComponent(".repere-index")
    // The cache's head and the folder of its segments.
    let indexFiles = try manager.contentsOfDirectory(atPath: index.path)
    #expect(indexFiles.count == 2)
    let indexFile = index.appendingPathComponent(indexFiles.first { $0.hasSuffix(".bin") } ?? "")
    let before = try manager.attributesOfItem(atPath: indexFile.path)
    #expect((before[.posixPermissions] as? Int) == 0o644)

    for user in users {
      let created = try TmuxSession.run(["/usr/sbin/useradd", "--create-home", "--shell", "/bin/sh", user])
      #expect(created.status == 0, "\(created.error)")
    }
    func run(_ user: String, _ arguments: [String], stdin: String = "/dev/null") throws -> TmuxSession.Result {
      try TmuxSession.run(
        [
          "/usr/sbin/runuser", "-u", user, "--", "env", "-i", "HOME=/home/\(user)", "LANG=C.UTF-8",
          "PATH=/usr/bin:/bin",
        ]
          + [program.path] + arguments, stdinPath: stdin)
    }

    // Both search through the prepared index: it is read, not rewritten, and no private cache appears.
    for user in users {
      let found = try run(user, ["find", "maison", "--data", data.path])
      #expect(found.status == 0 || found.status == 1, "\(found.error)")
      #expect(!manager.fileExists(atPath: "/home/\(user)/.cache/repere"))
    }
    let after = try manager.attributesOfItem(atPath: indexFile.path)
    #expect((after[.modificationDate] as? Date) == (before[.modificationDate] as? Date))

    // The first operator records a case (line mode: one answer, then quit).
    let script = root.appendingPathComponent("script.txt")
    try "1\nq\n".write(to: script, atomically: true, encoding: .utf8)
    try manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: script.path)
    _ = try run(users[0], ["--plain", "--data", data.path], stdin: script.path)
    let journals = "/home/\(users[0])/.local/state/repere"
    let listed = try run(users[0], ["journal", "list", "--json"])
    #expect(listed.output.contains("\"id\""), "\(listed.output)\(listed.error)")
    let folderMode = try manager.attributesOfItem(atPath: journals)[.posixPermissions] as? Int
    #expect(folderMode == 0o700)

    // The second cannot list, read or even see that folder's files.
    let denied = try TmuxSession.run(["/usr/sbin/runuser", "-u", users[1], "--", "ls", journals])
    #expect(denied.status != 0)
    #expect(denied.error.contains("Permission denied"))
    let ownList = try run(users[1], ["journal", "list", "--json"])
    let own = try JSONSerialization.jsonObject(with: Data(ownList.output.utf8)) as? [String: Any]
    #expect((own?["cases"] as? [Any])?.isEmpty == true, "\(ownList.output)")
  }
}
