import Foundation
import RepereBase
import RepereLookup

// repere-bench: generated-data benchmarks of the lookup module (never run as tests).
//   repere-bench generate --count N --out DIR [--reference DIR]
//   repere-bench search --data DIR [--repeat R] [--place TEXT] [--slowest N]
//   repere-bench reference --data DIR [--repeat R]
//   repere-bench import [--count N] [--data DIR] [--dir DIR] [--only finess|data-inclusion]
//   repere-bench yaml --data DIR --out DIR [--split]   (the CSV directory as YAML, one file or 101)

func option(_ name: String, _ fallback: String? = nil) -> String? {
  let arguments = CommandLine.arguments
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
  return arguments[index + 1]
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident set size of this process (VmHWM), in MiB.
func peakRSSMiB() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let digits = line.filter(\.isNumber)
    return (Double(digits) ?? 0) / 1024
  }
  return 0
}

/// CPU time of this thread: on a shared, loaded machine it measures the work, not the queue.
func threadCPUNanoseconds() -> UInt64 {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
  guard !sorted.isEmpty else { return 0 }
  let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
  return sorted[index]
}

func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

let command = CommandLine.arguments.dropFirst().first ?? ""
switch command {
case "generate":
  guard let countText = option("--count"), let count = Int(countText), let out = option("--out") else {
    fail("usage: repere-bench generate --count N --out DIR [--reference DIR]")
  }
  let referenceFolder = URL(fileURLWithPath: option("--reference", "Protocols/reference") ?? "Protocols/reference")
  let outURL = URL(fileURLWithPath: out)
  let manager = FileManager.default
  try? manager.removeItem(at: outURL)
  try manager.createDirectory(at: outURL.appendingPathComponent("reference"), withIntermediateDirectories: true)
  for name in ["departements.csv", "communes.csv"] {
    try manager.copyItem(
      at: referenceFolder.appendingPathComponent(name),
      to: outURL.appendingPathComponent("reference").appendingPathComponent(name))
  }
  let reference = try ReferenceData.load(folder: referenceFolder)
  let generator = DirectoryGenerator(reference: reference)
  try Data(generator.vocabularyYAML().utf8).write(to: outURL.appendingPathComponent("vocabulaire.yaml"))
  let csvURL = outURL.appendingPathComponent("annuaire.csv")
  manager.createFile(atPath: csvURL.path, contents: nil)
  let handle = try FileHandle(forWritingTo: csvURL)
  generator.writeCSV(count: count, seed: 42) { chunk in handle.write(Data(chunk.utf8)) }
  try handle.close()
  try Data(DirectoryGenerator.queries.joined(separator: "\n").utf8).write(
    to: outURL.appendingPathComponent("queries.txt"))
  print("generated \(count) structures in \(out)")

case "yaml":
  // What an import produces: the generated CSV rewritten as YAML, in one file or one per département.
  guard let data = option("--data"), let out = option("--out") else {
    fail("usage: repere-bench yaml --data DIR --out DIR [--split]")
  }
  let source = URL(fileURLWithPath: data)
  let outURL = URL(fileURLWithPath: out)
  let manager = FileManager.default
  try? manager.removeItem(at: outURL)
  try manager.createDirectory(at: outURL, withIntermediateDirectories: true)
  for name in ["reference", "vocabulaire.yaml", "queries.txt"] {
    try manager.copyItem(at: source.appendingPathComponent(name), to: outURL.appendingPathComponent(name))
  }
  let lookup = try LookupData.load(folder: source)
  var groups: [String: [Structure]] = [:]
  for structure in lookup.directory.structures {
    let key =
      CommandLine.arguments.contains("--split") ? (lookup.directory.departement(of: structure) ?? "national") : "france"
    groups[key, default: []].append(structure)
  }
  try manager.createDirectory(at: outURL.appendingPathComponent("annuaire"), withIntermediateDirectories: true)
  for (key, structures) in groups {
    let text = DirectoryYAMLWriter.yaml(source: "annuaire généré", updated: nil, structures: structures)
    try Data(text.utf8).write(to: outURL.appendingPathComponent("annuaire/\(key).yaml"))
  }
  print("wrote \(lookup.directory.structures.count) structures in \(groups.count) YAML files under \(out)")

case "search":
  guard let data = option("--data") else { fail("usage: repere-bench search --data DIR [--repeat R] [--place P]") }
  let repeats = Int(option("--repeat", "5") ?? "5") ?? 5
  let folder = URL(fileURLWithPath: data)
  var loaded: LookupData?
  let loadTime = try seconds {
    loaded =
      CommandLine.arguments.contains("--cache")
      ? try LookupCache.load(
        folder: folder, cacheDirectory: LookupCache.directory(environment: ProcessInfo.processInfo.environment),
        program: Bundle.main.executableURL) : try LookupData.load(folder: folder)
    loaded?.directory.prepare()
  }
  guard let lookup = loaded else { fail("could not load \(data)") }
  let now = ISO8601DateFormatter().date(from: "2026-11-30T10:00:00+01:00") ?? Date()
  let place = option("--place").flatMap { lookup.places.candidates(for: $0).first }
  var latencies: [Double] = []
  var twoLetter: [Double] = []
  var slowest: [(Double, String)] = []  // with --slowest N: which keystrokes make the p99
  var resultCount = 0
  for _ in 0..<repeats {
    for query in DirectoryGenerator.queries {
      let characters = Array(query)
      for length in 2...characters.count {
        let typed = String(characters[0..<length])
        let start = threadCPUNanoseconds()
        let hits = lookup.directory.search(typed, place: place, now: now, limit: 50)
        let elapsed = Double(threadCPUNanoseconds() - start) / 1e6
        resultCount += hits.count
        latencies.append(elapsed)
        if length == 2 { twoLetter.append(elapsed) }
        slowest.append((elapsed, typed))
      }
    }
  }
  latencies.sort()
  twoLetter.sort()
  print(
    "structures=\(lookup.directory.structures.count) load_s=\(format(loadTime)) "
      + "keystrokes=\(latencies.count) median_ms=\(format(percentile(latencies, 0.5))) "
      + "p99_ms=\(format(percentile(latencies, 0.99))) max_ms=\(format(latencies.last ?? 0)) "
      + "two_letter_median_ms=\(format(percentile(twoLetter, 0.5))) two_letter_p99_ms=\(format(percentile(twoLetter, 0.99))) "
      + "peak_rss_mib=\(format(peakRSSMiB(), 1)) results=\(resultCount)")
  if let count = option("--slowest").flatMap({ Int($0) }) {
    for (elapsed, typed) in slowest.sorted(by: { $0.0 > $1.0 }).prefix(count) {
      print("slow_keystroke ms=\(format(elapsed)) typed=\"\(typed)\"")
    }
  }

case "reference":
  guard let data = option("--data") else { fail("usage: repere-bench reference --data DIR [--repeat R]") }
  let repeats = Int(option("--repeat", "20") ?? "20") ?? 20
  let folder = URL(fileURLWithPath: data).appendingPathComponent("reference")
  var loads: [Double] = []
  var communes: [Double] = []
  var indexes: [Double] = []
  for _ in 0..<repeats {
    var reference: ReferenceData?
    loads.append(try seconds { reference = try ReferenceData.load(folder: folder) } * 1000)
    guard let reference else { continue }
    communes.append(seconds { _ = reference.communes.count } * 1000)
    indexes.append(seconds { _ = PlaceIndex(reference: reference).candidates(for: "saint denis") } * 1000)
  }
  loads.sort()
  communes.sort()
  indexes.sort()
  print(
    "reference_load_median_ms=\(format(percentile(loads, 0.5), 2)) "
      + "communes_parse_median_ms=\(format(percentile(communes, 0.5), 2)) "
      + "place_index_first_query_median_ms=\(format(percentile(indexes, 0.5), 2)) "
      + "peak_rss_mib=\(format(peakRSSMiB(), 1))")

case "startup":
  // What the interactive app pays before its first frame, and what it defers.
  guard let data = option("--data") else { fail("usage: repere-bench startup --data DIR [--repeat R]") }
  let repeats = Int(option("--repeat", "20") ?? "20") ?? 20
  var loads: [Double] = []
  var firstPlace: [Double] = []
  var firstSearch: [Double] = []
  let now = ISO8601DateFormatter().date(from: "2026-11-30T10:00:00+01:00") ?? Date()
  for _ in 0..<repeats {
    var loaded: LookupData?
    loads.append(try seconds { loaded = try LookupData.load(folder: URL(fileURLWithPath: data)) } * 1000)
    guard let lookup = loaded else { continue }
    firstPlace.append(seconds { _ = lookup.places.resolveAnswer("Saint-Denis 93") } * 1000)
    firstSearch.append(seconds { _ = lookup.directory.search("prostitution", now: now) } * 1000)
  }
  loads.sort()
  firstPlace.sort()
  firstSearch.sort()
  print(
    "startup_load_median_ms=\(format(percentile(loads, 0.5), 2)) "
      + "first_place_query_median_ms=\(format(percentile(firstPlace, 0.5), 2)) "
      + "first_search_median_ms=\(format(percentile(firstSearch, 0.5), 2)) peak_rss_mib=\(format(peakRSSMiB(), 1))")

case "import":
  let count = Int(option("--count", "100000") ?? "100000") ?? 100_000
  ImportBench.run(
    count: count, data: URL(fileURLWithPath: option("--data", "Protocols") ?? "Protocols"),
    folder: URL(fileURLWithPath: option("--dir", ".build-release/import-bench") ?? ""), only: option("--only"))

default:
  fail("usage: repere-bench generate|search|reference|import …")
}
