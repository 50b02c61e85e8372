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
