import Foundation
import RepereBase

/// The directory's search index: an inverted index of folded words (sorted, for prefix ranges),
/// a one-deletion neighbourhood for typo tolerance, and per-structure columns for filters and
/// ranking. Immutable once built, so it is shared freely between threads.
final class SearchIndex: Sendable {
  /// Field weights: a match in the name beats one in the type, theme, commune, description.
  enum Field: UInt8 {
    case name = 0
    case type, theme, commune, description
  }

  let count: Int
  // Terms, sorted; term t is termBytes[termStart[t]..<termStart[t + 1]].
  let termBytes: Column<UInt8>
  let termStart: Column<Int32>
  // Postings of term t: postingDocs/postingFields[postingStart[t]..<postingStart[t + 1]].
  let postingStart: Column<Int32>
  let postingDocs: Column<UInt32>
  let postingFields: Column<UInt8>
  // One-deletion neighbourhood: (hash of a term or of the term minus one letter, term), sorted by hash.
  let deletionHashes: Column<UInt64>
  let deletionTerms: Column<Int32>

  // Per-structure columns.
  let geo: GeographyColumns
  let departementCodes: [String]
  /// Flattened département indexes of each structure (into `departementCodes`).
  let structureDepartements: Column<Int16>
  let structureDepartementStart: Column<Int32>
  let typeBits: Column<UInt64>
  let themeBits: Column<UInt64>
  let publicBits: Column<UInt64>
  let typeBit: [String: Int]
  let themeBit: [String: Int]
  let publicBit: [String: Int]
  let ageMin: Column<Int16>
  let ageMax: Column<Int16>
  let usable: Column<Bool>
  let access: Column<UInt8>
  let hoursPattern: Column<Int32>
  let patterns: [OpeningHours]
  /// 0 metropolitan, 1 Alsace-Moselle, 2… overseas (time zone and holidays).
  let variant: Column<UInt8>
  let nameRank: Column<Int32>
  let docByNameRank: Column<Int>

  static let variantDepartements = ["75", "57", "971", "972", "973", "974", "976"]

  /// Every column given (what the binary cache reads back).
  init(
    count: Int, termBytes: Column<UInt8>, termStart: Column<Int32>, postingStart: Column<Int32>,
    postingDocs: Column<UInt32>,
    postingFields: Column<UInt8>, deletionHashes: Column<UInt64>, deletionTerms: Column<Int32>, geo: GeographyColumns,
    departementCodes: [String], structureDepartements: Column<Int16>, structureDepartementStart: Column<Int32>,
    typeBits: Column<UInt64>, themeBits: Column<UInt64>, publicBits: Column<UInt64>, typeBit: [String: Int],
    themeBit: [String: Int],
    publicBit: [String: Int], ageMin: Column<Int16>, ageMax: Column<Int16>, usable: Column<Bool>, access: Column<UInt8>,
    hoursPattern: Column<Int32>, patterns: [OpeningHours], variant: Column<UInt8>, nameRank: Column<Int32>,
    docByNameRank: Column<Int>
  ) {
    self.count = count
    self.termBytes = termBytes
    self.termStart = termStart
    self.postingStart = postingStart
    self.postingDocs = postingDocs
    self.postingFields = postingFields
    self.deletionHashes = deletionHashes
    self.deletionTerms = deletionTerms
    self.geo = geo
    self.departementCodes = departementCodes
    self.structureDepartements = structureDepartements
    self.structureDepartementStart = structureDepartementStart
    self.typeBits = typeBits
    self.themeBits = themeBits
    self.publicBits = publicBits
    self.typeBit = typeBit
    self.themeBit = themeBit
    self.publicBit = publicBit
    self.ageMin = ageMin
    self.ageMax = ageMax
    self.usable = usable
    self.access = access
    self.hoursPattern = hoursPattern
    self.patterns = patterns
    self.variant = variant
    self.nameRank = nameRank
    self.docByNameRank = docByNameRank
  }

