// repere-rules-bench: release-mode timing of loading and checking a generated protocol.
// Build and run: swift run -c release --scratch-path .build-release repere-rules-bench [STEPS] [DATA_FOLDER]
import Foundation
import RepereBase
import RepereBundle
import RepereRules
import Yams

let stepCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 2_000
let text = GeneratedProtocol.yaml(steps: stepCount)
let clock = ContinuousClock()

func measure<T>(_ label: String, runs: Int = 5, _ body: () -> T) -> T {
  var best = Duration.seconds(1_000)
  var result: T?
  for _ in 0..<runs {
    let start = clock.now
    result = body()
    best = min(best, clock.now - start)
  }
  let milliseconds = Double(best.components.attoseconds) / 1e15 + Double(best.components.seconds) * 1_000
  print("\(label): \(String(format: "%.1f", milliseconds)) ms (best of \(runs))")
  guard let result else { fatalError("no run") }
  return result
}

print("generated protocol: \(stepCount) steps, \(text.utf8.count / 1024) KiB of YAML")
_ = measure("YAML parse alone (Yams, positioned nodes)") {
  var diagnostics = Diagnostics()
  return YAMLFile.parse(text, file: "bench.yaml", diagnostics: &diagnostics) != nil
}
_ = measure("Yams compose with the basic resolver (no implicit tags)") {
  (try? Yams.compose(yaml: text, .basic)) != nil
}
let (definition, loadFindings) = measure("load (YAML parse + protocol loader)") {
  ProtocolLoader.load(text: text, file: "bench.yaml")
}
guard let definition, loadFindings.isEmpty else {
  print("the generated protocol has findings: \(loadFindings.prefix(5))")
  exit(1)
}
let library = ProtocolLibrary(files: [definition])
let findings = measure("check (references, graph, expressions, dispositions)") {
  ProtocolChecker.check(library: library, today: CalendarDay(year: 2026, month: 11, day: 29))
}
print("  findings: \(findings.count)")
_ = measure("load + check together") {
  let (loaded, _) = ProtocolLoader.load(text: text, file: "bench.yaml")
  return loaded.map { ProtocolChecker.check(library: ProtocolLibrary(files: [$0]), today: nil) } ?? []
}
let analysis = measure("paths (exact counts, 1,000 listed)") { PathAnalysis.analyze(definition, limit: 1_000) }
print("  distinct paths: \(analysis?.totalPaths ?? -1)")
let feasible = measure("feasible paths (enumeration, default limits)") {
  FeasiblePaths.enumerate(library: library, protocolID: definition.id)
}
print(
  "  feasible paths: \(feasible?.paths.count ?? -1), answers tried: \(feasible?.answersTried ?? -1), "
    + "truncated: \(feasible?.truncation?.rawValue ?? "no")")
let answers = GeneratedProtocol.answers(steps: stepCount)
let state = measure("walk (every question answered)") {
  Walker.walk(library: library, protocolID: definition.id, answers: answers)
}
print("  path length: \(state.path.count), finished: \(state.isFinished)")

// The whole bundle command path: discovery, loading and `check` of a folder holding the file.
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repere-bench-\(getpid())")
try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
try? text.write(to: folder.appendingPathComponent("bench.yaml"), atomically: true, encoding: .utf8)
_ = measure("bundle load + check of a folder with the protocol") {
  DataBundle.loadAndCheck(from: folder, today: Date())
}
try? FileManager.default.removeItem(at: folder)

// The shipped bundle, when given: feasible paths of each protocol and `repere paths` as a whole.
if let data = CommandLine.arguments.dropFirst(2).first {
  let (bundle, _) = DataBundle.load(from: URL(fileURLWithPath: data))
  for id in bundle.library.ids {
    let paths = measure("feasible paths of \(id)") { FeasiblePaths.enumerate(library: bundle.library, protocolID: id) }
    print(
      "  feasible paths: \(paths?.paths.count ?? -1), variants: \(paths?.variantCount ?? -1), "
        + "answers tried: \(paths?.answersTried ?? -1), truncated: \(paths?.truncation?.rawValue ?? "no")")
    _ = measure("paths summary of \(id) (enumeration + scenarios + coverage)", runs: 3) {
      bundle.pathsSummary(protocolID: id, defaultNow: Date())
    }
  }
}
