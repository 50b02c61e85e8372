import Foundation
import RepereBase
import RepereBundle
import RepereJournal
import RepereLookup
import RepereRules
import RepereUI

/// Everything a case needs, loaded once at start: the bundle, the protocol to start, the
/// services for the interface and where journals go.
struct CaseSetup {
  struct SetupError: Error, CustomStringConvertible {
    var description: String
  }

  let bundle: DataBundle
  let protocolID: String
  let store: JournalStore?
  let services: AppServices

  static func load(
    data: URL, protocolID requested: String?, journalFolder: String?, environment: [String: String], now: Date
  ) throws -> CaseSetup {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: data.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw SetupError(description: "repere : dossier de données introuvable : \(data.path) (option --data)")
    }
    let (bundle, findings) = DataBundle.load(from: data)
    let errors = findings.filter { $0.severity == .error }
    guard errors.isEmpty else {
      let lines = errors.prefix(20).map(\.description).joined(separator: "\n")
      throw SetupError(
        description: "repere : les données contiennent des erreurs (voir « repere check ») :\n\(lines)")
    }
    let library = bundle.library
    let roots = library.ids.filter { library.protocolDefinition($0)?.extends == nil }
    let chosen: String
    if let requested {
      guard library.protocolDefinition(requested) != nil else {
        throw SetupError(
          description:
            "repere : protocole « \(requested) » introuvable (disponibles : \(library.ids.joined(separator: ", ")))")
      }
      chosen = requested
    } else if let national = roots.first(where: { library.protocolDefinition($0)?.scope == .national }) ?? roots.first {
      chosen = national
    } else {
      throw SetupError(description: "repere : aucun protocole dans \(data.path)")
    }
    let folder =
      journalFolder.map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? JournalStore.defaultFolder(environment: environment)
    let store = folder.map { JournalStore(folder: $0, clock: { Date() }, timeZone: .current) }
    // The directory, places and contacts come from the lookup module (loaded from the same folder).
    var services = AppServices(directory: nil, places: bundle.places, contacts: bundle.contacts)
    if let lookup = try? LookupData.load(folder: data) {
      services.directory = LookupDirectory(directory: lookup.directory)
      if services.places == nil { services.places = lookup.places }
      if services.contacts == nil { services.contacts = ContactResolver(directory: lookup.directory) }
    }
    return CaseSetup(bundle: bundle, protocolID: chosen, store: store, services: services)
  }

  /// A new case on the chosen protocol.
  func makeWalker(now: Date) -> RulesCaseWalker {
    RulesCaseWalker(
      session: CaseSession(library: bundle.library, protocolID: protocolID), today: CalendarDate(now))
  }

  /// What the journal's opening event records.
  func caseStart() -> CaseStart {
    let library = bundle.library
    let definition = library.protocolDefinition(protocolID)
    let references = library.ids.map { id in
      ProtocolReference(id: id, version: library.protocolDefinition(id)?.version ?? "")
    }
    return CaseStart(
      protocolInForce: ProtocolReference(id: protocolID, version: definition?.version ?? "", title: definition?.title),
      bundleProtocols: references, bundleHash: (try? BundleFingerprint.of(folder: bundle.root)) ?? "inconnu",
      programVersion: ReleaseInfo.version, levels: definition?.levels ?? [])
  }
}
