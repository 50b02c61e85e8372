/// What every output says when the data folder holds fictional records (« exemple fictif »): a
/// demonstration bundle must never be taken for one that can orient a real case. One home for
/// the words, so the walk, find, scenario and export outputs say the same thing.
public enum DemonstrationData {
  /// The short tag (interface header, export title).
  public static let tag = "DONNÉES D'EXEMPLE"

  /// The line printed first by `repere walk`, `find` and `scenario` (on standard error for JSON
  /// output, so the JSON stays valid) and written at the top of an export.
  public static let banner =
    "DONNÉES D'EXEMPLE : ce dossier de données contient des fiches fictives (« exemple fictif ») ; "
    + "ne pas s'en servir pour orienter une situation réelle."
}
