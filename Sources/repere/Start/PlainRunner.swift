import Foundation
import RepereBase
import RepereUI

/// Runs `PlainSession` on standard input and output: prints the question, reads a line,
/// carries out the effects, prints what changed. Works with stdin not a terminal (scripts).
struct PlainRunner {
  let setup: CaseSetup
  let language: Language
  let effects: CaseEffects

  /// Runs until quit or end of input; returns the exit code.
  func run(place: String?, resumed: ResumedSession? = nil) -> Int32 {
    let now = Date()
    var (state, initialEffects) = UIProgram.start(
      walker: resumed?.walker ?? setup.makeWalker(now: now, language: language), services: setup.services,
      language: language, size: .minimum, now: now, placeText: place)
    resumed?.apply(to: &state)
    var session = PlainSession(state: state)
    if let first = setup.services.dataErrors.first {
      emit(["! " + Chrome.dataErrors(language, String(setup.services.dataErrors.count), first)])
    }
    perform(initialEffects, on: &session)
    var shown = session.screenText
    emit(session.statusText.map { [$0] } ?? [])
    emit(shown)
    while !session.finished, let line = readLine(strippingNewline: true) {
      _ = session.apply(.tick(Date()))
      let (effects, output) = session.handle(line)
      emit(output)
      let saved = perform(effects, on: &session)
      if session.finished { break }
      if saved { emit([Chrome.plainSaved(language)]) }
      emit(session.statusText.map { [$0] } ?? [])
      // The same question or orientation is printed again only when something changed or the
      // line was refused, so logs stay readable.
      let screen = session.screenText
      if session.reprints(screen, shown: shown, output: output) {
        emit(screen)
        shown = screen
      }
    }
    if !session.finished { perform([.quit(closeAs: nil)], on: &session) }
    effects.finish()
    if let path = effects.journalPath { emit(["journal : \(path)"]) }
    if let problem = effects.exitProblem {
      StandardError.write(problem + "\n")
      return 1
    }
    return 0
  }

  /// Carries out effects, feeding results back; true when something was journaled.
  @discardableResult
  private func perform(_ initial: [Effect], on session: inout PlainSession) -> Bool {
    var queue = initial
    var saved = false
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      for msg in effects.perform(effect, session.state) {
        if case .journalSaved(let count) = msg, count > 0 { saved = true }
        queue += session.apply(msg)
      }
    }
    return saved
  }

  private func emit(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    // Lines quote data files (start-up errors, texts): nothing but text reaches the terminal.
    let safe = lines.map { TerminalText.sanitized($0, keepNewlines: true) }
    FileHandle.standardOutput.write(Data((safe.joined(separator: "\n") + "\n").utf8))
  }
}
