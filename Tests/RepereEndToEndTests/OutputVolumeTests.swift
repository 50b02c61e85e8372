import Foundation
import RepereTestSupport
import Testing

/// Bytes sent to the terminal per key press at 80×24, read with `tmux pipe-pane`: only changed
/// cells are redrawn, so moving between options or typing in the search costs little. Figures
/// are printed; the bounds only catch a full redraw on every key (about 2 KB and more).
@Suite(.tags(.endToEnd), .serialized) struct OutputVolumeTests {
  @Test func aKeyPressRedrawsOnlyWhatChanged() throws {
    let (tmux, workspace) = try InterfaceEndToEndTests.start()
    defer {
      tmux.kill()
      try? FileManager.default.removeItem(at: workspace.root)
    }
    let log = workspace.root.appendingPathComponent("pipe.log").path
    try tmux.waitFor(text: "Question 1")
    try tmux.tmux(["pipe-pane", "-o", "-t", tmux.target, "cat >> \(Harness.shellQuoted(log))"])
    func size() -> Int { ((try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int) ?? 0 }
    func settle() { usleep(250_000) }  // the timer line redraws at most once a second

    settle()
    var moves: [Int] = []
    for key in ["Down", "Down", "Up", "Down"] {
      let before = size()
      try tmux.keys(key)
      settle()
      moves.append(size() - before)
    }
    try tmux.keys("/")
    try tmux.waitFor(text: "Rechercher")
    settle()
    var typing: [Int] = []
    for character in "crip" {
      let before = size()
      try tmux.type(String(character))
      settle()
      typing.append(size() - before)
    }
    print("bytes per key press at 80×24 — option moves: \(moves), search typing: \(typing)")
    #expect(moves.allSatisfy { $0 > 0 && $0 < 600 }, "option moves: \(moves)")
    #expect(typing.allSatisfy { $0 > 0 && $0 < 1_500 }, "search typing: \(typing)")
    try tmux.keys("Escape", "q")
    #expect(try tmux.waitForExit() == 0)
  }
}
