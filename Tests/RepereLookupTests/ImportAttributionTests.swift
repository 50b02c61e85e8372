import RepereLookup
import Testing

@Suite struct ImportAttributionTests {
  @Test func eachSourceIsCreditedInAStableOrder() {
    #expect(
      ImportAttribution.header(for: ["finess", "data-inclusion"])
        == "Import repere — data·inclusion (GIP de l'inclusion), Licence Ouverte 2.0 ; "
        + "FINESS (DREES / ministère de la Santé, data.gouv.fr), Licence Ouverte")
    #expect(ImportAttribution.header(for: []) == "Import repere — sources ouvertes")
    #expect(ImportAttribution.header(for: ["inconnue"]) == "Import repere — sources ouvertes")
  }
}
