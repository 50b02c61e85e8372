import Foundation

/// The note being typed, kept next to its case journal (`<id>.jsonl.draft`, 0600) at every
/// keystroke, so that no way of ending the program (a killed process, a closed terminal) loses
/// it: resuming the case journals it as a note. Not fsync'd: it must outlive the process, and
/// the page cache does.
public enum NoteDraft {
  /// The draft file of the journal at `journal`.
  public static func url(for journal: URL) -> URL {
    journal.deletingLastPathComponent().appendingPathComponent(journal.lastPathComponent + ".draft")
  }

  /// Keeps `text` as the draft of `journal` (an empty text removes it).
  public static func write(_ text: String, for journal: URL) throws {
    let file = url(for: journal)
    guard !text.isEmpty else {
      remove(for: journal)
      return
    }
    let temporary = file.deletingLastPathComponent().appendingPathComponent("." + file.lastPathComponent + ".tmp")
    guard
      FileManager.default.createFile(
        atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    else {
      throw JournalError.system(operation: "écriture du brouillon", path: temporary.path, errno: errno)
    }
    guard rename(temporary.path, file.path) == 0 else {
      throw JournalError.system(operation: "écriture du brouillon", path: file.path, errno: errno)
    }
  }

  /// The draft left by a session that ended without saving it, or nil.
  public static func read(for journal: URL) -> String? {
    guard let data = FileManager.default.contents(atPath: url(for: journal).path),
      let text = String(data: data, encoding: .utf8),
      !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    else { return nil }
    return text
  }

  public static func remove(for journal: URL) {
    try? FileManager.default.removeItem(at: url(for: journal))
  }
}
