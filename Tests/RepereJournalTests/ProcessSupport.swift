import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spawns a helper executable with posix_spawn (not Foundation.Process: we need the pid at once
/// and a clean signal state), its stdout and stderr going to files.
struct SpawnedProcess {
  let pid: pid_t
  let stdout: URL
  let stderr: URL

  /// How the process ended.
  enum Ending: Equatable {
    case exited(Int32)
    case signaled(Int32)
  }

  static func spawn(
    _ executable: URL, _ arguments: [String], outputIn folder: URL, name: String, environment: [String: String]? = nil
  ) throws -> SpawnedProcess {
    let stdout = folder.appendingPathComponent("\(name).out")
    let stderr = folder.appendingPathComponent("\(name).err")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    // Swift Testing's threads block most signals and children inherit the mask: start clean.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var defaults = sigset_t()
    sigfillset(&defaults)
    sigdelset(&defaults, SIGKILL)
    sigdelset(&defaults, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable.path] + arguments).map { strdup($0) }
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let argvWithEnd = argv + [nil]
    let result: Int32
    if let environment {
      let envp = environment.map { strdup("\($0.key)=\($0.value)") }
      defer { for pointer in envp { free(pointer) } }
      result = posix_spawn(&pid, executable.path, &actions, &attributes, argvWithEnd, envp + [nil])
    } else {
      result = posix_spawn(&pid, executable.path, &actions, &attributes, argvWithEnd, environ)
    }
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    return SpawnedProcess(pid: pid, stdout: stdout, stderr: stderr)
  }

  func send(_ signal: Int32) {
    _ = kill(pid, signal)
  }

  /// Waits for the process to end.
  func wait() -> Ending {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }

  /// What the process printed so far, line by line (a last line without newline excluded).
  func outputLines() -> [String] {
    guard let data = try? Data(contentsOf: stdout) else { return [] }
    let text = String(decoding: data, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeLast()  // after the last newline: empty, or a line still being written
    return lines
  }

  func errorText() -> String {
    (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
  }
}

/// The helper executables built beside the test bundle.
enum BuiltProducts {
  /// True when `name` has been built (the `repere` executable is, by `swift build`).
  static func exists(_ name: String) -> Bool { (try? executable(named: name)) != nil }

  static func executable(named name: String) throws -> URL {
    let starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
    for start in starts {
      var folder = start.deletingLastPathComponent()
      for _ in 0..<5 {
        let candidate = folder.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
      }
    }
    throw POSIXError(.ENOENT)
  }
}
