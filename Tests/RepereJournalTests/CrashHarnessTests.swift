import Foundation
import RepereBase
import RepereTestSupport
import Testing

@testable import RepereJournal
@testable import repere_journal_harness

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Kills the journal harness with SIGKILL (now and then SIGHUP) at random (seeded) moments,
/// hundreds of times, and checks after each kill that every event it acknowledged ("ACK n",
/// printed once `append` returned, i.e. after fsync) is in the journal, intact, and that the file
/// parses — a torn last line allowed, reported and skipped. The next run resumes the same case,
/// which repairs the tail, so recovery after recovery is exercised too.
@Suite(.tags(.endToEnd), .serialized) struct CrashHarnessTests {
  /// Figures printed at the end, for the report.
  struct Tally {
    var kills = 0
    var hangUps = 0
    var runs = 0
    var tornTails = 0
    var lostNewlines = 0
    /// Highest sequence number acknowledged per case, over all its runs.
    var acknowledged: [String: Int] = [:]
  }

  static let seed: UInt64 = 0x5245_5045_5245  // "REPERE"
  static let targetKills = 220
  /// Events per case before the harness starts a new one (keeps files a few MB).
  static let eventsPerCase = 40

  @Test func everyAcknowledgedEventSurvivesSIGKILL() throws {
    let harness = try BuiltProducts.executable(named: "repere-journal-harness")
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let journals = folder.journals
    var random = SeededGenerator(seed: Self.seed)
    var tally = Tally()
    var currentCase: String?
    var attempts = 0

    while tally.kills < Self.targetKills {
      attempts += 1
      try #require(attempts < Self.targetKills * 4, "the harness keeps finishing before it is killed")
      var arguments = [journals.path, String(Self.eventsPerCase)]
      if let currentCase { arguments.append(currentCase) }
      let process = try SpawnedProcess.spawn(harness, arguments, outputIn: folder.url, name: "run")
      tally.runs += 1

      // Kills land at three kinds of moments: anywhere from the spawn (start-up, folder
      // checks, the resume's repair), while small events are appended, and aimed at the long
      // write of a big note (where a torn line can happen for real).
      let delay: UInt32
      switch Int.random(in: 0..<4, using: &random) {
      case 0:
        delay = UInt32.random(in: 0..<60_000, using: &random)
      case 1:
        try waitForLine(of: process) { $0.hasPrefix("BIG ") || $0 == "DONE" }
        delay = UInt32.random(in: 0..<6_000, using: &random)
      default:
        try waitForLine(of: process) { _ in true }
        delay = UInt32.random(in: 0..<30_000, using: &random)
      }
      usleep(delay)
      // One run in ten gets SIGHUP instead (a dropped SSH connection, no handler): the same
      // abrupt end for the journal, counted apart.
      let hangUp = Int.random(in: 0..<10, using: &random) == 0
      process.send(hangUp ? SIGHUP : SIGKILL)
      let ending = process.wait()

      let lines = process.outputLines()
      let created = lines.first { $0.hasPrefix("CASE ") }.map { String($0.dropFirst(5)) }
      // The case this run wrote to: the one it created or the one it resumed.
      let runCase = created ?? currentCase
      currentCase = runCase
      switch ending {
      case .signaled(SIGKILL):
        tally.kills += 1
      case .signaled(SIGHUP):
        tally.hangUps += 1
      case .exited(0):
        #expect(lines.last == "DONE")
        currentCase = nil  // the case is full: the next run starts another
      default:
        Issue.record("harness ended with \(ending): \(process.errorText())")
        return
      }
      guard let runCase else { continue }  // killed before its case existed
      let acked = lines.compactMap { $0.hasPrefix("ACK ") ? Int($0.dropFirst(4)) : nil }
      let reading = try JournalReader.read(journals.appendingPathComponent("\(runCase).jsonl"))
      try verify(reading, acknowledged: acked, caseID: runCase, tally: &tally)
    }

    // Finally every case, as the next start would see it: all acknowledged events there.
    var recovered = 0
    for (caseID, highest) in tally.acknowledged {
      let reading = try JournalReader.read(journals.appendingPathComponent("\(caseID).jsonl"))
      #expect(reading.findings.allSatisfy { $0.code == JournalReader.tornLineCode })
      #expect((reading.entries.last?.sequence ?? 0) >= highest)
      recovered += reading.entries.count
    }
    let acknowledged = tally.acknowledged.values.reduce(0, +)
    print(
      "crash harness: \(tally.kills) SIGKILLs and \(tally.hangUps) SIGHUPs over \(tally.runs) runs and "
        + "\(tally.acknowledged.count) cases; "
        + "\(acknowledged) events acknowledged, \(recovered) recovered (every acknowledged one, intact); "
        + "\(tally.tornTails) torn last lines seen, reported and skipped; \(tally.lostNewlines) lost final newlines")
    #expect(tally.kills >= 200)
    #expect(recovered >= acknowledged)
  }

  /// Checks one journal after a kill: clean parse (torn tail allowed), sequences 1…n without a
  /// gap, every acknowledged event present and equal to what the script wrote.
  private func verify(_ reading: JournalReadResult, acknowledged: [Int], caseID: String, tally: inout Tally) throws {
    let allowed: Set = [JournalReader.tornLineCode, JournalReader.missingNewlineCode]
    let unexpected = reading.findings.filter { !allowed.contains($0.code) }
    #expect(unexpected.isEmpty, "\(caseID): \(unexpected.map(\.description))")
    if reading.hasTornTail { tally.tornTails += 1 }
    if reading.missingFinalNewline { tally.lostNewlines += 1 }
    let sequences = reading.entries.map(\.sequence)
    #expect(sequences == Array(stride(from: 1, through: sequences.count, by: 1)), "\(caseID): gap or disorder")
    let last = sequences.last ?? 0
    let highestAcknowledged = acknowledged.max() ?? 0
    #expect(last >= highestAcknowledged, "\(caseID): acknowledged \(highestAcknowledged), recovered up to \(last)")
    tally.acknowledged[caseID] = max(tally.acknowledged[caseID] ?? 0, highestAcknowledged)
    for entry in reading.entries {
      if entry.sequence == 1 {
        guard case .opening(let opening) = entry.event else {
          Issue.record("\(caseID): first event is not the opening")
          continue
        }
        #expect(opening.caseID == caseID)
      } else {
        #expect(entry.event == ScriptedEvents.event(for: entry.sequence), "\(caseID): event \(entry.sequence) differs")
      }
    }
  }

  /// Polls the harness's output (every 0.2 ms, up to 5 s) until a line matches or it exits.
  private func waitForLine(of process: SpawnedProcess, where matches: (String) -> Bool) throws {
    for _ in 0..<25_000 {
      if process.outputLines().contains(where: matches) { return }
      if kill(process.pid, 0) != 0 { return }
      usleep(200)
    }
    throw POSIXError(.ETIMEDOUT)
  }

  @Test func aFailedWriteThrowsAndLeavesTheFileClean() throws {
    let harness = try BuiltProducts.executable(named: "repere-journal-harness")
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // A file-size limit makes the big note's write fail part-way (EFBIG): the append must throw,
    // cut the file back to the last whole event, and the journal must read cleanly.
    let process = try SpawnedProcess.spawn(
      harness, [folder.journals.path, "40", "--file-size-limit", "600000"], outputIn: folder.url, name: "limit")
    let ending = process.wait()
    #expect(ending == .exited(3))
    #expect(process.errorText().contains("écriture"))
    let lines = process.outputLines()
    let caseID = try #require(lines.first { $0.hasPrefix("CASE ") }.map { String($0.dropFirst(5)) })
    let acked = lines.compactMap { $0.hasPrefix("ACK ") ? Int($0.dropFirst(4)) : nil }
    #expect(acked.max() == ScriptedEvents.bigEvery - 1, "stops at the first big note")
    let reading = try JournalReader.read(folder.journals.appendingPathComponent("\(caseID).jsonl"))
    #expect(reading.findings.isEmpty)
    #expect(reading.entries.map(\.sequence) == Array(1..<ScriptedEvents.bigEvery))
  }
}
