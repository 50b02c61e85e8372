/// The licences' attribution an imported directory file carries in its `source:` (Licence
/// Ouverte 2.0 asks for it), from the sources the import read.
public enum ImportAttribution {
  static let names: [String: String] = [
    "data-inclusion": "data·inclusion (GIP de l'inclusion), Licence Ouverte 2.0",
    "finess": "FINESS (DREES / ministère de la Santé, data.gouv.fr), Licence Ouverte",
    "service-public": "Annuaire de l'administration, Service-Public.fr / DILA, Licence Ouverte 2.0",
    "repere": "export CSV",
  ]

  /// « Import repere — » and each source's attribution, in a stable order.
  public static func header(for sources: Set<String>) -> String {
    let parts = sources.sorted().compactMap { names[$0] }
    return "Import repere — " + (parts.isEmpty ? "sources ouvertes" : parts.joined(separator: " ; "))
  }
}
