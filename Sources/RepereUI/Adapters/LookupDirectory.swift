import Foundation
import RepereBase
import RepereLookup

/// `DirectoryBrowsing` over the lookup module's `Directory`: search as you type and the full
/// record, with « ouvert maintenant » computed in the structure's own time zone.
public struct LookupDirectory: DirectoryBrowsing {
  public let directory: Directory

  public init(directory: Directory) {
    self.directory = directory
  }

  public func kindLabel(_ id: String) -> String { directory.vocabulary.typeLabel(id) }
  public func themeLabel(_ id: String) -> String { directory.vocabulary.themeLabel(id) }

  public func search(_ text: String, near place: PlaceValue?, now: Date, limit: Int) -> [StructureSummary] {
    directory.search(text, place: place, now: now, limit: limit).map { hit in
      let structure = hit.structure
      var subtitle = structure.types.map { directory.vocabulary.typeLabel($0) }.joined(separator: ", ")
      if let commune = structure.adresse?.commune {
        subtitle += " · " + commune
      } else if let departement = directory.departement(of: structure) {
        subtitle += " · " + departement
      }
      subtitle += " · " + hit.reason
      return StructureSummary(
        id: structure.id, name: structure.nom, subtitle: subtitle, openNow: hit.openNow, isExample: structure.isExample)
    }
  }

  public func detail(_ id: String, now: Date) -> StructureDetail? {
    guard let structure = directory.structure(id: id) else { return nil }
    let state = directory.openState(of: structure, at: now)
    // The card already says open or closed (`openNow`): the comment adds the hours' own note,
    // else when that changes — never the state again (« ouvert maintenant (ouvert · …) »).
    var comment: String?
    switch state {
    case .open(_, let text), .unknown(let text): comment = text
    case .closed: comment = nil
    }
    let timeZone = directory.timeZone(of: structure)
    let address = structure.adresse?.singleLine
    return StructureDetail(
      id: structure.id, name: structure.nom, types: structure.types.map { directory.vocabulary.typeLabel($0) },
      description: structure.description,
      phones: structure.telephones.map {
        StructureDetail.Phone(number: $0.numero, label: $0.libelle, isOnCall: $0.isOnCall)
      },
      // In French for people (« lun.–ven. 9 h–17 h ; fermé les jours fériés »); as written
      // only when it did not parse.
      address: address?.isEmpty == false ? address : nil,
      hours: structure.horaires?.frenchText ?? structure.horairesText,
      hoursComment: comment ?? state.frenchNextChange(now: now, timeZone: timeZone),
      openNow: state.openFlag, email: structure.courriel, website: structure.siteWeb,
      professionalsOnly: structure.acces == .professionnels, isExample: structure.isExample,
      source: structure.lienSource, updated: structure.dateMaj?.description)
  }
}
