import Foundation
@_exported import RepereTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a private tmux server (its own socket), types keys and reads the screen,
/// like fzf's test harness. Every wait polls `capture-pane` every 20 ms with a timeout and
/// prints the screen when it times out.
final class TmuxSession {
  let folder: URL
  let socket: String
  let target = "e2e"
  private(set) var killed = false

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts `command` (a shell command line) in a detached session of `columns`×`rows`, with
  /// no status line, keeping the pane after the program exits (to read its exit status).
  init(command: String, columns: Int = 80, rows: Int = 24) throws {
    folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("repere-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    socket = folder.appendingPathComponent("tmux.sock").path
    let config = folder.appendingPathComponent("tmux.conf")
    try "set -g status off\nset -g remain-on-exit on\nset -g default-terminal screen\nset -sg escape-time 0\n"
      .write(to: config, atomically: true, encoding: .utf8)
    _ = try Self.spawn(
      [
        "tmux", "-S", socket, "-f", config.path, "new-session", "-d", "-s", target, "-x", "\(columns)", "-y", "\(rows)",
        command,
      ])
  }

  deinit { kill() }

  /// `tmux -S socket ARGS`, returning its standard output.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    try Self.spawn(["tmux", "-S", socket] + arguments)
  }

  /// Named keys (`Enter`, `Down`, `Escape`, `BSpace`, `F3`, `C-c`…) or literal characters.
  func keys(_ names: String...) throws {
    try tmux(["send-keys", "-t", target] + names)
  }

  /// Types text literally.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", target, "-l", text])
  }

  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", target])
  }

  /// A tmux format value for the pane (`#{pane_dead}`, `#{alternate_on}`…).
  func value(_ format: String) throws -> String {
    try tmux(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
  }

  /// Waits until the screen satisfies `condition`; throws with the screen on timeout.
  @discardableResult
  func waitFor(
    _ description: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = (try? screen()) ?? ""
      // A capture can catch a frame half painted: the condition must hold on two identical
      // captures in a row, so the rest of the screen the test reads next is there too.
      if condition(last) {
        usleep(20_000)
        let again = (try? screen()) ?? ""
        if again == last { return last }
        last = again
        continue
      }
      usleep(20_000)
    }
    throw Failure(description: "timed out waiting for \(description); screen was:\n\(last)")
  }

  /// Waits until the screen shows `text`.
  @discardableResult
  func waitFor(text: String, timeout: TimeInterval = 10) throws -> String {
    try waitFor("« \(text) »", timeout: timeout) { $0.contains(text) }
  }

  /// Waits for the program to exit; returns its exit status. Programs started with
  /// `Harness.reporting` print `EXIT=n` from their parent shell (tmux 3.3a sometimes leaves a
  /// dead pane unreaped under load, so the pane's own status is only a fallback).
  func waitForExit(timeout: TimeInterval = 10) throws -> Int {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      let screen = (try? tmux(["capture-pane", "-p", "-J", "-t", target])) ?? ""
      for marker in ["EXIT=", "Pane is dead (status "] {
        if let range = screen.range(of: marker, options: .backwards) {
          let digits = screen[range.upperBound...].prefix { $0.isNumber }
          if let status = Int(digits) { return status }
        }
      }
      if (try? value("#{pane_dead}")) == "1", let status = Int((try? value("#{pane_dead_status}")) ?? "") {
        return status
      }
      usleep(20_000)
    }
    throw Failure(description: "the program did not exit; screen was:\n" + ((try? screen()) ?? ""))
  }

  /// Stops the server and removes the socket and temporary files.
  func kill() {
    guard !killed else { return }
    killed = true
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: folder)
  }

  /// Runs a program with an empty signal mask and default dispositions (Swift Testing's threads
  /// block signals and children inherit that), stdin from /dev/null, stdout to a file. Returns
  /// its output; throws when it exits non-zero.
  @discardableResult
  static func spawn(_ arguments: [String], stdinPath: String = "/dev/null", allowFailure: Bool = false) throws -> String
  {
    let result = try run(arguments, stdinPath: stdinPath)
    guard result.status == 0 || allowFailure else {
      throw Failure(
        description: "\(arguments.joined(separator: " ")) exited \(result.status): \(result.output)\(result.error)")
    }
    return result.output
  }

  typealias Result = SpawnedProcess.Result

  static func run(_ arguments: [String], stdinPath: String = "/dev/null", environment: [String: String]? = nil) throws
    -> Result
  {
    try SpawnedProcess.run(arguments, stdinPath: stdinPath, environment: environment)
  }
}

/// The built `repere` and a private copy of the fixture bundle for each test.
enum Harness {
  static let packageRoot = TestPaths.packageRoot

  /// The `repere` built next to the test bundle (swift test builds every product), else in
  /// .build/debug; built on demand when missing.
  static func binary() throws -> String {
    try BuiltProducts.executableBuildingIfNeeded(named: "repere").path
  }

  /// A copy of Tests/Fixtures/ui-bundle in a new temporary folder, and a journal folder.
  /// A fresh folder with a copy of `bundle` (a path under the package root: the UI fixture by
  /// default, `Protocols` for the shipped bundle) and an empty journal folder.
  static func workspace(bundle: String = "Tests/Fixtures/ui-bundle") throws -> (
    data: String, journals: String, root: URL
  ) {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("repere-ws-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let data = root.appendingPathComponent("data")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(bundle), to: data)
    return (data.path, root.appendingPathComponent("journaux").path, root)
  }

  /// `command` run by a shell that prints its exit status as `EXIT=n` afterwards and stays.
  /// The shell traps SIGINT with a no-op (reset to default in the child) so Ctrl-C reaches
  /// the program without ending the shell before it reports.
  static func reporting(_ command: String) -> String {
    "sh -c " + shellQuoted("trap : INT; " + command + "; echo EXIT=$?; sleep 60")
  }

  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
