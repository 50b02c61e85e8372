import Foundation
import RepereBase

/// How a typed place answer resolves (spec: « Answers written as text »).
public enum PlaceResolution: Hashable, Sendable {
  /// One place: a single match, or several communes of one département (the most populous wins).
  case place(PlaceValue)
  /// Matches in several départements: the caller lists them (or asks).
  case ambiguous([PlaceValue])
  case notFound
}

/// Resolves what a person types — postal code, commune name (any case, with or without accents,
/// hyphens, « st »/« saint »), INSEE code, département code or name — to communes and départements.
public struct PlaceIndex: PlaceResolving {
  public let reference: ReferenceData
  private let tables: Lazy<Tables>

  /// Name lookups, built on first use (the first screen needs none of them; codes need none).
  private struct Tables: Sendable {
    var communesByName: [String: [Int]] = [:]
    var departementsByName: [String: Int] = [:]
    /// Every folded commune name with its commune, sorted by name (bytewise), for prefix and typo search.
    var sortedNames: [(name: [UInt8], commune: Int)] = []
  }

  private var communesByName: [String: [Int]] { tables.value.communesByName }
  private var departementsByName: [String: Int] { tables.value.departementsByName }
  private var sortedNames: [(name: [UInt8], commune: Int)] { tables.value.sortedNames }

  /// A candidate with how well it matched, before ranking.
  private struct Candidate {
    enum Kind: Int {
      case code = 0
      case exact, prefix, fuzzy
    }
    var kind: Kind
    /// The commune itself (nil for a département).
    var commune: Commune?
    var departement: String
    var population: Int
  }

  public init(reference: ReferenceData) {
    self.reference = reference
    tables = Lazy { Self.buildTables(reference) }
  }

  private static func buildTables(_ reference: ReferenceData) -> Tables {
    var tables = Tables()
    let communes = reference.communes
    tables.sortedNames.reserveCapacity(communes.count)
    for (index, commune) in communes.enumerated() {
      for key in Self.nameKeys(commune.nom) {
        tables.communesByName[key, default: []].append(index)
        tables.sortedNames.append((Array(key.utf8), index))
      }
    }
    // Keys are ASCII: compare bytes, much faster than String's Unicode ordering.
    tables.sortedNames.sort { ByteOrder.less($0.name, $1.name) }
    for (index, departement) in reference.departements.enumerated() {
      for key in Self.nameKeys(departement.nom) { tables.departementsByName[key] = index }
    }
    return tables
  }

  /// The folded spelling of a place name, with « st » → « saint » and « ste » → « sainte ».
  static func normalizedWords(_ text: String) -> [String] {
    TextFolding.words(text).map { word in
      switch word {
      case "st": return "saint"
      case "ste": return "sainte"
      case "sts": return "saints"
      case "stes": return "saintes"
      default: return word
      }
    }
  }

  /// The name and, when it starts with an article (« L'Île-Saint-Denis »), the name without it.
  static func nameKeys(_ name: String) -> [String] {
    let words = normalizedWords(name)
    var keys = [words.joined(separator: " ")]
    if words.count > 1, ["le", "la", "les", "l"].contains(words[0]) {
      keys.append(words.dropFirst().joined(separator: " "))
    }
    return keys
  }

  // MARK: PlaceResolving

  /// Communes within two edits of what was typed (a letter missing, doubled, swapped: « Sarcele »,
  /// « Pontoize »), closest then most populated first. Searched only after `candidates` found
  /// nothing, so a name typed right never pays for it.
  public func suggestions(for text: String) -> [PlaceValue] {
    let key = Array(Self.normalizedWords(text).joined(separator: " ").utf8)
    guard key.count >= 4 else { return [] }
    let limit = key.count >= 8 ? 2 : 1 + (key.count >= 5 ? 1 : 0)
    var found: [(distance: Int, population: Int, commune: Int)] = []
    for entry in sortedNames where abs(entry.name.count - key.count) <= limit {
      let distance = BoundedEdit.distance(entry.name, key, limit: limit)
      if distance <= limit {
        found.append((distance, reference.communes[entry.commune].population, entry.commune))
      }
    }
    found.sort { ($0.distance, -$0.population) < ($1.distance, -$1.population) }
    var seen = Set<String>()
    return found.compactMap { item -> PlaceValue? in
      let commune = reference.communes[item.commune]
      guard seen.insert(commune.insee).inserted else { return nil }
      return PlaceValue(communeCode: commune.insee, departement: commune.departement, label: label(of: commune))
    }.prefix(Self.maximumSuggestions).map { $0 }
  }

