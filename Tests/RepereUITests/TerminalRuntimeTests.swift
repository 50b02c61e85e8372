import Foundation
import RepereJournal
import RepereTerminal
import Testing

@testable import RepereUI

/// The runtime loop (effects, quit, signals, resize, background data) driven through an
/// in-memory terminal, as ratatui's TestBackend or bubbletea's teatest do: what tmux tests show
/// end to end, here checked step by step and in milliseconds.
@Suite struct TerminalRuntimeTests {
  /// A terminal that plays a script of inputs and keeps every frame painted.
  final class MemoryBackend: TerminalBackend {
    var size: GridSize
    var inputs: [TerminalInput]
    var frames: [CellGrid] = []
    var invalidations = 0
    /// A signal that arrives with the input at this index (before it is handled).
    var signal: (afterReads: Int, number: Int32)?
    /// The size the terminal has after a `.resized` input.
    var sizeAfterResize: GridSize?
    private var reads = 0

    init(size: GridSize = .minimum, inputs: [TerminalInput]) {
      self.size = size
      self.inputs = inputs
    }

    func paint(_ grid: CellGrid) { frames.append(grid) }
    func invalidate() { invalidations += 1 }

    func read() -> TerminalInput {
      reads += 1
      // A script that runs out behaves like a user who closes the terminal: a SIGHUP.
      guard !inputs.isEmpty else {
        signal = signal ?? (reads, 1)
        return .idle
      }
      let input = inputs.removeFirst()
      if case .resized = input, let sizeAfterResize { size = sizeAfterResize }
      return input
    }

    var pendingSignal: Int32? {
      guard let signal, reads >= signal.afterReads else { return nil }
      return signal.number
    }
  }

  /// Every effect the loop asked for, answered as a runtime that saved everything would answer.
  final class EffectLog {
    var effects: [Effect] = []

    func perform(_ effect: Effect, _ state: AppState) -> [Msg] {
      effects.append(effect)
      if case .journal(let events) = effect { return [.journalSaved(count: events.count)] }
      return []
    }

    var quit: CaseOutcome?? {
      for effect in effects { if case .quit(let outcome) = effect { return .some(outcome) } }
      return nil
    }
  }

  static func run(_ backend: MemoryBackend, services: [AppServices] = []) throws -> (TerminalRuntime.Ending, EffectLog)
  {
    let log = EffectLog()
    var pending = services
    let runtime = TerminalRuntime(
      screen: backend, clock: { TestWorld.now }, pollServices: { pending.isEmpty ? nil : pending.removeFirst() },
      perform: { log.perform($0, $1) })
    let ending = runtime.run((try TestWorld.state(size: backend.size), []))
    return (ending, log)
  }

  @Test func answeringWritesTheJournalAndQuittingAsksFirst() throws {
    let backend = MemoryBackend(inputs: [.key(.character("1")), .key(.character("q")), .key(.character("o"))])
    let (ending, log) = try Self.run(backend)
    #expect(ending == .quit)
    let journaled = log.effects.filter { if case .journal = $0 { return true } else { return false } }
    #expect(!journaled.isEmpty, "the answer went to the journal")
    #expect(log.quit != nil, "the quit box's « o » quits")
    // One frame per input read at least, the quit box among them.
    #expect(backend.frames.count >= 3)
    #expect(backend.frames.contains { $0.text.contains("Quitter") })
  }

  @Test func aSignalEndsTheLoopWithItsNumberAndSuspendsTheCase() throws {
    let backend = MemoryBackend(inputs: [.key(.character("1")), .idle])
    backend.signal = (afterReads: 2, number: 15)
    let (ending, log) = try Self.run(backend)
    #expect(ending == .signal(15))
    // SIGTERM suspends the case for resuming: it is not closed.
    #expect(log.quit == .some(nil))
  }

  @Test func aClosedTerminalSuspendsTheCaseAndNeverClosesIt() throws {
    let backend = MemoryBackend(inputs: [.key(.character("1"))])
    let (ending, log) = try Self.run(backend)
    #expect(ending == .signal(1))
    #expect(log.quit == .some(nil))
  }

  @Test func aResizeRedrawsEverythingAtTheNewSize() throws {
    let backend = MemoryBackend(size: GridSize(columns: 120, rows: 40), inputs: [.resized, .idle])
    backend.sizeAfterResize = .minimum
    backend.signal = (afterReads: 2, number: 15)
    _ = try Self.run(backend)
    #expect(backend.invalidations == 1)
    #expect(backend.frames.first?.size == GridSize(columns: 120, rows: 40))
    #expect(backend.frames.last?.size == .minimum)
  }

  @Test func dataLoadedInTheBackgroundArrivesOnceAsAMessage() throws {
    let backend = MemoryBackend(inputs: [.key(.character("?")), .idle])
    backend.signal = (afterReads: 2, number: 15)
    var loaded = TestWorld.services
    loaded.dataFolder = "/chargé/en/arrière-plan (option --data)"
    let log = EffectLog()
    var pending = [loaded]
    var polls = 0
    let runtime = TerminalRuntime(
      screen: backend, clock: { TestWorld.now },
      pollServices: {
        polls += 1
        return pending.isEmpty ? nil : pending.removeFirst()
      }, perform: { log.perform($0, $1) })
    var start = try TestWorld.state(size: .minimum)
    start.services = AppServices()
    _ = runtime.run((start, []))
    #expect(polls >= 2, "polled every turn")
    #expect(pending.isEmpty, "delivered")
    // The help opened after the data arrived names the loaded services' data folder.
    #expect(backend.frames.contains { $0.text.contains("/chargé/en/arrière-plan") })
  }
}
