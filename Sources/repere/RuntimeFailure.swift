import ArgumentParser
import Foundation

/// A failure while running (a protocol or scenario absent, a journal unreadable): one French
/// line on stderr and a documented exit status (README, « Codes de sortie »), never the usage
/// text. `ValidationError` stays for arguments badly written, which do deserve the usage.
struct RuntimeFailure: Error {
  /// Exit status of a runtime failure: the data or the journal does not allow what was asked.
  static let status: Int32 = 2

  var message: String
  var status: Int32 = RuntimeFailure.status

  init(_ message: String, status: Int32 = RuntimeFailure.status) {
    self.message = message
    self.status = status
  }
}

extension Repere {
  /// Runs the command; a `RuntimeFailure` becomes its one line and status, every other error
  /// goes through ArgumentParser (usage and 64 for `ValidationError`).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as RuntimeFailure {
      let line = failure.message.replacingOccurrences(of: "\n", with: " ")
      FileHandle.standardError.write(Data("repere : \(line)\n".utf8))
      Foundation.exit(failure.status)
    } catch {
      exit(withError: error)
    }
  }
}
