// The crash harness: appends scripted events to a case journal and prints "ACK n" after each
// append has returned (that is, after fsync). A test kills it with SIGKILL at random moments and
// checks that every acknowledged event is in the journal.
//
// Usage: repere-journal-harness FOLDER LAST_SEQUENCE [CASE_ID] [--file-size-limit BYTES]
//   Without CASE_ID: creates a case, prints "CASE id" and "ACK 1" (the opening).
//   With CASE_ID: resumes it (repairing a torn tail), prints "RESUMED id last=N torn=0|1".
//   Then appends events up to LAST_SEQUENCE, printing "ACK n" after each, and "DONE"; before a
//   big note (a long write) it prints "BIG n".
//   --file-size-limit sets RLIMIT_FSIZE so a write fails part-way (EFBIG): the harness then
//   prints the error on stderr and exits 3.

import Foundation
import RepereJournal

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to file descriptor 1: no buffer to lose when the process is killed.
func say(_ text: String) {
  let bytes = Array((text + "\n").utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    if written <= 0 { return }
    offset += written
  }
}

func fail(_ message: String, code: Int32) -> Never {
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(code)
}

var arguments = Array(CommandLine.arguments.dropFirst())
if let flag = arguments.firstIndex(of: "--file-size-limit") {
  guard flag + 1 < arguments.count, let bytes = rlim_t(arguments[flag + 1]) else {
    fail("--file-size-limit needs a number of bytes", code: 2)
  }
  arguments.removeSubrange(flag...(flag + 1))
  signal(SIGXFSZ, SIG_IGN)  // get EFBIG from write instead of being killed
  var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
  #if canImport(Glibc)
  let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
  #else
  let resource = RLIMIT_FSIZE
  #endif
  guard setrlimit(resource, &limit) == 0 else { fail("setrlimit failed", code: 2) }
}
guard arguments.count == 2 || arguments.count == 3, let lastSequence = Int(arguments[1]) else {
  fail("usage: repere-journal-harness FOLDER LAST_SEQUENCE [CASE_ID] [--file-size-limit BYTES]", code: 2)
}
let store = JournalStore(
  folder: URL(fileURLWithPath: arguments[0], isDirectory: true), clock: { Date() }, timeZone: .current)

do {
  let journal: CaseJournal
  if arguments.count == 3 {
    let resumed = try store.resume(id: arguments[2])
    journal = resumed.journal
    let torn = resumed.record.findings.contains { $0.code == JournalReader.tornLineCode }
    say("RESUMED \(journal.id) last=\(journal.lastSequence) torn=\(torn ? 1 : 0)")
  } else {
    journal = try store.create(ScriptedEvents.start)
    say("CASE \(journal.id)")
    say("ACK 1")
  }
  var sequence = journal.lastSequence + 1
  while sequence <= lastSequence {
    let event = ScriptedEvents.event(for: sequence)
    // Lets the test aim some kills at the long write of a big note.
    if ScriptedEvents.isBig(sequence) { say("BIG \(sequence)") }
    let entry = try journal.append(event)
    say("ACK \(entry.sequence)")
    sequence += 1
  }
  say("DONE")
} catch {
  fail("\(error)", code: 3)
}
