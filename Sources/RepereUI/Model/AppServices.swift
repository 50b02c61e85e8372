import RepereBase

/// The read-only data services the interface consults while it updates: all pure lookups over
/// the loaded bundle, so calling them from `update` keeps it deterministic.
public struct AppServices: Sendable {
  public var directory: (any DirectoryBrowsing)?
  public var places: (any PlaceResolving)?
  public var contacts: (any ContactResolving)?

  public init(
    directory: (any DirectoryBrowsing)? = nil, places: (any PlaceResolving)? = nil,
    contacts: (any ContactResolving)? = nil
  ) {
    self.directory = directory
    self.places = places
    self.contacts = contacts
  }
}
