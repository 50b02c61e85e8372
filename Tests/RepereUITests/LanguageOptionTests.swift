import Foundation
import RepereTestSupport
import Testing

@testable import RepereUI

/// Issue 12, point 10: `--lang de` was silently French. A language Repère does not have is
/// refused, with the list of those it has.
@Suite struct LanguageOptionTests {
  @Test func onlyFrenchAndEnglishAreNamed() {
    #expect(Language.named("fr") == .fr)
    #expect(Language.named("EN") == .en)
    #expect(Language.named("en_GB.UTF-8") == .en)
    #expect(Language.named("fr-FR") == .fr)
    for other in ["de", "english", "", "es_ES", "f"] { #expect(Language.named(other) == nil, "\(other)") }
    #expect(Language.resolve(option: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
  }

  @Test(.enabled(if: BuiltProducts.exists("repere"), "needs `swift build` to have built repere"))
  func anUnknownLanguageIsRefusedWithTheListAndStatusTwo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repere-lang-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for arguments in [["start", "--lang", "de", "--plain"], ["train", "01", "--lang", "de"]] {
      let process = try SpawnedProcess.spawn(
        try BuiltProducts.executable(named: "repere"), arguments, outputIn: folder, name: "repere",
        environment: ["HOME": folder.path, "XDG_STATE_HOME": folder.path, "LANG": "C.UTF-8"])
      let ending = process.wait()
      #expect(ending == .exited(2), "\(arguments)")
      let errors = process.errorText()
      #expect(errors.contains("langue « de » non disponible pour --lang"), "\(errors)")
      #expect(errors.contains("fr (français), en (anglais)"))
    }
  }
}
