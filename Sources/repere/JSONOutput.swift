import ArgumentParser

/// `--json`: the one spelling of the machine output flag (docs/json.md), shared by every command
/// that offers it.
struct JSONOutput: ParsableArguments {
  @Flag(
    name: .long,
    help: .t(
      "Sortie JSON.",
      "JSON output."))
  var json = false
}
