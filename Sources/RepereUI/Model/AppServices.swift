import RepereBase

/// The read-only data services the interface consults while it updates: all pure lookups over
/// the loaded bundle, so calling them from `update` keeps it deterministic.
public struct AppServices: Sendable {
  public var directory: (any DirectoryBrowsing)?
  public var places: (any PlaceResolving)?
  public var contacts: (any ContactResolving)?
  /// Errors found while loading the data folder (file:line:column), shown as a warning: the
  /// walk goes on, but contacts may be missing until `repere check` is clean.
  public var dataErrors: [String] = []
  /// Things to tell at start (unfinished cases to resume), shown when there is no error.
  public var notices: [String] = []
  /// Cases left unfinished in the journal, most recent first: offered for resuming while the
  /// new case has no answer.
  public var unfinishedCases: [UnfinishedCase] = []
  /// True when the data folder holds fictional records (« exemple fictif »): the header says
  /// « données d'exemple » on every screen.
  public var demonstrationData = false
  /// The data folder in use and why it was chosen (« /srv/repere (option --data) »), named in
  /// the help so that an operator on a shared server knows which data answers.
  public var dataFolder: String?
  /// True for the empty services the interface starts with while the real ones load in the
  /// background (`Msg.servicesLoaded`): the search screen then says it is loading.
  public var isLoading = false

  public init(
    directory: (any DirectoryBrowsing)? = nil, places: (any PlaceResolving)? = nil,
    contacts: (any ContactResolving)? = nil
  ) {
    self.directory = directory
    self.places = places
    self.contacts = contacts
  }
}
