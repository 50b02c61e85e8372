import Foundation
import RepereBase

extension Directory {
  /// The directory's findings for `repere check`, each at the offending value: unknown vocabulary
  /// ids, invalid phones, postal codes that do not match the commune, unknown zones, duplicate
  /// ids, hours that do not parse (errors); likely duplicates and records whose `date_maj` is more
  /// than 12 months before `today` (warnings, `today` read in Europe/Paris).
  public func check(today: Date) -> [Finding] {
    var diagnostics = Diagnostics()
    let todayDay = WallClock(timeZone: Departement.timeZone(forCode: "75")).local(today).day
    let staleBefore = CalendarDay(year: todayDay.year - 1, month: todayDay.month, day: todayDay.day)
    // Positions, not copies of the records: 100,000 structures copied into two dictionaries
    // were a tenth of `repere check`.
    var byNameAndCommune: [String: Int] = [:]
    var byPhone: [String: Int] = [:]
    let addresses = AddressReference(reference)
    for finding in duplicateIDFindings() { diagnostics.append(finding) }
    for (position, structure) in zip(structures.indices, structures) {
      checkVocabulary(structure, into: &diagnostics)
      checkPhones(structure, into: &diagnostics)
      checkHours(structure, into: &diagnostics)
      checkAddress(structure, addresses, into: &diagnostics)
      checkZone(structure, into: &diagnostics)
      if let ageMin = structure.ageMin, let ageMax = structure.ageMax, ageMin > ageMax {
        diagnostics.error(
          "invalid-age", at: structure.location(of: "age_max"),
          "`age_max` (\(ageMax)) est inférieur à `age_min` (\(ageMin))")
      }
      if let day = structure.dateMaj, day < staleBefore {
        diagnostics.warning(
          "stale-record", at: structure.location(of: "date_maj"),
          "« \(structure.id) » a été vérifiée pour la dernière fois le \(day), il y a plus de 12 mois",
          hint: "vérifiez la fiche auprès de sa source et mettez à jour `date_maj`")
      }
      // Likely duplicates: same name and commune, or same phone number.
      let commune = structure.adresse?.codeInsee ?? structure.adresse?.commune.map(TextFolding.fold) ?? ""
      let nameKey = TextFolding.fold(structure.nom) + "|" + commune
      if let other = byNameAndCommune[nameKey].map({ structures[$0] }), other.id != structure.id {
        diagnostics.append(likelyDuplicate(structure, of: other, because: "même nom et même commune", at: "nom"))
      } else {
        byNameAndCommune[nameKey] = position
      }
      for (index, phone) in structure.telephones.enumerated() {
        let number = PhoneNumber.normalized(phone.numero)
        guard number.count >= 10 else { continue }  // short numbers are shared on purpose (17, 119)
        if let other = byPhone[number].map({ structures[$0] }), other.id != structure.id {
          diagnostics.append(
            likelyDuplicate(
              structure, of: other, because: "même numéro de téléphone \(phone.numero)", at: "telephones", index: index)
          )
        } else {
          byPhone[number] = position
        }
      }
    }
    return diagnostics.sorted
  }

  private func likelyDuplicate(
    _ structure: Structure, of other: Structure, because reason: String, at field: String, index: Int = 0
  ) -> Finding {
    Finding(
      code: "likely-duplicate", severity: .warning, location: structure.location(of: field, index: index),
      message: "« \(structure.id) » ressemble à un doublon de « \(other.id) » (\(reason))",
      hint: "fusionnez les deux fiches ou distinguez-les", related: [other.location])
  }

  private func checkVocabulary(_ structure: Structure, into diagnostics: inout Diagnostics) {
    let lists: [(String, [String], [String: Label], code: String, noun: String)] = [
      ("types", structure.types, vocabulary.types, "unknown-type", "un type"),
      ("thematiques", structure.thematiques, vocabulary.thematiques, "unknown-theme", "une thématique"),
      ("publics", structure.publics, vocabulary.publics, "unknown-public", "un public"),
    ]
    for (field, ids, known, code, noun) in lists {
      for (position, id) in ids.enumerated() where known[id] == nil {
        diagnostics.error(
          code, at: structure.location(of: field, index: position),
          "« \(id) » n'est pas \(noun) du vocabulaire",
          hint: Suggestion.hint(for: id, among: known.keys.sorted()))
      }
    }
  }