  init(structures: [Structure], reference: ReferenceData, vocabulary: Vocabulary) {
    count = structures.count
    var postalIndex: [String: Int] = [:]
    for (index, commune) in reference.communes.enumerated() {
      for code in commune.postalCodes {
        if let existing = postalIndex[code], reference.communes[existing].population >= commune.population { continue }
        postalIndex[code] = index
      }
    }
    // Columns.
    var columns = GeographyColumns.Builder()
    var departementCodes: [String] = []
    var departementIndex: [String: Int16] = [:]
    var structureDepartements: [Int16] = []
    var structureDepartementStart: [Int32] = [0]
    var typeBit: [String: Int] = [:]
    var themeBit: [String: Int] = [:]
    var publicBit: [String: Int] = [:]
    func bits(_ ids: [String], _ table: inout [String: Int]) -> UInt64 {
      var result: UInt64 = 0
      for id in ids {
        let bit = table[id] ?? min(table.count, 63)
        if table[id] == nil, table.count < 63 { table[id] = bit }
        result |= 1 << UInt64(bit)
      }
      return result
    }
    var typeBits: [UInt64] = []
    var themeBits: [UInt64] = []
    var publicBits: [UInt64] = []
    var patternIndex: [String: Int32] = [:]
    var patterns: [OpeningHours] = []
    var hoursPattern: [Int32] = []
    var variant: [UInt8] = []
    var mainCommune: [Int32] = []
    var mainDepartements: [String?] = []
    // Fields are read in place (`structures[position].…`): copying a 25-field `Structure` per
    // loop retained and released every one of its strings, 10 % of a 100,000-structure build.
    structures.withUnsafeBufferPointer { structures in
      for position in structures.indices {
        let geo = StructureGeography(structure: structures[position], reference: reference, postalIndex: postalIndex)
        for code in geo.departements {
          let index: Int16
          if let existing = departementIndex[code] {
            index = existing
          } else {
            index = Int16(departementCodes.count)
            departementIndex[code] = index
            departementCodes.append(code)
          }
          structureDepartements.append(index)
        }
        structureDepartementStart.append(Int32(structureDepartements.count))
        typeBits.append(bits(structures[position].types, &typeBit))
        themeBits.append(bits(structures[position].thematiques, &themeBit))
        publicBits.append(bits(structures[position].publics, &publicBit))
        if let hours = structures[position].horaires {
          if let existing = patternIndex[hours.text] {
            hoursPattern.append(existing)
          } else {
            patternIndex[hours.text] = Int32(patterns.count)
            hoursPattern.append(Int32(patterns.count))
            patterns.append(hours)
          }
        } else {
          hoursPattern.append(-1)
        }
        let main = geo.mainDepartement ?? "75"
        let variantIndex: Int
        switch main {
        case "57", "67", "68": variantIndex = 1
        default: variantIndex = Self.variantDepartements.firstIndex(of: main) ?? 0
        }
        variant.append(UInt8(variantIndex))
        columns.append(geo)
        mainCommune.append(geo.commune)
        mainDepartements.append(geo.mainDepartement)
      }
    }
    self.geo = columns.columns
    self.departementCodes = departementCodes
    self.structureDepartements = Column(structureDepartements)
    self.structureDepartementStart = Column(structureDepartementStart)
    self.typeBits = Column(typeBits)
    self.themeBits = Column(themeBits)
    self.publicBits = Column(publicBits)
    self.typeBit = typeBit
    self.themeBit = themeBit
    self.publicBit = publicBit
    self.patterns = patterns
    self.hoursPattern = Column(hoursPattern)
    self.variant = Column(variant)
    ageMin = Column(structures.map { Int16($0.ageMin ?? -1) })
    ageMax = Column(structures.map { Int16($0.ageMax ?? -1) })
    usable = Column(structures.map { $0.statut == .active })
    access = Column(structures.map { $0.acces == .public ? 0 : 1 })
    let byName = Self.nameOrder(structures)
    var nameRank = [Int32](repeating: 0, count: count)
    for (rank, index) in byName.enumerated() { nameRank[index] = Int32(rank) }
    self.nameRank = Column(nameRank)
    docByNameRank = Column(byName)

    // Inverted index: a label shared by many structures (type, theme, commune, département,
    // public) is folded once; names and descriptions once per structure.
    var builder = TermIndexBuilder()
    var labelTerms: [String: [Int32]] = [:]
    func terms(_ text: String) -> [Int32] {
      if let known = labelTerms[text] { return known }
      let ids = builder.termIDs(text)
      labelTerms[text] = ids
      return ids
    }
    /// The term ids of a label's texts, worked out on the label's first use.
    func cached<Key: Hashable>(_ key: Key, in table: inout [Key: [Int32]], _ texts: () -> [String]) -> [Int32] {
      if let known = table[key] { return known }
      let ids = texts().flatMap(terms)
      table[key] = ids
      return ids
    }
    var typeTerms: [String: [Int32]] = [:]
    var themeTerms: [String: [Int32]] = [:]
    var publicTerms: [String: [Int32]] = [:]
    var communeTerms: [Int32: [Int32]] = [:]
    var departementTerms: [String: [Int32]] = [:]
    let typeField = UInt8(1) << Field.type.rawValue
    let themeField = UInt8(1) << Field.theme.rawValue
    let communeField = UInt8(1) << Field.commune.rawValue
    let descriptionField = UInt8(1) << Field.description.rawValue
    structures.withUnsafeBufferPointer { structures in
      for position in structures.indices {
        let doc = UInt32(position)
        builder.add(text: structures[position].nom, doc: doc, field: .name)
        for type in structures[position].types {
          // The label, the id, and the vocabulary's everyday words and acronyms (« MDA », « ados »).
          let ids = cached(type, in: &typeTerms) {
            [vocabulary.typeLabel(type), type] + (vocabulary.types[type]?.synonyms ?? [])
          }
          for id in ids { builder.add(term: id, doc: doc, bits: typeField) }
        }
        for theme in structures[position].thematiques {
          let ids = cached(theme, in: &themeTerms) {
            [vocabulary.themeLabel(theme), theme] + (vocabulary.thematiques[theme]?.synonyms ?? [])
          }
          for id in ids { builder.add(term: id, doc: doc, bits: themeField) }
        }
        if let commune = structures[position].adresse?.commune {
          for id in terms(commune) { builder.add(term: id, doc: doc, bits: communeField) }
        }
        let main = mainCommune[position]
        if main >= 0 {
          for id in cached(main, in: &communeTerms, { [reference.communes[Int(main)].nom] }) {
            builder.add(term: id, doc: doc, bits: communeField)
          }
        }
        if let code = mainDepartements[position] {
          for id in cached(code, in: &departementTerms, { reference.departement(code: code).map { [$0.nom] } ?? [] }) {
            builder.add(term: id, doc: doc, bits: communeField)
          }
        }
        if let description = structures[position].description {
          builder.add(text: description, doc: doc, field: .description)
        }
        for item in structures[position].publics {
          for id in cached(item, in: &publicTerms, { [vocabulary.publicLabel(item)] }) {
            builder.add(term: id, doc: doc, bits: descriptionField)
          }
        }
      }
    }
    let built = builder.build()
    termBytes = Column(built.termBytes)
    termStart = Column(built.termStart)
    postingStart = Column(built.postingStart)
    postingDocs = Column(built.postingDocs)
    postingFields = Column(built.postingFields)
    deletionHashes = Column(built.deletionHashes)
    deletionTerms = Column(built.deletionTerms)
  }