  /// How many « vouliez-vous dire » places are offered at most.
  static let maximumSuggestions = 5

  public func candidates(for text: String) -> [PlaceValue] {
    rankedCandidates(for: text).map(placeValue)
  }

  /// Resolves a typed answer: one place, or the candidates of several départements.
  public func resolveAnswer(_ text: String) -> PlaceResolution {
    let ranked = rankedCandidates(for: text)
    guard let best = ranked.first else { return .notFound }
    // Only the best kind of match counts: « Saint-Denis » exact does not mean « Saint-Denis-d'Oléron ».
    let top = ranked.filter { $0.kind == best.kind || ($0.kind.rawValue <= Candidate.Kind.exact.rawValue) }
    let departements = Set(top.map(\.departement))
    if departements.count == 1 {
      return .place(placeValue(top.first { $0.commune != nil } ?? best))
    }
    return .ambiguous(top.map(placeValue))
  }

  /// The same, as one place or the problem a person reads (with « vouliez-vous dire » places).
  public func placeAnswer(_ text: String) -> Result<PlaceValue, PlaceAnswerProblem> {
    switch resolveAnswer(text) {
    case .place(let place): return .success(place)
    case .notFound: return .failure(.notFound(typed: text, suggestions: suggestions(for: text)))
    case .ambiguous(let candidates): return .failure(.severalDepartements(typed: text, candidates: candidates))
    }
  }

  /// The place for a commune's INSEE code.
  public func place(insee: String) -> PlaceValue? {
    guard let commune = reference.quickCommune(insee: insee)?.commune else { return nil }
    return PlaceValue(communeCode: commune.insee, departement: commune.departement, label: label(of: commune))
  }

  /// The place for a département code.
  public func place(departement code: String) -> PlaceValue? {
    guard let departement = reference.departement(code: code) else { return nil }
    return PlaceValue(communeCode: nil, departement: code, label: "\(departement.nom) (\(code))")
  }

  private func label(of commune: Commune) -> String { "\(commune.nom) (\(commune.departement))" }

  private func placeValue(_ candidate: Candidate) -> PlaceValue {
    if let commune = candidate.commune {
      return PlaceValue(communeCode: commune.insee, departement: commune.departement, label: label(of: commune))
    }
    let name = reference.departement(code: candidate.departement)?.nom ?? candidate.departement
    return PlaceValue(communeCode: nil, departement: candidate.departement, label: "\(name) (\(candidate.departement))")
  }

  private func rankedCandidates(for text: String) -> [Candidate] {
    var words = Self.normalizedWords(text)
    guard !words.isEmpty else { return [] }
    var candidates: [Candidate] = []
    // A trailing département or postal code narrows a name: « Saint-Denis 93 », « Saint-Denis (93200) ».
    var narrowing: String?
    if words.count > 1, let last = words.last, last.allSatisfy({ $0.isNumber || $0 == "a" || $0 == "b" }) {
      narrowing = last
      words.removeLast()
    }
    if words.count == 1 { candidates += codeCandidates(words[0]) }
    let key = words.joined(separator: " ")
    // Codes are digits (or 2A/2B): no commune name is, so names are not looked up for them.
    let isCode = words.count == 1 && key.allSatisfy { $0.isNumber || (key.count <= 3 && ($0 == "a" || $0 == "b")) }
    if !isCode || candidates.isEmpty { candidates += nameCandidates(key) }
    if let narrowing {
      candidates = candidates.filter { candidate in
        if candidate.departement.lowercased() == narrowing { return true }
        return candidate.commune?.postalCodes.contains(narrowing) ?? false
      }
    }
    // Best kind first, then communes before a département of the same name, then population.
    candidates.sort {
      if $0.kind != $1.kind { return $0.kind.rawValue < $1.kind.rawValue }
      if ($0.commune == nil) != ($1.commune == nil) { return $0.commune != nil }
      return $0.population > $1.population
    }
    // The same commune may come from several keys (postal code, name): keep its best.
    var seen = Set<String>()
    return candidates.filter { candidate in
      let id = candidate.commune?.insee ?? "d" + candidate.departement
      return seen.insert(id).inserted
    }
  }

  private func communeCandidate(_ index: Int, kind: Candidate.Kind) -> Candidate {
    let commune = reference.communes[index]
    return Candidate(kind: kind, commune: commune, departement: commune.departement, population: commune.population)
  }