  private func checkPhones(_ structure: Structure, into diagnostics: inout Diagnostics) {
    for (position, phone) in structure.telephones.enumerated() where !PhoneNumber.isValid(phone.numero) {
      diagnostics.error(
        "invalid-phone", at: structure.location(of: "telephones", index: position),
        "« \(phone.numero) » n'est pas un numéro de téléphone valable",
        hint:
          "écrivez dix chiffres commençant par 0, +33 suivi de neuf chiffres, ou un numéro court comme 119 ou 116 000")
    }
  }

  private func checkHours(_ structure: Structure, into diagnostics: inout Diagnostics) {
    // Hours that parsed when the record was read need no second parse.
    guard structure.horaires == nil, let text = structure.horairesText,
      case .failure(let error) = OpeningHours.parse(text)
    else { return }
    var location = structure.location(of: "horaires")
    location.column += error.column - 1
    diagnostics.error(
      "invalid-hours", at: location, "horaires d'ouverture : \(error.message)",
      hint: "utilisez la syntaxe opening_hours d'OSM, par exemple \"Mo-Fr 09:00-12:00,14:00-17:30; PH off\"")
  }

  private func checkAddress(_ structure: Structure, _ addresses: AddressReference, into diagnostics: inout Diagnostics)
  {
    guard let address = structure.adresse, !reference.communes.isEmpty else { return }
    if let insee = address.codeInsee {
      guard let commune = reference.commune(insee: insee) else {
        diagnostics.error(
          "unknown-commune", at: structure.location(of: "code_insee"), "aucune commune n'a le code INSEE « \(insee) »")
        return
      }
      let codes = addresses.postalCodes(of: commune)
      if let postal = address.codePostal, !codes.contains(postal) {
        diagnostics.error(
          "postal-code-mismatch", at: structure.location(of: "code_postal"),
          "le code postal \(postal) n'est pas un de ceux de \(commune.nom) (\(codes.joined(separator: ", ")))")
      }
    } else if let postal = address.codePostal, let name = address.commune {
      checkPostalCode(postal, name: name, of: structure, addresses, into: &diagnostics)
    }
  }

  /// A postal code with a commune name and no INSEE code. The name may be the city of an
  /// arrondissement (« 75011 Paris »), a commune déléguée or a former commune that a commune
  /// nouvelle replaced (« 48400 Florac »): the last two are warnings that name the current commune.
  private func checkPostalCode(
    _ postal: String, name: String, of structure: Structure, _ addresses: AddressReference,
    into diagnostics: inout Diagnostics
  ) {
    let location = structure.location(of: "code_postal")
    let folded = PlaceIndex.nameKeys(name).first ?? ""
    let matching = (addresses.communesByPostalCode[postal] ?? []).map { reference.communes[$0] }
    guard !matching.isEmpty else {
      diagnostics.error("postal-code-mismatch", at: location, "aucune commune n'a le code postal \(postal)")
      return
    }
    let named = { (commune: Commune) in PlaceIndex.nameKeys(commune.nom).contains(folded) }
    let parent = { (commune: Commune) -> Commune? in
      guard let code = commune.parentInsee, let parent = reference.commune(insee: code), parent.kind == .commune
      else { return nil }
      return parent
    }
    if matching.contains(where: { named($0) && $0.kind != .communeDeleguee }) { return }
    // « 75011 Paris », « 69001 Lyon », « 13001 Marseille »: the city of the arrondissement, or
    // the arrondissement shortened (« Paris 11e » for « Paris 11e Arrondissement »).
    let words = PlaceIndex.normalizedWords(name).joined(separator: " ")
    let arrondissements = matching.filter { $0.kind == .arrondissement }
    if arrondissements.contains(where: { parent($0).map(named) == true }) { return }
    if !words.isEmpty, arrondissements.contains(where: { PlaceIndex.nameKeys($0.nom)[0].hasPrefix(words + " ") }) {
      return
    }
    let current = { (commune: Commune) in "\(commune.nom) (\(commune.insee))" }
    if let delegated = matching.first(where: { named($0) && $0.kind == .communeDeleguee }) {
      let nouvelle = parent(delegated) ?? matching.first { $0.kind == .commune }
      diagnostics.warning(
        "merged-commune", at: structure.location(of: "commune"),
        "\(name) est une commune déléguée ; la commune est \(nouvelle.map(current) ?? delegated.nom)",
        hint: "écrivez le nom de la commune actuelle, ou donnez son code INSEE dans `code_insee`")
      return
    }
    // A former commune merged into a commune nouvelle that kept its name first (« Florac » →
    // « Florac Trois Rivières »): the reference lists only the new name under the same postal code.
    if !words.isEmpty,
      let nouvelle = matching.first(where: { commune in
        commune.kind == .commune && PlaceIndex.nameKeys(commune.nom).contains { $0.hasPrefix(words + " ") }
      })
    {
      diagnostics.warning(
        "merged-commune", at: structure.location(of: "commune"),
        "\(name) n'est plus une commune : \(postal) est le code de \(current(nouvelle)), qui l'a sans doute remplacée",
        hint: "écrivez « \(nouvelle.nom) », ou donnez son code INSEE dans `code_insee`")
      return
    }
    diagnostics.error(
      "postal-code-mismatch", at: location, "le code postal \(postal) n'est pas celui de \(name)",
      hint: "\(postal) est le code de \(matching.prefix(3).map(\.nom).joined(separator: ", "))")
  }

