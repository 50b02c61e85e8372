import Foundation

/// A value computed on first use, once, safely from any thread. Used so that starting the app
/// does not pay for what the first screen does not show (36,000 communes, the search index).
final class Lazy<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value?
  private let make: @Sendable () -> Value

  init(_ make: @escaping @Sendable () -> Value) {
    self.make = make
  }

  init(value: Value) {
    stored = value
    make = { value }
  }

  var value: Value {
    lock.lock()
    defer { lock.unlock() }
    if let stored { return stored }
    let value = make()
    stored = value
    return value
  }

  /// Whether the value has been computed already.
  var isLoaded: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stored != nil
  }
}
