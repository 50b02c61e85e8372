import Foundation
import RepereBase
import Testing

@testable import RepereUI

/// A bundle with fictional records says so in the header of every screen, in both languages,
/// and a real bundle's header is unchanged.
@Suite struct DemonstrationHeaderTests {
  @Test func headerSaysExampleDataWhenTheBundleHoldsFiction() throws {
    var state = try TestWorld.state()
    let plainHeader = UIProgram.render(state).text.split(separator: "\n").first.map(String.init) ?? ""
    #expect(!plainHeader.contains("DONNÉES D'EXEMPLE"))
    state.services.demonstrationData = true
    let header = UIProgram.render(state).text.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.contains("DONNÉES D'EXEMPLE · "), "\(header)")

    var english = try TestWorld.state(language: .en)
    english.services.demonstrationData = true
    let englishHeader = UIProgram.render(english).text.split(separator: "\n").first.map(String.init) ?? ""
    #expect(englishHeader.contains("EXAMPLE DATA · "), "\(englishHeader)")
  }
}
