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
    for structure in structures {
      let geo = StructureGeography(structure: structure, reference: reference, postalIndex: postalIndex)
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
      typeBits.append(bits(structure.types, &typeBit))
      themeBits.append(bits(structure.thematiques, &themeBit))
      publicBits.append(bits(structure.publics, &publicBit))
      if let hours = structure.horaires {
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
    let foldedNames = structures.map { TextFolding.fold($0.nom) }
    let byName = structures.indices.sorted {
      (foldedNames[$0], structures[$0].id) < (foldedNames[$1], structures[$1].id)
    }
    var nameRank = [Int32](repeating: 0, count: count)
    for (rank, index) in byName.enumerated() { nameRank[index] = Int32(rank) }
    self.nameRank = Column(nameRank)
    docByNameRank = Column(byName)

    // Inverted index.
    var builder = TermIndexBuilder()
    var labelCache: [String: [[UInt8]]] = [:]
    func labelWords(_ text: String) -> [[UInt8]] {
      if let cached = labelCache[text] { return cached }
      let words = SearchIndex.indexWords(text)
      labelCache[text] = words
      return words
    }
    for (doc, structure) in structures.enumerated() {
      let doc = UInt32(doc)
      builder.add(SearchIndex.indexWords(structure.nom), doc: doc, field: .name)
      for type in structure.types {
        builder.add(labelWords(vocabulary.typeLabel(type)), doc: doc, field: .type)
        builder.add(labelWords(type), doc: doc, field: .type)
        // Everyday words and acronyms of the vocabulary (« MDA », « ados »).
        for synonym in vocabulary.types[type]?.synonyms ?? [] {
          builder.add(labelWords(synonym), doc: doc, field: .type)
        }
      }
      for theme in structure.thematiques {
        builder.add(labelWords(vocabulary.themeLabel(theme)), doc: doc, field: .theme)
        builder.add(labelWords(theme), doc: doc, field: .theme)
        for synonym in vocabulary.thematiques[theme]?.synonyms ?? [] {
          builder.add(labelWords(synonym), doc: doc, field: .theme)
        }
      }
      if let commune = structure.adresse?.commune { builder.add(labelWords(commune), doc: doc, field: .commune) }
      if mainCommune[Int(doc)] >= 0 {
        builder.add(labelWords(reference.communes[Int(mainCommune[Int(doc)])].nom), doc: doc, field: .commune)
      }
      if let main = mainDepartements[Int(doc)], let departement = reference.departement(code: main) {
        builder.add(labelWords(departement.nom), doc: doc, field: .commune)
      }
      if let description = structure.description {
        builder.add(SearchIndex.indexWords(description), doc: doc, field: .description)
      }
      for item in structure.publics {
        builder.add(labelWords(vocabulary.publicLabel(item)), doc: doc, field: .description)
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

  static func normalizedWord(_ word: [UInt8]) -> [UInt8] {
    switch word {
    case Array("st".utf8): return Array("saint".utf8)
    case Array("ste".utf8): return Array("sainte".utf8)
    default: return word
    }
  }
}

/// Accumulates postings per distinct word, then lays everything out in flat sorted arrays.
struct TermIndexBuilder {
  private var termIDs: [[UInt8]: Int32] = [:]
  private var terms: [[UInt8]] = []
  private var docs: [[UInt32]] = []
  private var fields: [[UInt8]] = []

  mutating func add(_ words: [[UInt8]], doc: UInt32, field: SearchIndex.Field) {
    let bit = UInt8(1) << field.rawValue
    for word in words {
      let id: Int
      if let existing = termIDs[word] {
        id = Int(existing)
      } else {
        id = terms.count
        termIDs[word] = Int32(id)
        terms.append(word)
        docs.append([])
        fields.append([])
      }
      if let last = docs[id].last, last == doc {
        fields[id][fields[id].count - 1] |= bit
      } else {
        docs[id].append(doc)
        fields[id].append(bit)
      }
    }
  }

  struct Built {
    var termBytes: [UInt8] = []
    var termStart: [Int32] = [0]
    var postingStart: [Int32] = [0]
    var postingDocs: [UInt32] = []
    var postingFields: [UInt8] = []
    var deletionHashes: [UInt64] = []
    var deletionTerms: [Int32] = []
  }

  func build() -> Built {
    var built = Built()
    let order = terms.indices.sorted { terms[$0].lexicographicallyPrecedes(terms[$1]) }
    built.termBytes.reserveCapacity(terms.reduce(0) { $0 + $1.count })
    built.postingDocs.reserveCapacity(docs.reduce(0) { $0 + $1.count })
    built.postingFields.reserveCapacity(built.postingDocs.capacity)
    var deletions: [(UInt64, Int32)] = []
    for (newID, oldID) in order.enumerated() {
      let term = terms[oldID]
      built.termBytes.append(contentsOf: term)
      built.termStart.append(Int32(built.termBytes.count))
      built.postingDocs.append(contentsOf: docs[oldID])
      built.postingFields.append(contentsOf: fields[oldID])
      built.postingStart.append(Int32(built.postingDocs.count))
      if term.count >= 4, term.count <= SearchIndex.maximumTypoWordLength {
        deletions.append((FNV.hash(term[...]), Int32(newID)))
        for skip in term.indices {
          deletions.append((FNV.hash(term[..<skip], term[(skip + 1)...]), Int32(newID)))
        }
      }
    }
    deletions.sort { $0.0 < $1.0 }
    built.deletionHashes = deletions.map(\.0)
    built.deletionTerms = deletions.map(\.1)
    return built
  }
}

/// 64-bit FNV-1a, over one or two byte slices (a word with one letter skipped).
enum FNV {
  static func hash(_ first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8> = []) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in first {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    for byte in second {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }
}
