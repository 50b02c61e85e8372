import RepereBundle
import RepereUI

extension AppServices {
  /// The interface's services from a loaded bundle: its directory, places and contacts, built
  /// once by `DataBundle.load` (the lookup module's data is not read a second time).
  init(bundle: DataBundle) {
    self.init(
      directory: bundle.directory.map { LookupDirectory(directory: $0) }, places: bundle.places,
      contacts: bundle.contacts)
    demonstrationData = bundle.holdsFiction
  }
}
