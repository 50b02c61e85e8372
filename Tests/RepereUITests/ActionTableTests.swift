import Testing

@testable import RepereTerminal
@testable import RepereUI

@Suite struct ActionTableTests {
  /// A real case and a training session never offer each other's actions (`r` resumes a case,
  /// or reveals a training answer): keys are unique within each.
  @Test func noTwoActionsShareAKeyOnAScreen() {
    let contexts: [(String, (ActionID) -> Bool)] = [
      ("case", { !TrainingActions.ids.contains($0) }), ("training", { $0 != .resume }),
    ]
    for (context, offered) in contexts {
      for screen in ScreenKind.allCases {
        var seen: [String: ActionID] = [:]
        for spec in ActionTable.actions(on: screen) where offered(spec.id) {
          for key in spec.keys(on: screen) {
            let name = key.label(.fr)
            #expect(
              seen[name] == nil,
              "\(context) \(screen): \(name) used by \(seen[name].map { "\($0)" } ?? "") and \(spec.id)")
            seen[name] = spec.id
          }
        }
      }
    }
  }

  @Test func typingScreensLeaveEveryPrintableKeyToTheText() {
    for screen in ScreenKind.allCases where screen.isTyping {
      for character in "azAZ09 ?/éq" {
        #expect(ActionTable.action(for: .character(character), on: screen) == nil, "\(screen) \(character)")
      }
    }
  }

  @Test func everyActionIsLabelledInBothLanguagesAndReachable() {
    for spec in ActionTable.all {
      #expect(!spec.label.fr.isEmpty && !spec.label.en.isEmpty)
      #expect(!spec.help.fr.isEmpty && !spec.help.en.isEmpty)
      #expect(!spec.screens.isEmpty)
      #expect(spec.screens.contains { !spec.keys(on: $0).isEmpty }, "\(spec.id) has no usable key")
    }
  }

  @Test func everyScreenHasAWayOut() {
    for screen in ScreenKind.allCases {
      let ids = Set(ActionTable.actions(on: screen).map(\.id))
      #expect(!ids.isDisjoint(with: [.quit, .close, .no, .confirm]), "\(screen) has no way out")
    }
  }

  @Test func keysResolveToActions() {
    #expect(ActionTable.action(for: .character("3"), on: .question) == .answer)
    #expect(ActionTable.action(for: .character("0"), on: .question) == .unknown)
    #expect(ActionTable.action(for: .function(9), on: .typedQuestion) == .unknown)
    #expect(ActionTable.action(for: .character("/"), on: .orientation) == .search)
    #expect(ActionTable.action(for: .function(3), on: .typedQuestion) == .search)
    #expect(ActionTable.action(for: .character("k"), on: .question) == .previous)
    #expect(ActionTable.action(for: .backspace, on: .question) == .back)
    #expect(ActionTable.action(for: .escape, on: .search) == .close)
    #expect(ActionTable.action(for: .character("o"), on: .confirmQuit) == .yes)
    #expect(ActionTable.action(for: .character("r"), on: .question) { $0 != .reveal } == .resume)
    #expect(ActionTable.action(for: .function(8), on: .typedQuestion) { $0 != .resume } == .reveal)
  }

  @Test func helpScreenListsEveryAction() throws {
    var state = try TestWorld.state(size: GridSize(columns: 120, rows: 200))
    state.overlays = [.help(scroll: 0)]
    let text = UIProgram.render(state).text
    for spec in ActionTable.all {
      #expect(text.contains(String(spec.help(.fr).prefix(30))), "\(spec.id) missing from help")
    }
  }
}

@Suite struct LocalisationTests {
  @Test func everyChromeTextExistsInBothLanguagesWithTheSamePlaceholders() {
    for key in Chrome.allCases {
      let text = key.text
      #expect(!text.fr.isEmpty && !text.en.isEmpty, "\(key)")
      #expect(
        text.fr.components(separatedBy: "%@").count == text.en.components(separatedBy: "%@").count, "\(key)")
    }
    #expect(Chrome.tooSmallCurrent(.fr, "40×10") == "Taille actuelle : 40×10")
  }

  @Test func languageFollowsTheOptionThenTheEnvironment() {
    #expect(Language.resolve(option: nil, environment: [:]) == .fr)
    #expect(Language.resolve(option: nil, environment: ["LANG": "en_GB.UTF-8"]) == .en)
    #expect(Language.resolve(option: nil, environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "en_US"]) == .en)
    #expect(Language.resolve(option: "fr", environment: ["LANG": "en_US.UTF-8"]) == .fr)
    #expect(Language.resolve(option: "EN", environment: [:]) == .en)
  }

  @Test func englishChromeOnTheFirstScreen() throws {
    let text = UIProgram.render(try TestWorld.state(language: .en)).text
    #expect(text.contains("Question 1"))
    #expect(text.contains("Yes"))
    #expect(text.contains("I don't know"))
    #expect(text.contains("help"))
    #expect(!text.contains("Oui"))
  }
}

@Suite struct TerminalEdgeTests {
  @Test func refusesToStartWithoutATerminalOrTERM() {
    #expect(
      TerminalCheck.problem(
        environment: ["TERM": "xterm"], stdinIsTerminal: false, stdoutIsTerminal: true, language: .fr)?
        .contains("--plain") == true)
    #expect(
      TerminalCheck.problem(environment: [:], stdinIsTerminal: true, stdoutIsTerminal: true, language: .fr)?
        .contains("TERM") == true)
    #expect(
      TerminalCheck.problem(
        environment: ["TERM": "dumb"], stdinIsTerminal: true, stdoutIsTerminal: true, language: .en)?
        .contains("dumb") == true)
    #expect(
      TerminalCheck.problem(
        environment: ["TERM": "xterm-256color"], stdinIsTerminal: true, stdoutIsTerminal: true, language: .fr) == nil)
  }

  @Test func decodesKeys() {
    #expect(KeyDecoder.character(10) == .key(.enter))
    #expect(KeyDecoder.character(13) == .key(.enter))
    #expect(KeyDecoder.character(127) == .key(.backspace))
    #expect(KeyDecoder.character(27) == .key(.escape))
    #expect(KeyDecoder.character(4) == .key(.control("d")))
    #expect(KeyDecoder.character(0xE9) == .key(.character("é")))
    #expect(KeyDecoder.character(0x9B) == .idle)  // C1 CSI never becomes text
  }
}
