import RepereBase

/// What an import did, for the person who runs it every month: what was read, what was left
/// out and why, what the correspondence tables did not cover, and what changed in the file.
public struct ImportSummary: Sendable {
  public var files: [(path: String, format: ImportFormat)] = []
  public var read = 0
  public var outsideSelection = 0
  /// Records no correspondence gave a type: not written (a directory record needs a type).
  public var withoutType = 0
  /// Source field → value → how many records carry it, for values the table does not list.
  public var unmapped: [String: [String: Int]] = [:]
  /// The source's own labels of codes (FINESS `libcategetab`), to name unmapped ones.
  public var labels: [String: String] = [:]
  public var orphanServices = 0
  public var structuresWithoutService = 0
  public var droppedZones = 0
  public var cedexAddresses = 0
  public var convertedCoordinates = 0
  public var communePointCoordinates = 0
  public var unreadableHours = 0

  public var added: [String] = []
  public var changed: [(id: String, fields: [String])] = []
  public var gone: [String] = []
  /// Fields edited by hand in the file, kept although the source says otherwise.
  public var keptEdits: [(id: String, field: String)] = []
  public var unchanged = 0
  public var handWritten = 0
  /// Records of the same source outside this run's selection (another département's import into
  /// the same file) or still in the source but not selected: left as they are.
  public var leftAlone = 0

  public init() {}

  mutating func noteUnmapped(field: String, value: String) {
    unmapped[field, default: [:]][value, default: 0] += 1
  }

  mutating func noteLabel(field: String, value: String, label: String?) {
    if let label, labels["\(field)=\(value)"] == nil { labels["\(field)=\(value)"] = label }
  }

  /// The French report printed by `repere import` (on standard error, so that `-o -` stays clean).
  public var text: String {
    var lines: [String] = []
    for file in files { lines.append("\(file.path) : format détecté : \(file.format.label)") }
    lines.append("\(read) fiche(s) lue(s)")
    if outsideSelection > 0 { lines.append("\(outsideSelection) hors sélection (département, type, producteur)") }
    if withoutType > 0 {
      lines.append("\(withoutType) non importée(s) : aucune correspondance ne leur donne un type Repère")
    }
    if orphanServices > 0 {
      lines.append("\(orphanServices) service(s) sans leur structure dans les fichiers lus (ignorés)")
    }
    if structuresWithoutService > 0 {
      lines.append(
        "\(structuresWithoutService) structure(s) sans service : ni thématiques, ni publics, ni zone de la source")
    }
    if droppedZones > 0 { lines.append("\(droppedZones) zone(s) d'éligibilité non reprise(s) (EPCI, région)") }
    if cedexAddresses > 0 {
      lines.append("\(cedexAddresses) adresse(s) CEDEX : commune et code postal pris du code INSEE")
    }
    if convertedCoordinates > 0 { lines.append("\(convertedCoordinates) coordonnée(s) Lambert-93 converties") }
    if communePointCoordinates > 0 {
      lines.append("\(communePointCoordinates) coordonnée(s) outre-mer non converties : point de la commune utilisé")
    }
    if unreadableHours > 0 {
      lines.append("\(unreadableHours) horaire(s) illisible(s) laissé(s) de côté (champ horaires vide)")
    }
    for (field, values) in unmapped.sorted(by: { $0.key < $1.key }) {
      let listed = values.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { value, count in
          let label = labels["\(field)=\(value)"].map { " (\($0))" } ?? ""
          return "\(value)\(label) ×\(count)"
        }
      let shown = listed.prefix(20).joined(separator: ", ")
      let more = listed.count > 20 ? " et \(listed.count - 20) autre(s)" : ""
      lines.append("sans correspondance dans « \(field) » : " + shown + more)
    }
    lines.append(
      "ajoutées : \(added.count), modifiées : \(changed.count), disparues de la source : \(gone.count), "
        + "inchangées : \(unchanged), fiches écrites à la main conservées : \(handWritten)")
    if leftAlone > 0 {
      lines.append("\(leftAlone) fiche(s) de la source hors de cette sélection laissée(s) telle(s) quelle(s)")
    }
    for (id, fields) in changed { lines.append("  modifiée \(id) : \(fields.joined(separator: ", "))") }
    for id in gone { lines.append("  disparue \(id) : marquée statut: inactive") }
    for (id, field) in keptEdits { lines.append("  correction locale conservée \(id) : \(field)") }
    return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n") + "\n"
  }
}
