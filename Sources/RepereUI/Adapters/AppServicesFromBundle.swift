import RepereBundle

extension AppServices {
  /// The interface's services from a loaded bundle: its directory, places and contacts, built
  /// once by `DataBundle.load` (the lookup module's data is not read a second time).
  /// `holdsFiction` is the data folder's answer when the caller has it (`DataFolder.holdsFiction`
  /// reads the files' first lines): asking the bundle decodes every record of a cached directory,
  /// 4 s at 100,000 structures.
  public init(bundle: DataBundle, holdsFiction: Bool? = nil) {
    self.init(
      directory: bundle.directory.map { LookupDirectory(directory: $0) }, places: bundle.places,
      contacts: bundle.contacts)
    demonstrationData = holdsFiction ?? bundle.holdsFiction
  }
}
