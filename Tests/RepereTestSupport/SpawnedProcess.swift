import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spawns a program with posix_spawn (not Foundation.Process: we need the pid at once and a clean
/// signal state), its stdout and stderr going to files. The one process spawner of the tests.
public struct SpawnedProcess {
  public let pid: pid_t
  public let stdout: URL
  public let stderr: URL

  /// How the process ended.
  public enum Ending: Equatable {
    case exited(Int32)
    case signaled(Int32)
  }

  /// What a finished process printed and its status (128 + signal when killed).
  public struct Result {
    public var status: Int32
    public var output: String
    public var error: String
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Starts `arguments` (the first one a path, or a name looked up in PATH) with an empty signal
  /// mask and default dispositions: Swift Testing's threads block most signals and children
  /// inherit the mask.
  public static func spawn(
    _ arguments: [String], outputIn folder: URL, name: String, stdinPath: String = "/dev/null",
    environment: [String: String]? = nil
  ) throws -> SpawnedProcess {
    let stdout = folder.appendingPathComponent("\(name).out")
    let stderr = folder.appendingPathComponent("\(name).err")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

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

    guard let program = arguments.first else { throw Failure(description: "nothing to run") }
    let argv = arguments.map { strdup($0) }
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let argvWithEnd = argv + [nil]
    let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } }
    defer { for pointer in envp ?? [] { free(pointer) } }
    var result: Int32 = 0
    // A freshly copied binary can be « text file busy » (ETXTBSY) for a moment: a child forked by
    // a test running in parallel may still hold the copy's write descriptor until it execs.
    for attempt in 0..<50 {
      if attempt > 0 { usleep(20_000) }
      if let envp {
        result = posix_spawnp(&pid, program, &actions, &attributes, argvWithEnd, envp + [nil])
      } else {
        result = posix_spawnp(&pid, program, &actions, &attributes, argvWithEnd, environ)
      }
      guard result == ETXTBSY else { break }
    }
    guard result == 0 else { throw Failure(description: "cannot start \(program): \(result)") }
    return SpawnedProcess(pid: pid, stdout: stdout, stderr: stderr)
  }

  /// Starts `executable` with `arguments`.
  public static func spawn(
    _ executable: URL, _ arguments: [String], outputIn folder: URL, name: String, environment: [String: String]? = nil
  ) throws -> SpawnedProcess {
    try spawn([executable.path] + arguments, outputIn: folder, name: name, environment: environment)
  }

  /// Runs `arguments` to the end and returns what it printed.
  public static func run(
    _ arguments: [String], stdinPath: String = "/dev/null", environment: [String: String]? = nil
  ) throws -> Result {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
    let name = "repere-spawn-\(UUID().uuidString)"
    let process = try spawn(arguments, outputIn: folder, name: name, stdinPath: stdinPath, environment: environment)
    defer {
      unlink(process.stdout.path)
      unlink(process.stderr.path)
    }
    let status: Int32
    switch process.wait() {
    case .exited(let code): status = code
    case .signaled(let signal): status = 128 + signal
    }
    return Result(status: status, output: process.outputText(), error: process.errorText())
  }

  public func send(_ signal: Int32) {
    _ = kill(pid, signal)
  }

  /// Waits for the process to end.
  public func wait() -> Ending {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }

  /// What the process printed so far, line by line (a last line without newline excluded).
  public func outputLines() -> [String] {
    var lines = outputText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeLast()  // after the last newline: empty, or a line still being written
    return lines
  }

  public func outputText() -> String {
    guard let data = try? Data(contentsOf: stdout) else { return "" }
    return String(decoding: data, as: UTF8.self)
  }

  public func errorText() -> String {
    (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
  }
}
