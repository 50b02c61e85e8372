import ArgumentParser
import Foundation
import RepereBase
import RepereLookup

/// `repere prepare`: builds the directory index next to the data, once, for every account.
struct PrepareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prepare",
    abstract: HelpText.t(
      "Prépare l'index de l'annuaire à côté des données, partagé par tous les comptes (serveur).",
      "Prepares the directory index next to the data, shared by every account (server)."),
    discussion: HelpText.t(
      """
      Écrit DONNÉES/\(SharedIndex.folderName)/ (dossier 0755, fichiers 0644) : lisible par tous, \
      modifiable par qui met les données à jour. À relancer après chaque mise à jour des données \
      ou du programme ; sinon chaque recherche relit l'annuaire, correctement mais plus lentement.
      Code de sortie : 0 index écrit, 2 erreur (données illisibles, dossier non modifiable).
      """,
      """
      Writes DATA/\(SharedIndex.folderName)/ (folder 0755, files 0644): readable by all, \
      writable by whoever updates the data. Run it again after each update of the data \
      or of the program; otherwise each search rereads the directory, correctly but more slowly.
      Exit status: 0 index written, 2 error (unreadable data, folder not writable).
      """))

  @OptionGroup var dataOptions: DataOptions

  func run() throws {
    let data = dataOptions.dataURL
    let index = SharedIndex.folder(for: data)
    do {
      try SharedIndex.clear(index)
    } catch {
      FileHandle.standardError.write(
        Data("repere: impossible d'écrire \(index.path) : \(error.localizedDescription)\n".utf8))
      throw ExitCode(2)
    }
    let loaded: LookupData
    do {
      loaded = try LookupCache.load(folder: data, cacheDirectory: index, program: Bundle.main.executableURL)
    } catch {
      FileHandle.standardError.write(Data("repere: \(TerminalText.sanitized(String(describing: error)))\n".utf8))
      throw ExitCode(2)
    }
    let files = SharedIndex.publish(index)
    guard !files.isEmpty else {
      FileHandle.standardError.write(Data("repere: aucun index écrit dans \(index.path)\n".utf8))
      throw ExitCode(2)
    }
    let errors = loaded.findings.filter { $0.severity == .error }.count
    print(
      "Index préparé : \(index.path) (\(loaded.directory.structures.count) structures"
        + (errors > 0 ? ", \(errors) erreur(s) dans l'annuaire : lancer « repere check »" : "") + ")")
  }
}