  /// Structure positions by folded name, then id. Folded names are ASCII, so they compare as
  /// bytes (laid end to end in one buffer: no string per name, no Unicode comparison).
  static func nameOrder(_ structures: [Structure]) -> [Int] {
    var bytes: [UInt8] = []
    var start: [Int] = [0]
    start.reserveCapacity(structures.count + 1)
    structures.withUnsafeBufferPointer { structures in
      for position in structures.indices {
        var first = true
        TextFolding.forEachWord(structures[position].nom) { word in
          if !first { bytes.append(TextFolding.separator) }
          first = false
          bytes.append(contentsOf: word)
        }
        start.append(bytes.count)
      }
    }
    return bytes.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) -> [Int] in
      structures.indices.sorted { (a: Int, b: Int) -> Bool in
        let aStart = start[a]
        let bStart = start[b]
        let aLength = start[a + 1] - aStart
        let bLength = start[b + 1] - bStart
        for offset in 0..<min(aLength, bLength) {
          let x = bytes[aStart + offset]
          let y = bytes[bStart + offset]
          if x != y { return x < y }
        }
        if aLength != bLength { return aLength < bLength }
        return structures[a].id < structures[b].id
      }
    }
  }

  /// The département a structure is attached to (address first, else its zone's first).
  func mainDepartement(_ doc: Int) -> String? {
    let start = Int(structureDepartementStart[doc])
    return start < Int(structureDepartementStart[doc + 1]) ? departementCodes[Int(structureDepartements[start])] : nil
  }

  /// The structure's geography, rebuilt from the columns (for explanations, not hot loops).
  func geography(_ doc: Int) -> StructureGeography {
    let departements = (Int(structureDepartementStart[doc])..<Int(structureDepartementStart[doc + 1])).map {
      departementCodes[Int(structureDepartements[$0])]
    }
    let communes = Array(geo.communes[Int(geo.communeStart[doc])..<Int(geo.communeStart[doc + 1])])
    let point = geo.point(doc)
    return StructureGeography(
      departements: departements, communes: communes, isNational: geo.isNational[doc], latitude: point?.latitude,
      longitude: point?.longitude)
  }

  /// Folded words as stored: « St » becomes « saint » so that both spellings meet.
  static func indexWords(_ text: String) -> [[UInt8]] {
    TextFolding.wordBytes(text).map(normalizedWord)
  }

  /// Words of a query past this many are ignored: every word must match, so a dozen already
  /// narrows to nothing, and a 10,000-character paste in the search field is not 2,000 posting
  /// walks per keystroke (issue 18, point 5).
  static let maximumQueryWords = 12

  /// Typo tolerance stops at words this long (bytes): the one-deletion neighbourhood of a word
  /// costs its length squared, and no real word is this long (a 1 MB « word » took minutes).
  static let maximumTypoWordLength = 40

  /// The distinct words of a query, in order, at most `maximumQueryWords`.
  static func queryWords(_ text: String) -> [[UInt8]] {
    var seen = Set<[UInt8]>()
    var words: [[UInt8]] = []
    for word in indexWords(text) where seen.insert(word).inserted {
      words.append(word)
      if words.count == maximumQueryWords { break }
    }
    return words
  }

  /// Calls `body` with each word `indexWords` would return, without an array per word.
  static func forEachIndexWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    TextFolding.forEachWord(text) { word in
      if word.count == 2 || word.count == 3, word[0] == UInt8(ascii: "s"), word[1] == UInt8(ascii: "t") {
        if word.count == 2 {
          saintBytes.withUnsafeBufferPointer(body)
          return
        }
        if word[2] == UInt8(ascii: "e") {
          sainteBytes.withUnsafeBufferPointer(body)
          return
        }
      }
      body(word)
    }
  }

  private static let saintBytes = Array("saint".utf8)
  private static let sainteBytes = Array("sainte".utf8)

  static func normalizedWord(_ word: [UInt8]) -> [UInt8] {
    switch word {
    case Array("st".utf8): return Array("saint".utf8)
    case Array("ste".utf8): return Array("sainte".utf8)
    default: return word
    }
  }
}
