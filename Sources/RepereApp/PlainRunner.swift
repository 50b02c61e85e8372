import Foundation
import RepereBase
import RepereUI

/// Runs `PlainSession` over lines: prints the question, reads a line, carries out the effects,
/// prints what changed. The lines come from and go to closures, standard input and output in
/// the program (it works with stdin not a terminal: scripts), memory in the tests.
public struct PlainRunner {
  /// Where the runner reads and writes; every written line is already sanitised.
  public struct Lines {
    /// The next typed line without its newline, nil at the end of input.
    public var read: () -> String?
    /// Lines for standard output, newline-terminated.
    public var write: (String) -> Void
    /// A line for standard error, newline-terminated.
    public var writeError: (String) -> Void

    public init(
      read: @escaping () -> String?, write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
      self.read = read
      self.write = write
      self.writeError = writeError
    }
  }

  let setup: CaseSetup
  let language: Language
  let effects: CaseEffects
  let lines: Lines

  public init(setup: CaseSetup, language: Language, effects: CaseEffects, lines: Lines) {
    self.setup = setup
    self.language = language
    self.effects = effects
    self.lines = lines
  }

  /// Runs until quit or end of input; returns the exit code (1 when records could not be saved).
  public func run(place: String?, resumed: ResumedSession? = nil) -> Int32 {
    let now = setup.context.clock()
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
    while !session.finished, let line = lines.read() {
      _ = session.apply(.tick(setup.context.clock()))
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
      lines.writeError(TerminalText.sanitized(problem) + "\n")
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

  private func emit(_ text: [String]) {
    guard !text.isEmpty else { return }
    // Lines quote data files (start-up errors, texts): nothing but text reaches the terminal.
    let safe = text.map { TerminalText.sanitized($0, keepNewlines: true) }
    lines.write(safe.joined(separator: "\n") + "\n")
  }
}