  /// Postal code, INSEE code, département code.
  private func codeCandidates(_ word: String) -> [Candidate] {
    var result: [Candidate] = []
    if word.count == 5 {
      // Postal and INSEE codes are found without parsing every commune (the first place typed is fast).
      for (_, commune) in reference.communes(code: word.uppercased()) {
        result.append(
          Candidate(kind: .code, commune: commune, departement: commune.departement, population: commune.population))
      }
    }
    if word.count <= 3, let departement = reference.departement(code: word.uppercased()) {
      result.append(Candidate(kind: .code, commune: nil, departement: departement.code, population: 0))
    }
    return result
  }

  private func nameCandidates(_ key: String) -> [Candidate] {
    var result: [Candidate] = []
    for index in communesByName[key] ?? [] { result.append(communeCandidate(index, kind: .exact)) }
    if let index = departementsByName[key] {
      result.append(
        Candidate(kind: .exact, commune: nil, departement: reference.departements[index].code, population: 0))
    }
    let keyBytes = Array(key.utf8)
    let sortedNames = self.sortedNames
    if key.count >= 2 {
      var prefixMatches: [Candidate] = []
      var low = lowerBound(keyBytes, in: sortedNames)
      while low < sortedNames.count, sortedNames[low].name.starts(with: keyBytes), prefixMatches.count < 200 {
        if sortedNames[low].name != keyBytes {
          prefixMatches.append(communeCandidate(sortedNames[low].commune, kind: .prefix))
        }
        low += 1
      }
      for (name, index) in departementsByName where name != key && name.hasPrefix(key) {
        prefixMatches.append(
          Candidate(kind: .prefix, commune: nil, departement: reference.departements[index].code, population: 0))
      }
      result += prefixMatches
    }
    if result.isEmpty, key.count >= 5 {
      for entry in sortedNames where abs(entry.name.count - keyBytes.count) <= 1 {
        if BoundedEdit.withinOne(entry.name, keyBytes) {
          result.append(communeCandidate(entry.commune, kind: .fuzzy))
        }
      }
      for (name, index) in departementsByName where BoundedEdit.withinOne(Array(name.utf8), Array(key.utf8)) {
        result.append(
          Candidate(kind: .fuzzy, commune: nil, departement: reference.departements[index].code, population: 0))
      }
    }
    return result
  }

  private func lowerBound(_ key: [UInt8], in names: [(name: [UInt8], commune: Int)]) -> Int {
    var low = 0
    var high = names.count
    while low < high {
      let middle = (low + high) / 2
      if ByteOrder.less(names[middle].name, key) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}

/// Edit distance ≤ 1 (substitution, insertion, deletion, adjacent transposition) without a matrix.
enum BoundedEdit {
  /// The edit distance of two byte strings (adjacent transpositions count one), or `limit + 1`
  /// as soon as it must exceed `limit`.
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowBest = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
        current[j] = value
        rowBest = min(rowBest, value)
      }
      if rowBest > limit { return limit + 1 }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }

  static func withinOne(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    withinOne(a[...], b[...])
  }

  static func withinOne(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
    let lengthA = a.count
    let lengthB = b.count
    if abs(lengthA - lengthB) > 1 { return false }
    var i = a.startIndex
    var j = b.startIndex
    while i < a.endIndex, j < b.endIndex, a[i] == b[j] {
      i += 1
      j += 1
    }
    if i == a.endIndex || j == b.endIndex { return true }  // differ only by a trailing character (or equal)
    if lengthA == lengthB {
      // substitution, or transposition of i and i+1
      if a[(i + 1)...] == b[(j + 1)...] { return true }
      return i + 1 < a.endIndex && a[i] == b[j + 1] && a[i + 1] == b[j] && a[(i + 2)...] == b[(j + 2)...]
    }
    if lengthA > lengthB { return a[(i + 1)...] == b[j...] }
    return a[i...] == b[(j + 1)...]
  }
}

/// Bytewise ordering of byte strings (what ASCII keys need, without String's Unicode rules).
enum ByteOrder {
  static func less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { left in
      b.withUnsafeBufferPointer { right in
        let length = min(left.count, right.count)
        if length > 0, let l = left.baseAddress, let r = right.baseAddress {
          let order = memcmp(l, r, length)
          if order != 0 { return order < 0 }
        }
        return left.count < right.count
      }
    }
  }
}
