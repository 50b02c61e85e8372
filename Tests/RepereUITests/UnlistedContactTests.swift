import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// A contact query that finds nothing (no local record for the département) is said under its
/// disposition, never silently dropped.
@Suite struct UnlistedContactTests {
  @Test func aQueryThatFoundNothingIsSaidUnderItsDisposition() throws {
    let state = try TestWorld.finishedCase(place: "27")
    // The fixture's case reaches « information préoccupante à la CRIP »: {kind: crip} + 119.
    let code = try #require(state.walk.dispositions.first { $0.contacts.contains { $0.kinds == ["crip"] } }?.code)
    let queries = try #require(state.contactsByQuery[code])
    #expect(queries.contains { $0.query.kinds == ["crip"] && $0.matches.isEmpty })
    #expect(queries.contains { $0.query.id == "national/119" && !$0.matches.isEmpty })
    #expect(state.unmatchedQueryLabels(code) == ["CRIP"])

    let text = UIProgram.render(UIProgram.update(state, .resized(GridSize(columns: 120, rows: 40))).0)
      .textLines.joined(separator: "\n")
    #expect(text.contains("Aucune structure « CRIP » répertoriée pour le 27 (à compléter dans l'annuaire local)"))
    #expect(text.contains("119 — Allô Enfance en Danger"))  // the other query's contact stays

    var english = state
    english.language = .en
    let englishText = UIProgram.render(UIProgram.update(english, .resized(GridSize(columns: 120, rows: 40))).0)
      .textLines.joined(separator: "\n")
    #expect(
      englishText.contains("No \u{201C}CRIP\u{201D} structure listed for 27 (to be added to the local directory)"))
  }

  @Test func everyQueryFoundSomethingInTheVal() throws {
    let state = try TestWorld.finishedCase()
    for disposition in state.walk.dispositions { #expect(state.unmatchedQueryLabels(disposition.code).isEmpty) }
    let text = UIProgram.render(state).textLines.joined(separator: "\n")
    #expect(!text.contains("Aucune structure"))
  }

  @Test func kindsThenThemesNameAQuery() {
    #expect(QueryLabel.of(ContactQuery(kinds: ["parquet"]), directory: FakeDirectory()) == "Parquet")
    #expect(QueryLabel.of(ContactQuery(themes: ["prostitution-mineurs"]), directory: nil) == "prostitution-mineurs")
    #expect(QueryLabel.of(ContactQuery(kinds: ["crip", "parquet"]), directory: FakeDirectory()) == "CRIP / Parquet")
  }
}
