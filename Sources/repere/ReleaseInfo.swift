/// The program's version, recorded in every case journal.
enum ReleaseInfo {
  static let version = "0.1.0"
}
