import RepereBase

/// Writes structures as a `repere/directory@1` YAML file (what `repere import` produces), in the
/// spec's field order, quoting every text that YAML could misread.
public enum DirectoryYAMLWriter {
  public static func yaml(source: String?, updated: CalendarDay?, structures: [Structure]) -> String {
    var out = header(source: source, updated: updated)
    for structure in structures { out += entry(structure) }
    return out
  }

  /// The file's first lines, up to `structures:`; the records follow, one `entry` each, so that
  /// an import writes them as they come.
  public static func header(source: String?, updated: CalendarDay?) -> String {
    var out = "format: \(DirectoryFile.format)\n"
    if let source { out += "source: \(quote(source))\n" }
    if let updated { out += "updated: \(updated)\n" }
    return out + "structures:\n"
  }

  /// One record of the `structures:` list.
  public static func entry(_ structure: Structure) -> String {
    var out = "  - id: \(quote(structure.id))\n"
    var lines: [(String, String)] = [("nom", quote(structure.nom)), ("types", list(structure.types))]
    if let description = structure.description { lines.append(("description", quote(description))) }
    if !structure.thematiques.isEmpty { lines.append(("thematiques", list(structure.thematiques))) }
    if !structure.publics.isEmpty { lines.append(("publics", list(structure.publics))) }
    if let ageMin = structure.ageMin { lines.append(("age_min", "\(ageMin)")) }
    if let ageMax = structure.ageMax { lines.append(("age_max", "\(ageMax)")) }
    if !structure.zone.isEmpty { lines.append(("zone", list(structure.zone))) }
    if let address = structure.adresse {
      let parts: [(String, String?)] = [
        ("voie", address.voie), ("complement", address.complement), ("code_postal", address.codePostal),
        ("commune", address.commune), ("code_insee", address.codeInsee),
      ]
      let written = parts.compactMap { key, value in value.map { "\(key): \(quote($0))" } }
      lines.append(("adresse", "{ " + written.joined(separator: ", ") + " }"))
    }
    if let latitude = structure.latitude { lines.append(("latitude", "\(latitude)")) }
    if let longitude = structure.longitude { lines.append(("longitude", "\(longitude)")) }
    if !structure.telephones.isEmpty {
      let phones = structure.telephones.map { phone in
        "\n      - { numero: \(quote(phone.numero))" + (phone.libelle.map { ", libelle: \(quote($0))" } ?? "") + " }"
      }
      lines.append(("telephones", phones.joined()))
    }
    if let courriel = structure.courriel { lines.append(("courriel", quote(courriel))) }
    if let siteWeb = structure.siteWeb { lines.append(("site_web", quote(siteWeb))) }
    if let horaires = structure.horairesText { lines.append(("horaires", quote(horaires))) }
    if !structure.langues.isEmpty { lines.append(("langues", list(structure.langues))) }
    if structure.acces != .public { lines.append(("acces", structure.acces.rawValue)) }
    if structure.statut != .active { lines.append(("statut", structure.statut.rawValue)) }
    if let dateMaj = structure.dateMaj { lines.append(("date_maj", "\(dateMaj)")) }
    if let lienSource = structure.lienSource { lines.append(("lien_source", quote(lienSource))) }
    for (key, value) in lines { out += "    \(key):" + (value.hasPrefix("\n") ? "" : " ") + value + "\n" }
    return out
  }

  private static func list(_ items: [String]) -> String {
    "[" + items.map(quote).joined(separator: ", ") + "]"
  }

  /// Double-quoted YAML text with escapes; plain only for simple ids and words.
  static func quote(_ text: String) -> String {
    let utf8 = text.utf8
    let plainSafe =
      !utf8.isEmpty
      && utf8.allSatisfy { byte in
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
          || byte == 0x2D || byte == 0x2F || byte == 0x2E || byte == 0x5F
      }
      && !(utf8.count <= 5
        && ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"].contains(text.lowercased()))
      && Double(text) == nil && !utf8.allSatisfy { (0x30...0x39).contains($0) }
    if plainSafe { return text }
    // Most texts need no escape (no quote, backslash or control character): copied whole.
    if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 {
          out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
