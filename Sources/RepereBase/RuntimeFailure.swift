/// A failure while running (a protocol or scenario absent, a journal unreadable): one French
/// line on stderr and a documented exit status (README, « Codes de sortie »), never the usage
/// text. `ValidationError` stays for arguments badly written, which do deserve the usage.
/// Library code throws it; only the executable prints it (`Repere.main`).
public struct RuntimeFailure: Error, Equatable {
  /// Exit status of a runtime failure: the data or the journal does not allow what was asked.
  public static let status: Int32 = 2

  public var message: String
  public var status: Int32
  /// Lines printed before the message (each finding with its file:line:column), so a caller can
  /// see where a file is wrong and still get one failure line last.
  public var details: [String]

  public init(_ message: String, status: Int32 = RuntimeFailure.status, details: [String] = []) {
    self.message = message
    self.status = status
    self.details = details
  }
}