  /// Zones are `france`, département codes or commune INSEE codes (a parquet's ressort lists
  /// communes). What the reference data cannot place (an EPCI's SIREN, a postal code written
  /// for an INSEE code) is an error that says what it looks like and what to write instead.
  private func checkZone(_ structure: Structure, into diagnostics: inout Diagnostics) {
    guard !reference.departements.isEmpty else { return }
    for (position, entry) in structure.zone.enumerated() {
      if entry == "france" || reference.departement(code: entry) != nil { continue }
      if entry.count == 5, reference.commune(insee: entry) != nil { continue }
      let location = structure.location(of: "zone", index: position)
      let isDigits = !entry.isEmpty && entry.allSatisfy(\.isASCII) && entry.allSatisfy(\.isNumber)
      if isDigits && entry.count == 9 {
        diagnostics.error(
          "unknown-zone", at: location,
          "la zone « \(entry) » ressemble à un EPCI (code SIREN) : les données de référence ne savent pas la placer",
          hint: "listez les communes de l'EPCI par code INSEE, ou donnez son code de département")
      } else if entry.count == 5, let commune = reference.communes(code: entry).first?.commune {
        diagnostics.error(
          "unknown-zone", at: location, "la zone « \(entry) » est un code postal, pas un code INSEE de commune",
          hint: "le code INSEE de \(commune.nom) est « \(commune.insee) »")
      } else if entry.lowercased() == "france" {
        diagnostics.error(
          "unknown-zone", at: location, "zone « \(entry) » inconnue", hint: "écrivez « france » en minuscules")
      } else {
        diagnostics.error(
          "unknown-zone", at: location,
          "zone « \(entry) » inconnue : attendu « france », un code de département ou un code INSEE de commune",
          hint: Suggestion.hint(for: entry, among: ["france"] + reference.departements.map(\.code)))
      }
    }
  }
}

/// Lookups the address checks need, built once per check.
private struct AddressReference {
  var communesByPostalCode: [String: [Int]] = [:]
  var childPostalCodes: [String: [String]] = [:]

  init(_ reference: ReferenceData) {
    for (index, commune) in reference.communes.enumerated() {
      for code in commune.postalCodes {
        communesByPostalCode[code, default: []].append(index)
        if let parent = commune.parentInsee { childPostalCodes[parent, default: []].append(code) }
      }
    }
  }

  /// A commune's postal codes, with its arrondissements' (Paris, Lyon, Marseille) and délégués'.
  func postalCodes(of commune: Commune) -> [String] {
    var codes = commune.postalCodes
    for code in childPostalCodes[commune.insee] ?? [] where !codes.contains(code) { codes.append(code) }
    return codes
  }
}
