import Foundation
import RepereLookup

/// A small deterministic PRNG (SplitMix64) so generated directories are the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates a directory of `count` structures with realistic French names, descriptions,
/// addresses (real communes, weighted by population), hours and phones in the fiction block.
struct DirectoryGenerator {
  let reference: ReferenceData

  static let types: [(id: String, label: String, names: [String])] = [
    ("maison-des-adolescents", "Maison des adolescents", ["Maison des adolescents de {c}", "MDA {c}"]),
    ("crip", "Cellule de recueil des informations préoccupantes", ["CRIP {d}", "Cellule IP — {d}"]),
    (
      "association", "Association spécialisée",
      [
        "Association {p}", "Association Espoir Jeunesse {c}", "Collectif {p} — {c}", "Les Amis de {p}",
      ]
    ),
    ("centre-social", "Centre social", ["Centre social {p}", "Centre social et culturel {p} — {c}"]),
    ("cmp", "Centre médico-psychologique", ["CMP enfants et adolescents {c}", "CMPP {c}"]),
    ("mission-locale", "Mission locale", ["Mission locale de {c}", "Mission locale {p}"]),
    ("planning-familial", "Planning familial", ["Planning familial {d}", "Centre de santé sexuelle {c}"]),
    ("cegidd", "CeGIDD", ["CeGIDD {c}", "Centre de dépistage {c}"]),
    ("prevention-specialisee", "Prévention spécialisée", ["Club de prévention {p}", "Équipe de rue {c}"]),
    (
      "police", "Police — gendarmerie",
      [
        "Commissariat de {c}", "Brigade de protection des familles {c}", "Brigade de gendarmerie de {c}",
      ]
    ),
    ("uaped", "Unité d'accueil pédiatrique enfants en danger", ["UAPED — centre hospitalier de {c}"]),
    ("ase", "Aide sociale à l'enfance", ["Service de l'aide sociale à l'enfance {d}", "Foyer de l'enfance {c}"]),
    ("justice", "Justice", ["Maison de la justice et du droit {c}", "Tribunal pour enfants {c}"]),
    ("point-ecoute", "Point accueil écoute jeunes", ["Point accueil écoute jeunes {c}", "PAEJ {p}"]),
    ("hebergement", "Hébergement d'urgence", ["Accueil de nuit {c}", "Hébergement d'urgence {p}"]),
  ]

  static let themes: [(id: String, label: String)] = [
    ("prostitution-mineurs", "Prostitution des mineurs"), ("enfance-en-danger", "Enfance en danger"),
    ("violences-sexuelles", "Violences sexuelles"), ("violences-numeriques", "Violences numériques"),
    ("sante-sexuelle", "Santé sexuelle"), ("fugue", "Fugues et disparitions"), ("addictions", "Addictions"),
    ("scolarite", "Décrochage scolaire"), ("hebergement", "Hébergement"), ("droits", "Accès aux droits"),
    ("sante-mentale", "Santé mentale"), ("famille", "Soutien à la parentalité"),
  ]

  static let publics: [(id: String, label: String)] = [
    ("mineurs", "Mineurs"), ("jeunes-majeurs", "Jeunes majeurs"), ("parents", "Parents"),
    ("professionnels", "Professionnels"), ("victimes", "Victimes"),
  ]

  static let people = [
    "Jean Jaurès", "Louise Michel", "Simone Veil", "Les Tilleuls", "La Roseraie", "Victor Hugo", "Pablo Neruda",
    "Aimé Césaire", "Olympe de Gouges", "Les Lilas", "Gisèle Halimi", "Françoise Dolto", "Janusz Korczak",
    "L'Étoile", "Le Phare", "La Passerelle", "L'Escale", "Horizon", "Les Mouettes", "Arc-en-ciel", "Rosa Parks",
    "Nelson Mandela", "Marie Curie", "Jules Ferry", "Lucie Aubrac", "Le Relais", "La Boussole", "Œuvre Sainte-Anne",
  ]

  static let actions = [
    "Accueil", "Écoute", "Accompagnement", "Orientation", "Soutien psychologique", "Prévention", "Hébergement",
    "Consultations", "Permanences", "Maraudes", "Médiation familiale", "Groupes de parole", "Information juridique",
    "Dépistage", "Suivi éducatif", "Aide aux démarches",
  ]
  static let audiences = [
    "des mineurs victimes de violences", "des jeunes en errance", "des familles", "des adolescents en difficulté",
    "des victimes d'exploitation sexuelle", "des parents inquiets", "des professionnels de l'enfance",
    "des jeunes majeurs", "des mineures en situation de prostitution", "des enfants confiés à l'ASE",
    "des jeunes en rupture scolaire",
  ]
  static let manners = [
    "sans rendez-vous", "sur rendez-vous", "gratuit et confidentiel", "en lien avec l'aide sociale à l'enfance",
    "avec interprète si besoin", "le soir et le week-end", "dans les quartiers prioritaires", "anonymement",
    "en partenariat avec l'Éducation nationale", "par téléphone ou par messagerie",
  ]
  static let hours = [
    "Mo-Fr 09:00-12:00,14:00-17:30; PH off", "Mo-Fr 09:00-17:00", "24/7", "Mo-Sa 10:00-19:00; PH off",
    "Mo-Su 20:00-02:00", "Tu,Th 14:00-18:00", "Mo-Fr 08:30-12:30,13:30-17:00; We 08:30-12:30",
    "\"sur rendez-vous\"", "Mo-Fr 09:00-18:00 \"sur rendez-vous\"", "We 13:30-18:00; Sa 10:00-12:00",
    "Mo-Fr 09:00-12:00; PH off", "Mo-Su 09:00-23:00",
  ]
  static let streets = [
    "rue de la République", "avenue Jean Jaurès", "place de la Mairie", "rue Victor Hugo", "boulevard Pasteur",
    "rue des Écoles", "allée des Tilleuls", "rue du Général de Gaulle", "chemin des Vignes", "rue Louise Michel",
  ]

