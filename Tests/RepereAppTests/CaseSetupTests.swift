import Foundation
import RepereApp
import RepereTestSupport
import Testing

@Suite struct CaseSetupTests {
  @Test func picksTheNationalProtocolAndRecordsTheGivenProgramVersion() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    let setup = try world.setup()
    #expect(setup.protocolID == "national/orientation")
    #expect(setup.store?.folder == world.journals)
    let start = setup.caseStart()
    #expect(start.programVersion == "0.0.0-test")
    #expect(start.protocolInForce.id == "national/orientation")
    #expect(setup.services.places != nil, "the plain mode's services carry the fixture's places")
  }

  @Test func anUnknownProtocolIsRefusedWithTheListOfThoseThatExist() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    #expect {
      _ = try world.setup(protocolID: "nope/proto")
    } throws: { error in
      let message = (error as? CaseSetup.SetupError)?.description ?? ""
      return message.contains("« nope/proto » introuvable") && message.contains("national/orientation")
    }
  }

  @Test func aMissingDataFolderIsRefused() throws {
    let world = try AppTestCase()
    defer { world.remove() }
    #expect {
      _ = try CaseSetup.load(
        data: world.folder.appendingPathComponent("absent"), protocolID: nil, journals: nil, context: world.context)
    } throws: { error in
      (error as? CaseSetup.SetupError)?.description.contains("dossier de données introuvable") == true
    }
  }
}
