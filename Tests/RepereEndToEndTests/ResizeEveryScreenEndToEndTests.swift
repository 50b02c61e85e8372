import Foundation
import RepereTestSupport
import Testing

/// Every screen survives going below the minimum and back (79×24 ↔ 80×24 ↔ 120×40): header,
/// body and footer whole again, nothing left over from the « too small » message or the other size.
@Suite(.tags(.endToEnd)) struct ResizeEveryScreenEndToEndTests {
  enum Screen: String, CaseIterable {
    case question, typedQuestion, orientation, search, record, help, notes, level, changeList, quitBox

    /// Keys from the first question, and text that shows the screen is up.
    var route: (keys: [String], typed: String?, marker: String) {
      switch self {
      case .question: ([], nil, "Question 1")
      case .typedQuestion: (["2", "1"], nil, "Où se trouve")
      case .orientation: (["o"], nil, "Orientation")
      case .search: (["/"], "119", "Allô Enfance")
      case .record: (["/"], "119", "Téléphone")
      case .help: (["?"], nil, "Aide")
      case .notes: (["n"], "Rappeler", "Notes du dossier")
      case .level: (["l"], nil, "Relever le niveau du dossier")
      case .changeList: (["2", "c"], nil, "Changer une réponse")
      case .quitBox: (["2", "q"], nil, "Quitter Repère ?")
      }
    }
  }

  /// The screen with the call timer masked (it moves while the test runs).
  static func stable(_ screen: String) -> String {
    screen.replacingOccurrences(of: #"\d\d:\d\d"#, with: "mm:ss", options: .regularExpression)
  }

  /// The screen once it stopped changing (typed keys processed, the frame fully painted).
  static func settled(_ tmux: TmuxSession) throws -> String {
    var previous = stable(try tmux.screen())
    for _ in 0..<50 {
      usleep(150_000)
      let current = stable(try tmux.screen())
      if current == previous { return current }
      previous = current
    }
    throw TmuxSession.Failure(description: "the screen kept changing:\n\(previous)")
  }

  @Test(arguments: Screen.allCases)
  func resizingBelowTheMinimumAndBackRestoresTheScreen(_ screen: Screen) throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    try tmux.waitFor(text: "Question 1")
    let route = screen.route
    for key in route.keys {
      let before = try tmux.screen()
      try tmux.keys(key)
      try tmux.waitFor("the screen after \(key)") { $0 != before }
    }
    if let typed = route.typed { try tmux.type(typed) }
    if screen == .record {
      try tmux.waitFor(text: "Allô Enfance")
      try tmux.keys("Enter")
    }
    try tmux.waitFor(text: route.marker)
    if let typed = route.typed, screen != .record { try tmux.waitFor(text: typed) }
    let original = try Self.settled(tmux)

    try tmux.resize(columns: 79, rows: 24)
    try tmux.waitFor(text: "Agrandissez le terminal")
    try tmux.resize(columns: 80, rows: 24)
    let back = try tmux.waitFor("\(screen) at 80×24 again, as before:\n\(original)") { Self.stable($0) == original }
    #expect(!back.contains("Agrandissez"))

    try tmux.resize(columns: 120, rows: 40)
    let large = try tmux.waitFor("\(screen) at 120×40") {
      let rows = $0.split(separator: "\n", omittingEmptySubsequences: false)
      return $0.contains(route.marker) && rows.count >= 40 && rows[1].filter { $0 == "─" }.count >= 100
    }
    let rows = large.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(rows[0].hasPrefix(" Repère"), "\(screen): header\n\(large)")
    #expect(!large.contains("Agrandissez") && !large.contains("Taille actuelle"), "\(screen)\n\(large)")
    // The footer lists keys on the last lines (the quit box lists its own two).
    #expect(rows.suffix(3).joined().contains(screen == .quitBox ? "o oui" : "quitter"), "\(screen): footer\n\(large)")

    try tmux.resize(columns: 79, rows: 24)
    try tmux.waitFor(text: "Agrandissez le terminal")
    try tmux.resize(columns: 80, rows: 24)
    try tmux.waitFor("\(screen) whole at 80×24 after 120×40") { Self.stable($0) == original }
  }
}
