import Testing

/// Tags that let the edit loop skip what is slow: `swift test --skip 'tag:…'` is not a thing in
/// every toolchain, so the README's fast loop skips by suite name; these tags say in the code
/// which suites that regex must name, and `TestTagTests` keeps the two in step.
extension Tag {
  /// Runs the real `repere` binary in tmux or as a child process.
  @Tag public static var endToEnd: Self
  /// Generative or whole-corpus suites that take tens of seconds.
  @Tag public static var slow: Self
}
