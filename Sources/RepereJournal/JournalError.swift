/// Why a journal operation failed. Messages are in French: the CLI and the UI show them as is.
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A system call failed (`errno` and what was being done).
  case system(operation: String, path: String, errno: Int32)
  /// The journal folder is a symbolic link, not a folder, or belongs to another user.
  case unsafeFolder(path: String, reason: String)
  /// No journal has this id (or prefix).
  case notFound(id: String)
  /// Several journals start with this prefix.
  case ambiguous(prefix: String, candidates: [String])
  /// Not a case id (ids are lowercase letters and digits).
  case invalidID(String)
  /// Another Repère window holds this case open.
  case inUse(id: String)
  /// The case already has its `end` event: nothing may be appended.
  case alreadyClosed(id: String)
  /// The journal was suspended (its file closed); resume the case to append again.
  case suspended(id: String)
  /// A previous write failed and could not be undone; the journal refuses further writes.
  case unusable(id: String)
  /// An event could not be encoded (should not happen with well-formed events).
  case encoding(String)
  /// A symbolic link, FIFO, device or folder where a regular file was expected.
  case notRegularFile(path: String)
  /// The output file exists and `--force` was not given.
  case exists(path: String)

  public var description: String {
    switch self {
    case .system(let operation, let path, let code):
      return "journal : \(operation) a échoué pour \(path) : \(String(cString: strerror(code))) (errno \(code))"
    case .unsafeFolder(let path, let reason):
      return "journal : dossier refusé \(path) : \(reason)"
    case .notFound(let id):
      return "journal : aucun dossier « \(id) »"
    case .ambiguous(let prefix, let candidates):
      return "journal : « \(prefix) » désigne plusieurs dossiers : \(candidates.joined(separator: ", "))"
    case .invalidID(let id):
      return "journal : identifiant invalide « \(id) » (lettres minuscules et chiffres)"
    case .inUse(let id):
      return "journal : le dossier \(id) est déjà ouvert dans une autre fenêtre de Repère"
    case .alreadyClosed(let id):
      return "journal : le dossier \(id) est clos ; rien ne peut y être ajouté"
    case .suspended(let id):
      return "journal : le dossier \(id) a été refermé ; reprenez-le pour y ajouter quelque chose"
    case .unusable(let id):
      return "journal : une écriture a échoué dans le dossier \(id) ; il n'accepte plus d'ajout"
    case .encoding(let detail):
      return "journal : événement impossible à encoder : \(detail)"
    case .notRegularFile(let path):
      return
        "journal : \(path) n'est pas un fichier ordinaire (lien symbolique, tube, périphérique ou dossier) ; refusé"
    case .exists(let path):
      return "journal : \(path) existe déjà ; ajoutez --force pour le remplacer"
    }
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
