extension ProtocolDefinition {
  /// The disposition a hand-raised `level` brings to the case, so that raising to « urgence »
  /// puts that level's actions and contacts (17 / 112) at the top instead of only changing the
  /// header: the disposition whose code is the level's id, else the first disposition of that
  /// level in the protocol's files (by position). Nil when the protocol has none of that level.
  public func dispositionCode(forLevel level: String) -> String? {
    if let same = dispositions[level], same.level == level { return level }
    return dispositions.filter { $0.value.level == level }
      .min { ($0.value.location, $0.key) < ($1.value.location, $1.key) }?.key
  }
}
