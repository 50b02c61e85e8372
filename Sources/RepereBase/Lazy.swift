import Foundation

/// A value computed once, safely from any thread: on first use (`Lazy { … }`), or on its own
/// thread from the start (`Lazy.inBackground { … }`). Reading it waits until it is ready. Used so
/// that starting the app does not pay for what the first screen does not show (36,000 communes,
/// the search index, the bundle fingerprint).
public final class Lazy<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var stored: Value?
  private var computing = false
  private let make: @Sendable () -> Value

  public init(_ make: @escaping @Sendable () -> Value) {
    self.make = make
  }

  public init(value: Value) {
    stored = value
    make = { value }
  }

  /// Starts computing at once on a new thread.
  public static func inBackground(_ make: @escaping @Sendable () -> Value) -> Lazy<Value> {
    let lazy = Lazy(make)
    lazy.condition.withLock { lazy.computing = true }
    Thread { lazy.finish(make()) }.start()
    return lazy
  }

  public var value: Value {
    condition.lock()
    while stored == nil && computing { condition.wait() }
    if let stored {
      condition.unlock()
      return stored
    }
    computing = true
    condition.unlock()
    let value = make()
    finish(value)
    return value
  }

  /// Whether the value has been computed already.
  public var isLoaded: Bool {
    condition.withLock { stored != nil }
  }

  private func finish(_ value: Value) {
    condition.withLock {
      stored = value
      computing = false
      condition.broadcast()
    }
  }
}
