import RepereBase

/// Where a structure is and where it intervenes, worked out once from its address, coordinates
/// and `zone` against the reference data.
struct StructureGeography: Sendable {
  /// Index of the structure's own commune in the reference (from `code_insee`, else postal code).
  var commune: Int32 = -1
  /// Département codes the structure serves or sits in (address first), without duplicates.
  var departements: [String] = []
  /// Reference indexes of the communes named in `zone`, the address commune and its parent.
  var communes: [Int32] = []
  var isNational = false
  var latitude: Double?
  var longitude: Double?

  init(departements: [String], communes: [Int32], isNational: Bool, latitude: Double?, longitude: Double?) {
    self.departements = departements
    self.communes = communes
    self.isNational = isNational
    self.latitude = latitude
    self.longitude = longitude
  }

  init(structure: borrowing Structure, reference: ReferenceData, postalIndex: [String: Int]) {
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
      communes.append(Int32(communeIndex))
      if let parent = commune.parentInsee, parent != commune.insee,
        let parentIndex = reference.communeIndex(insee: parent)
      {
        communes.append(Int32(parentIndex))
      }
    }
    for entry in structure.zone where entry != "france" {
      if entry.count == 5, let index = reference.communeIndex(insee: entry) {
        let commune = reference.communes[index]
        if !communes.contains(Int32(index)) { communes.append(Int32(index)) }
        if !departements.contains(commune.departement) { departements.append(commune.departement) }
      } else if entry.count <= 3, !departements.contains(entry) {
        // Only département codes (2 or 3 characters): an unknown commune or an EPCI code is a
        // check error, not a département.
        departements.append(entry)
      }
    }
    if let lat = structure.latitude, let lon = structure.longitude {
      latitude = lat
      longitude = lon
    } else if let communeIndex {
      latitude = reference.communes[communeIndex].latitude
      longitude = reference.communes[communeIndex].longitude
    } else if communes.count == 1 {
      latitude = reference.communes[Int(communes[0])].latitude
      longitude = reference.communes[Int(communes[0])].longitude
    }
  }

  /// The département the structure is attached to (address, else first zone entry).
  var mainDepartement: String? { departements.first }
}

/// The place's surroundings, for ranking by proximity.
struct PlaceContext {
  let place: PlaceValue
  let communeCodes: Set<Int32>
  let departement: String
  let neighbours: Set<String>
  let regionCode: String?
  let regionName: String?
  let latitude: Double?
  let longitude: Double?

  init(place: PlaceValue, reference: ReferenceData) {
    self.place = place
    var codes = Set<Int32>()
    var point: (latitude: Double, longitude: Double)?
    if let code = place.communeCode, let (index, commune) = reference.quickCommune(insee: code) {
      codes.insert(Int32(index))
      if let lat = commune.latitude, let lon = commune.longitude { point = (lat, lon) }
      if let parent = commune.parentInsee, let (parentIndex, _) = reference.quickCommune(insee: parent) {
        codes.insert(Int32(parentIndex))
      }
    }
    communeCodes = codes
    departement = place.departement
    let info = reference.departement(code: place.departement)
    neighbours = Set(info?.voisins ?? [])
    regionCode = info?.regionCode
    regionName = info?.region
    if point == nil { point = reference.point(of: place) }
    latitude = point?.latitude
    longitude = point?.longitude
  }

  /// The first of the structure's départements that is a neighbour of the place's.
  func neighbour(in geography: StructureGeography) -> String? {
    geography.departements.first(where: neighbours.contains)
  }

  func distanceKm(to point: (latitude: Double, longitude: Double)?) -> Double? {
    guard let latitude, let longitude, let point else { return nil }
    return ReferenceData.distanceKm(latitude, longitude, point.latitude, point.longitude)
  }
}

/// Flat per-structure geography (no per-structure allocations), for the hot search loop and
/// the binary cache.
struct GeographyColumns: Sendable {
  let isNational: Column<Bool>
  let latitude: Column<Double>
  let longitude: Column<Double>
  let communes: Column<Int32>
  let communeStart: Column<Int32>

  /// The columns as they are filled, structure after structure.
  struct Builder {
    var isNational: [Bool] = []
    var latitude: [Double] = []
    var longitude: [Double] = []
    var communes: [Int32] = []
    var communeStart: [Int32] = [0]

    mutating func append(_ geography: StructureGeography) {
      isNational.append(geography.isNational)
      latitude.append(geography.latitude ?? .nan)
      longitude.append(geography.longitude ?? .nan)
      communes.append(contentsOf: geography.communes)
      communeStart.append(Int32(communes.count))
    }

    var columns: GeographyColumns {
      GeographyColumns(
        isNational: Column(isNational), latitude: Column(latitude), longitude: Column(longitude),
        communes: Column(communes), communeStart: Column(communeStart))
    }
  }

  func point(_ doc: Int) -> (latitude: Double, longitude: Double)? {
    latitude[doc].isNaN ? nil : (latitude[doc], longitude[doc])
  }

  func hasCommune(_ doc: Int, in set: Set<Int32>) -> Bool {
    for position in Int(communeStart[doc])..<Int(communeStart[doc + 1]) where set.contains(communes[position]) {
      return true
    }
    return false
  }
}
