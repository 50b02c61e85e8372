import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct PlaceIndexTests {
  let places = Fixtures.places

  @Test func referenceDataMergesPostalCodesAndFillsDepartements() throws {
    let reference = Fixtures.data.reference
    #expect(reference.departements.count == 104)  // 101 départements + 975, 977, 978
    let saintDenis = try #require(reference.commune(insee: "93066"))
    #expect(saintDenis.postalCodes == ["93200", "93210"])
    #expect(reference.departement(code: "93")?.voisins == ["75", "77", "92", "94", "95"])
    // A commune déléguée has no département column: it comes from its INSEE code.
    #expect(reference.communes.first { $0.nom == "Villotran" }?.departement == "60")
    #expect(reference.commune(insee: "60694")?.nom == "Les Hauts-Talican")  // the commune wins over its déléguée
  }

  @Test func codesAreFoundWithoutParsingEveryCommune() throws {
    let fresh = try ReferenceData.load(folder: Fixtures.bundle.appendingPathComponent("reference"))
    let scanned = fresh.communes(code: "93200").map(\.commune)
    #expect(scanned.map(\.insee) == ["93066"])
    #expect(scanned.first?.postalCodes == ["93200", "93210"])
    #expect(fresh.communes(code: "60694").map(\.commune.nom) == ["Les Hauts-Talican"])
    let place = PlaceIndex(reference: fresh).resolveAnswer("01400")
    #expect(!fresh.communesLoaded)
    // The scan and the parsed table agree, positions included.
    let table = Fixtures.data.reference
    for code in ["93200", "01400", "60694", "13001", "2A004"] {
      #expect(fresh.communes(code: code).map(\.index) == table.communes(code: code).map(\.index), "\(code)")
      #expect(fresh.communes(code: code).map(\.commune) == table.communes(code: code).map(\.commune), "\(code)")
    }
    #expect(place == Fixtures.places.resolveAnswer("01400"))
  }

  @Test(arguments: ["93200", "93210", "93066", "Saint-Denis 93", "st denis (93)", "SAINT DENIS 93200"])
  func typedFormsOfSaintDenis93(text: String) {
    #expect(
      places.resolveAnswer(text)
        == .place(PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)")), "\(text)")
  }

  @Test(arguments: ["Saint-Denis", "saint denis", "st-denis", "St Denis", "SAINT-DÉNIS"])
  func ambiguousNamesListEveryDepartement(text: String) throws {
    guard case .ambiguous(let candidates) = places.resolveAnswer(text) else {
      Issue.record("\(text) should be ambiguous")
      return
    }
    #expect(Set(candidates.map(\.departement)) == ["11", "30", "93", "974"])
    // Ranked by population: La Réunion's Saint-Denis is the largest.
    #expect(candidates.first?.communeCode == "97411")
  }

  @Test func departementByCodeOrName() {
    let expected = PlaceValue(communeCode: nil, departement: "93", label: "Seine-Saint-Denis (93)")
    #expect(places.resolveAnswer("93") == .place(expected))
    #expect(places.resolveAnswer("seine st denis") == .place(expected))
    #expect(places.resolveAnswer("Seine-Saint-Denis") == .place(expected))
    #expect(
      places.resolveAnswer("2a") == .place(PlaceValue(communeCode: nil, departement: "2A", label: "Corse-du-Sud (2A)")))
  }

  @Test func severalCommunesOfOneDepartementPickTheMostPopulous() {
    // 01400 serves several communes of the Ain: Châtillon-sur-Chalaronne is the largest.
    guard case .place(let place) = places.resolveAnswer("01400") else {
      Issue.record("01400 should resolve")
      return
    }
    #expect(place.departement == "01")
    #expect(place.label == "Châtillon-sur-Chalaronne (01)")
    #expect(places.candidates(for: "01400").count > 3)
  }

  @Test func accentsCaseArticlesAndTypos() {
    #expect(places.candidates(for: "ile saint denis").first?.communeCode == "93039")
    #expect(places.candidates(for: "L'ÎLE-SAINT-DENIS").first?.communeCode == "93039")
    #expect(places.candidates(for: "argenteul").first?.communeCode == "95018")  // one typo
    #expect(places.candidates(for: "pontoi").contains { $0.communeCode == "95500" })  // prefix
    #expect(places.candidates(for: "Paris").first?.communeCode == "75056")
    #expect(places.resolveAnswer("zzzzqq") == .notFound)
    #expect(places.candidates(for: "").isEmpty)
  }

  @Test func textFolding() {
    #expect(TextFolding.fold("Œuvre d'Été — Saint-Denis (93)") == "oeuvre d ete saint denis 93")
    #expect(TextFolding.fold("ÆSTHÉTIQUE Straße ça") == "aesthetique strasse ca")
    #expect(TextFolding.fold("e\u{0301}cole") == "ecole")  // decomposed accent
    #expect(TextFolding.words("  l’enfant ") == ["l", "enfant"])
  }

  /// Folding walks a string's UTF-8 bytes: two-, three- and four-byte letters fold as each
  /// does alone, wherever they stand.
  @Test func foldingDecodesEveryLengthOfUTF8() {
    func bytes(_ text: String) -> [UInt8] {
      var result: [UInt8] = []
      TextFolding.forEachFoldedByte(text) { result.append($0) }
      return result
    }
    let texts = [
      "Œuvre d'Été — Saint-Denis (93)", "ÆSTHÉTIQUE Straße ça", "e\u{0301}cole", "Ωmega 🙂 ﬁn 𝔘nion ǅ",
      "日本 l’enfant « guillemets »", "ÿ", "\u{17F}\u{180}\u{BF}\u{C0}", "",
    ]
    for text in texts {
      #expect(bytes(text) == text.unicodeScalars.flatMap { bytes(String($0)) }, "\(text)")
    }
    #expect(bytes("é🙂a") == Array("e a".utf8))  // two bytes, four (not a letter: a separator), one
    #expect(bytes("xḀ") == Array("xa".utf8))  // three bytes
  }

  /// Issue 12, point 10: « Sarcele » found nothing, while search tolerates typos. A mistyped
  /// place now gets suggestions (to choose from, never taken silently).
  @Test func aMistypedPlaceGetsSuggestions() {
    #expect(places.candidates(for: "Sarcele").isEmpty)
    #expect(places.suggestions(for: "Sarcele").first?.label == "Sarcelles (95)")
    #expect(places.suggestions(for: "Pontoize").first?.label == "Pontoise (95)")
    #expect(places.suggestions(for: "zzzzzzzz").isEmpty)
    #expect(places.suggestions(for: "abc").isEmpty, "too short to guess")
    #expect(BoundedEdit.distance(Array("sarcele".utf8), Array("sarcelles".utf8), limit: 2) == 2)
    #expect(BoundedEdit.distance(Array("abcd".utf8), Array("bacd".utf8), limit: 2) == 1)
    #expect(BoundedEdit.distance(Array("abcdef".utf8), Array("uvwxyz".utf8), limit: 2) == 3)
  }

  /// `find --place`, `walk` and scenarios say a place problem in one wording, suggestions included
  /// (`find` used to say only « lieu inconnu »).
  @Test func aPlaceProblemIsSaidOnceWithItsSuggestions() throws {
    guard case .failure(let mistyped) = places.placeAnswer("Sarcele") else {
      Issue.record("« Sarcele » is not a commune")
      return
    }
    #expect(mistyped.message.hasSuffix("« Sarcele » ; vouliez-vous dire : Sarcelles (95), Sartène (2A), Sarcey (69) ?"))
    guard case .failure(let unknown) = places.placeAnswer("zzzzzzzz") else {
      Issue.record("« zzzzzzzz » is not a place")
      return
    }
    #expect(unknown.message == "aucune commune, code postal ou département ne correspond à « zzzzzzzz »")
    guard case .failure(let several) = places.placeAnswer("Saint-Denis") else {
      Issue.record("« Saint-Denis » lies in several départements")
      return
    }
    #expect(several.message.contains("Saint-Denis (93)"))
    #expect(several.message.contains("plusieurs départements"))
    #expect(try places.placeAnswer("93200").get().label == "Saint-Denis (93)")
  }
}