  /// Cumulative weights (square root of population) for picking communes like people live.
  private let cumulative: [Double]
  private let communeIndexes: [Int]

  init(reference: ReferenceData) {
    self.reference = reference
    var total = 0.0
    var cumulative: [Double] = []
    var indexes: [Int] = []
    for (index, commune) in reference.communes.enumerated() where commune.kind == .commune {
      total += Double(max(commune.population, 1)).squareRoot()
      cumulative.append(total)
      indexes.append(index)
    }
    self.cumulative = cumulative
    communeIndexes = indexes
  }

  private func pickCommune(_ random: inout SplitMix64) -> Commune {
    let target = Double.random(in: 0..<(cumulative.last ?? 1), using: &random)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] < target { low = middle + 1 } else { high = middle }
    }
    return reference.communes[communeIndexes[low]]
  }

  func vocabularyYAML() -> String {
    var out = "format: repere/vocabulary@1\ntypes:\n"
    for type in Self.types { out += "  \(type.id): { fr: \"\(type.label)\" }\n" }
    out += "thematiques:\n"
    for theme in Self.themes { out += "  \(theme.id): { fr: \"\(theme.label)\" }\n" }
    out += "publics:\n"
    for item in Self.publics { out += "  \(item.id): { fr: \"\(item.label)\" }\n" }
    return out
  }

  /// One CSV line per structure, `;`-separated as a French spreadsheet saves it; calls `write` per chunk.
  func writeCSV(count: Int, seed: UInt64, write: (String) -> Void) {
    var random = SplitMix64(seed: seed)
    write(
      "id;nom;types;description;thematiques;publics;age_min;age_max;zone;voie;code_postal;commune;code_insee;"
        + "telephones;horaires;acces;date_maj\n")
    var chunk = ""
    for number in 0..<count {
      let commune = pickCommune(&random)
      let type = Self.types.randomElement(using: &random) ?? Self.types[0]
      let departementName = reference.departement(code: commune.departement)?.nom ?? commune.departement
      let person = Self.people.randomElement(using: &random) ?? ""
      let template = type.names.randomElement(using: &random) ?? "{c}"
      let name = template.replacingOccurrences(of: "{c}", with: commune.nom)
        .replacingOccurrences(of: "{d}", with: departementName).replacingOccurrences(of: "{p}", with: person)
      let sentences = (0..<2).map { _ in
        "\(Self.actions.randomElement(using: &random) ?? "") \(Self.audiences.randomElement(using: &random) ?? ""), "
          + "\(Self.manners.randomElement(using: &random) ?? "")."
      }
      var themes = Set<String>()
      for _ in 0..<Int.random(in: 1...3, using: &random) {
        themes.insert(Self.themes.randomElement(using: &random)?.id ?? "")
      }
      let publics = Self.publics.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)).map(\.id)
      let ages = Int.random(in: 0..<4, using: &random) == 0 ? ("11", "25") : ("", "")
      let zone = type.id == "crip" || type.id == "ase" ? commune.departement : commune.insee
      let phone = String(format: "01 99 00 %02d %02d", number / 100 % 100, number % 100)
      let hours = Self.hours.randomElement(using: &random) ?? "24/7"
      let access = Int.random(in: 0..<10, using: &random) == 0 ? "professionnels" : "public"
      let street = "\(Int.random(in: 1..<150, using: &random)) \(Self.streets.randomElement(using: &random) ?? "")"
      let fields = [
        "gen/\(number)", name, type.id, sentences.joined(separator: " "), themes.sorted().joined(separator: "|"),
        publics.joined(separator: "|"), ages.0, ages.1, zone, street, commune.postalCodes.first ?? "", commune.nom,
        commune.insee, phone, hours, access, "2026-0\(Int.random(in: 1...9, using: &random))-15",
      ]
      chunk += fields.map(Self.csvCell).joined(separator: ";") + "\n"
      if chunk.utf8.count > 1 << 20 {
        write(chunk)
        chunk = ""
      }
    }
    write(chunk)
  }

  static func csvCell(_ text: String) -> String {
    text.contains(";") || text.contains("\"") || text.contains("\n")
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  /// What people type, one query per line; the benchmark times every prefix from two letters.
  static let queries = [
    "saint denis", "maison des adolescents", "prostitution", "crip", "accueil ecoute jeunes", "marseille",
    "planning familial", "violences sexuelles", "hebergement urgence", "prostitusion", "louise michel",
    "mission locale lyon", "uaped", "brigade protection familles", "cegidd", "oeuvre sainte anne",
    "centre social bobigny", "aide sociale a l enfance", "toulouse", "mediation familiale",
  ]
}
