// swift-tools-version:6.0
// Repère — a terminal assistant that walks child-protection professionals through local
// protocols to the right orientation and contacts. See ARCHITECTURE.md for the module graph.
import PackageDescription

let package = Package(
  name: "Repere",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "repere", targets: ["repere"]),
    .executable(name: "repere-bench", targets: ["RepereBench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    // MARK: Terminal edge (only these two and the executable may see curses)
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    .target(
      name: "CursesShim",
      dependencies: ["CNcursesw"]
    ),

    // MARK: Pure core (no terminal, no global clock)
    .target(
      name: "RepereBase",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "RepereRules",
      dependencies: ["RepereBase"]
    ),
    .target(
      name: "RepereLookup",
      dependencies: ["RepereBase"]
    ),
    .target(
      name: "RepereJournal",
      dependencies: ["RepereBase"]
    ),
    .target(
      name: "RepereBundle",
      dependencies: ["RepereBase", "RepereRules", "RepereLookup"]
    ),
    .target(
      name: "RepereUI",
      dependencies: [
        "RepereBase", "RepereRules", "RepereLookup", "RepereJournal", "RepereBundle",
      ]
    ),

    // The case as the program runs it, without the process: start-up loading, effects against the
    // journal, the plain line runner, journal replay, training effects (clock and folders given).
    .target(
      name: "RepereApp",
      dependencies: [
        "RepereBase", "RepereRules", "RepereLookup", "RepereJournal", "RepereBundle", "RepereUI",
      ]
    ),

    // MARK: Edge
    .target(
      name: "RepereTerminal",
      dependencies: ["RepereUI", "CNcursesw", "CursesShim"]
    ),
    .executableTarget(
      name: "repere",
      dependencies: [
        "RepereBase", "RepereRules", "RepereLookup", "RepereJournal", "RepereBundle",
        "RepereUI", "RepereApp", "RepereTerminal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Crash harness for the journal tests: appends scripted events, prints "ACK n" after each fsync.
    .executableTarget(
      name: "repere-journal-harness",
      dependencies: ["RepereJournal", "RepereBase"]
    ),

    // MARK: Benchmarks (release builds only; never run as tests)
    .executableTarget(
      name: "RepereBench",
      dependencies: ["RepereLookup", "RepereBase"]
    ),
    // Rules: load/check/paths/walk of a generated 2,000-step protocol.
    .executableTarget(
      name: "repere-rules-bench",
      dependencies: ["RepereBase", "RepereRules", "RepereBundle", .product(name: "Yams", package: "Yams")],
      path: "Sources/RepereRulesBench"
    ),

    // MARK: Tests
    // One copy of what tests share: fixed clock, seeded random source, process spawner, built
    // binary finder, fixture paths and loader.
    .target(
      name: "RepereTestSupport",
      dependencies: ["RepereBase", "RepereRules", "RepereBundle"],
      path: "Tests/RepereTestSupport"
    ),
    .testTarget(name: "RepereBaseTests", dependencies: ["RepereBase"]),
    .testTarget(name: "RepereRulesTests", dependencies: ["RepereRules", "RepereBase", "RepereTestSupport"]),
    .testTarget(name: "RepereLookupTests", dependencies: ["RepereLookup", "RepereBase", "RepereTestSupport"]),
    .testTarget(
      name: "RepereJournalTests",
      dependencies: ["RepereJournal", "RepereBase", "RepereTestSupport", "repere-journal-harness"],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "RepereBundleTests",
      dependencies: ["RepereBundle", "RepereRules", "RepereLookup", "RepereBase", "RepereTestSupport"]
    ),
    .testTarget(
      name: "RepereUITests",
      dependencies: [
        "RepereUI", "RepereTerminal", "RepereBundle", "RepereRules", "RepereJournal", "RepereBase", "RepereTestSupport",
      ]
    ),
    .testTarget(
      name: "RepereAppTests",
      dependencies: [
        "RepereApp", "RepereUI", "RepereBundle", "RepereJournal", "RepereRules", "RepereBase", "RepereTestSupport",
      ]
    ),
    .testTarget(
      name: "RepereEndToEndTests",
      dependencies: ["RepereTestSupport"]
    ),
  ]
)
