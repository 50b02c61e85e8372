import RepereBase

/// Where a structure is and where it intervenes, worked out once from its address, coordinates
/// and `zone` against the reference data.
struct StructureGeography: Sendable {
  /// Index of the structure's own commune in the reference (from `code_insee`, else postal code).
  var commune: Int32 = -1
  /// Département codes the structure serves or sits in (address first), without duplicates.
  var departements: [String] = []
  /// INSEE codes of the communes named in `zone` (and the address commune).
  var communes: [String] = []
  var isNational = false
  var latitude: Double?
  var longitude: Double?

  init(structure: Structure, reference: ReferenceData, postalIndex: [String: Int]) {
    isNational = structure.zone.contains("france")
    var communeIndex: Int?
    if let insee = structure.adresse?.codeInsee, let index = reference.communeIndex(insee: insee) {
      communeIndex = index
    } else if let postal = structure.adresse?.codePostal, let index = postalIndex[postal] {
      communeIndex = index
    }
    if let communeIndex {
      let commune = reference.communes[communeIndex]
      self.commune = Int32(communeIndex)
      departements.append(commune.departement)
      communes.append(commune.insee)
      if let parent = commune.parentInsee, parent != commune.insee { communes.append(parent) }
    }
    for entry in structure.zone where entry != "france" {
      if entry.count == 5, let index = reference.communeIndex(insee: entry) {
        let commune = reference.communes[index]
        if !communes.contains(entry) { communes.append(entry) }
        if !departements.contains(commune.departement) { departements.append(commune.departement) }
      } else if !departements.contains(entry) {
        departements.append(entry)
      }
    }
    if let lat = structure.latitude, let lon = structure.longitude {
      latitude = lat
      longitude = lon
    } else if let communeIndex {
      latitude = reference.communes[communeIndex].latitude
      longitude = reference.communes[communeIndex].longitude
    } else if communes.count == 1, let index = reference.communeIndex(insee: communes[0]) {
      latitude = reference.communes[index].latitude
      longitude = reference.communes[index].longitude
    }
  }

  /// The département the structure is attached to (address, else first zone entry).
  var mainDepartement: String? { departements.first }
}

/// The place's surroundings, for ranking by proximity.
struct PlaceContext {
  let place: PlaceValue
  let communeCodes: Set<String>
  let departement: String
  let neighbours: Set<String>
  let regionCode: String?
  let regionName: String?
  let latitude: Double?
  let longitude: Double?

  init(place: PlaceValue, reference: ReferenceData) {
    self.place = place
    var codes = Set<String>()
    if let code = place.communeCode {
      codes.insert(code)
      if let parent = reference.commune(insee: code)?.parentInsee { codes.insert(parent) }
    }
    communeCodes = codes
    departement = place.departement
    let info = reference.departement(code: place.departement)
    neighbours = Set(info?.voisins ?? [])
    regionCode = info?.regionCode
    regionName = info?.region
    let point = reference.point(of: place)
    latitude = point?.latitude
    longitude = point?.longitude
  }

  /// Internal proximity rank: 0 commune … 4 national, 5 elsewhere.
  func rank(of geography: StructureGeography, reference: ReferenceData) -> Int {
    if !communeCodes.isEmpty, geography.communes.contains(where: communeCodes.contains) { return 0 }
    if geography.departements.contains(departement) { return 1 }
    if geography.departements.contains(where: neighbours.contains) { return 2 }
    if let regionCode,
      geography.departements.contains(where: { reference.departement(code: $0)?.regionCode == regionCode })
    {
      return 3
    }
    if geography.isNational { return 4 }
    return 5
  }

  /// The first of the structure's départements that is a neighbour of the place's.
  func neighbour(in geography: StructureGeography) -> String? {
    geography.departements.first(where: neighbours.contains)
  }

  func distanceKm(to geography: StructureGeography) -> Double? {
    guard let latitude, let longitude, let lat = geography.latitude, let lon = geography.longitude else { return nil }
    return ReferenceData.distanceKm(latitude, longitude, lat, lon)
  }
}
