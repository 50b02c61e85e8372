import Testing

@testable import RepereUI

/// The help names the data folder in use and why it was chosen, at its top so that it shows at
/// 80×24: on a shared server an operator can tell which data answers (issue 17).
@Suite struct HelpDataFolderTests {
  @Test func theHelpNamesTheDataFolderAndItsOrigin() throws {
    let (help, _) = TestWorld.press([.character("?")], on: try TestWorld.state(size: .minimum))
    let lines = UIProgram.render(help).textLines
    let line = try #require(lines.firstIndex { $0.contains("Données : /srv/repere/donnees (option --data)") })
    #expect(line < 6, "the data folder is named at the top of the help")
  }

  @Test func withoutAKnownFolderTheHelpSaysNothingOfIt() throws {
    var state = try TestWorld.state(size: .minimum)
    state.services.dataFolder = nil
    let (help, _) = TestWorld.press([.character("?")], on: state)
    #expect(!UIProgram.render(help).text.contains("Données :"))
  }
}
