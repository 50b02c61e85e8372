import Foundation
import RepereUI

/// Runs the interface on a terminal: render → paint (changed cells only) → read a key → update →
/// carry out effects, until an effect asks to quit or a signal arrives. The terminal is any
/// `TerminalBackend`: curses in the program, an in-memory one in the tests.
public struct TerminalRuntime {
  /// Carries out an effect (journal writes, export) and reports the outcome as messages.
  public typealias Performer = (Effect, AppState) -> [Msg]

  let screen: any TerminalBackend
  let perform: Performer
  let clock: () -> Date
  let pollServices: () -> AppServices?

  /// - Parameter pollServices: returns the data services once, when they finished loading in
  ///   the background (so the first frame does not wait for the directory).
  public init(
    screen: any TerminalBackend, clock: @escaping () -> Date, pollServices: @escaping () -> AppServices? = { nil },
    perform: @escaping Performer
  ) {
    self.screen = screen
    self.clock = clock
    self.pollServices = pollServices
    self.perform = perform
  }

  /// How the loop ended.
  public enum Ending: Equatable {
    /// The user quit; the journal is to be closed as `outcome` (nil: suspended).
    case quit
    /// A terminating signal; exit with 128 + its number.
    case signal(Int32)
  }

  /// Runs until quit; `initial` is the state from `UIProgram.start` and its effects.
  public func run(_ initial: (AppState, [Effect]), afterPaint: () -> Void = {}) -> Ending {
    var state = initial.0
    var queue = initial.1
    var signalNumber: Int32?
    while true {
      // Effects first: they may quit, and their results come back as messages.
      while !queue.isEmpty {
        let effect = queue.removeFirst()
        for msg in perform(effect, state) {
          let (next, effects) = UIProgram.update(state, msg)
          state = next
          queue += effects
        }
        if case .quit = effect { return signalNumber.map { .signal($0) } ?? .quit }
      }
      if let services = pollServices() {
        let (next, effects) = UIProgram.update(state, .servicesLoaded(LoadedServices(services)))
        state = next
        queue += effects
        continue
      }
      screen.paint(UIProgram.render(state))
      afterPaint()
      let input = screen.read()
      var messages: [Msg] = []
      if let signal = screen.pendingSignal, signalNumber == nil {
        signalNumber = signal
        messages.append(.terminate)
      } else {
        switch input {
        case .key(let key): messages.append(.key(key))
        case .click(let x, let y): messages.append(.click(x: x, y: y))
        case .paste(let text): messages.append(.paste(text))
        case .resized:
          screen.invalidate()
          messages.append(.resized(screen.size))
        case .idle: break
        }
      }
      messages.append(.tick(clock()))
      for msg in messages {
        let (next, effects) = UIProgram.update(state, msg)
        state = next
        queue += effects
      }
    }
  }
}
