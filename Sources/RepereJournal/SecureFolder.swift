import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure the journal folder exists, is ours, and is readable by us alone (0700).
///
/// A folder that already exists with wider rights (say 0755 after a copy) is tightened and the
/// change reported; a folder that is a symbolic link, not a folder, or another user's is refused:
/// case journals concern minors and must not land where someone else can read them.
enum SecureFolder {
  static let folderMode: mode_t = 0o700
  static let fileMode: mode_t = 0o600

  /// Creates or checks `folder`; returns what was tightened, in French, for the user.
  static func prepare(_ folder: URL) throws -> [String] {
    let path = folder.path
    guard let info = POSIX.linkStatus(path) else {
      try create(folder)
      return []
    }
    if POSIX.isSymbolicLink(info) {
      throw JournalError.unsafeFolder(path: path, reason: "c'est un lien symbolique ; donnez un vrai dossier")
    }
    guard POSIX.isDirectory(info) else {
      throw JournalError.unsafeFolder(path: path, reason: "ce n'est pas un dossier")
    }
    guard info.st_uid == geteuid() else {
      throw JournalError.unsafeFolder(path: path, reason: "il appartient à un autre utilisateur (uid \(info.st_uid))")
    }
    let mode = POSIX.permissions(info)
    guard mode != folderMode else { return [] }
    try POSIX.check(chmod(path, folderMode), "chmod", path)
    return ["droits du dossier \(path) resserrés de \(POSIX.octal(mode)) à \(POSIX.octal(folderMode))"]
  }

  /// Tightens an existing journal file to 0600 if needed; returns the notice, if any.
  static func tightenFile(descriptor: Int32, path: String) throws -> String? {
    let info = try POSIX.status(descriptor, path: path)
    let mode = POSIX.permissions(info)
    guard mode != fileMode else { return nil }
    try POSIX.check(fchmod(descriptor, fileMode), "chmod", path)
    return "droits du fichier \(path) resserrés de \(POSIX.octal(mode)) à \(POSIX.octal(fileMode))"
  }

  private static func create(_ folder: URL) throws {
    // Parents the XDG spec would create (~/.local/state) get 0700 too.
    let parent = folder.deletingLastPathComponent()
    if POSIX.linkStatus(parent.path) == nil {
      do {
        try FileManager.default.createDirectory(
          at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: Int(folderMode)])
      } catch {
        throw JournalError.system(operation: "création du dossier", path: parent.path, errno: errnoOf(error))
      }
    }
    if mkdir(folder.path, folderMode) != 0, errno != EEXIST {
      throw JournalError.system(operation: "création du dossier", path: folder.path, errno: errno)
    }
    // mkdir applies the umask; chmod sets exactly 0700.
    try POSIX.check(chmod(folder.path, folderMode), "chmod", folder.path)
    _ = try prepare(folder)
  }
}
