import Foundation
import RepereBase
import RepereJournal
@_exported import RepereTestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
  let url: URL

  init() throws {
    let name = "repere-journal-tests-\(UUID().uuidString.prefix(8))"
    url = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The journal folder inside it (not created: the store creates it).
  var journals: URL { url.appendingPathComponent("state/repere", isDirectory: true) }

  func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}

enum Fixtures {
  /// Paris in winter: the offset the journal records.
  static let paris = TimeZone(secondsFromGMT: 3600) ?? TimeZone.current
  /// 2026-11-29T23:10:00+01:00
  static let caseStart = TestClock.caseStart

  static func store(in folder: URL, clock: TestClock, ids: [String] = ["lea15hotel22"]) -> JournalStore {
    let queue = IDQueue(ids)
    return JournalStore(folder: folder, clock: { clock.now }, timeZone: paris, makeCaseID: { queue.next() })
  }

  static let nationalProtocol = ProtocolReference(
    id: "national/orientation", version: "2026.11",
    title: "Suspicion de prostitution d'un·e mineur·e — repérage et orientation")

  static let start = CaseStart(
    protocolInForce: nationalProtocol,
    bundleProtocols: [nationalProtocol, ProtocolReference(id: "95/orientation", version: "2026.10")],
    bundleHash: "sha256:5f1c0a9e3b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e", programVersion: "0.1.0")

  static let saintDenis = PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)")

  /// The events of the reference case (Léa, 15 then 14, found in a hotel), each with its minute
  /// offset from the start.
  static let leaEvents: [(minutes: Double, event: JournalEvent)] = [
    (
      1,
      .answer(
        AnswerEvent(
          step: "securite", kind: "yesno", question: "Le ou la mineur·e est-il·elle en danger immédiat, maintenant ?",
          value: .bool(false), label: "Non"))
    ),
    (
      2,
      .answer(
        AnswerEvent(
          step: "lieu", kind: "place", question: "Où se trouve le ou la mineur·e ?", value: .text("93200"),
          label: "Saint-Denis (93)", place: saintDenis))
    ),
    (2, .place(PlaceEvent(typed: "93200", place: saintDenis, step: "lieu"))),
    (
      3,
      .answer(
        AnswerEvent(
          step: "age", kind: "number", question: "Quel âge a le ou la mineur·e ?", value: .number(15), label: "15 ans"))
    ),
    (
      5,
      .answer(
        AnswerEvent(
          step: "signes", kind: "multi", question: "Quels signes avez-vous repérés ?",
          value: .list(["fugues", "hotel", "argent-inexplique"]),
          label: "Fugues répétées, nuits à l'hôtel, argent inexpliqué"))
    ),
    (
      6, .note(NoteEvent(text: "L'appelante est l'éducatrice du foyer.\nElle rappellera demain matin.", step: "signes"))
    ),
    (
      7,
      .answer(
        AnswerEvent(
          step: "adulte", kind: "choice", question: "Un adulte organise-t-il les rencontres ?", value: .unknown,
          label: "Je ne sais pas"))
    ),
    (
      8,
      .change(
        ChangeEvent(
          step: "age", question: "Quel âge a le ou la mineur·e ?", from: .number(15), fromLabel: "15 ans",
          to: .number(14), toLabel: "14 ans", reason: "l'appelante corrige l'âge"))
    ),
    (
      9,
      .disposition(
        DispositionEvent(
          code: "ip-crip", title: "Transmettre une information préoccupante à la CRIP du département",
          level: "information-preoccupante", timeframe: "sans délai",
          actions: [
            "Rédiger l'IP : faits datés, paroles du mineur entre guillemets",
            "Prévenir le mineur et ses parents, sauf si c'est contraire à son intérêt",
          ],
          contacts: [
            JournalContact(
              id: "93/crip", name: "CRIP de la Seine-Saint-Denis (exemple)", phone: "01 99 00 12 34",
              reason: "département du lieu (93)", example: true),
            JournalContact(
              id: "national/119", name: "119 Allô Enfance en Danger", phone: "119", reason: "ligne nationale"),
          ],
          sources: ["CASF, art. L226-3 — information préoccupante"], step: "orientation"))
    ),
    (
      10,
      .levelRaise(
        LevelRaiseEvent(
          from: "information-preoccupante", to: "signalement",
          reason: "un adulte attend la mineure devant le foyer ce soir"))
    ),
    (
      10,
      .disposition(
        DispositionEvent(
          code: "signalement-procureur", title: "Signaler au procureur de la République", level: "signalement",
          timeframe: "sans délai", actions: ["Appeler le magistrat de permanence, puis écrire le signalement"],
          contacts: [JournalContact(id: "national/17", name: "Police ou gendarmerie", phone: "17")],
          sources: ["CASF, art. L226-4"], step: "orientation"))
    ),
    (12, .export(ExportEvent(format: "markdown"))),
  ]
}

/// Hands out fixed ids in order, then random ones.
final class IDQueue: @unchecked Sendable {
  private let lock = NSLock()
  private var ids: [String]

  init(_ ids: [String]) { self.ids = ids }

  func next() -> String {
    lock.withLock { ids.isEmpty ? CaseID.random() : ids.removeFirst() }
  }
}

/// File permission bits.
func permissions(of url: URL) -> Int {
  var info = stat()
  guard lstat(url.path, &info) == 0 else { return -1 }
  return Int(info.st_mode & 0o7777)
}

extension CaseJournal {
  /// Suspends, then waits until no other process shares the journal's open file. Tests run in
  /// parallel and some spawn processes: between fork and exec a child briefly holds a copy of
  /// every descriptor (close-on-exec or not), lock included, so a just-suspended journal can
  /// look "in use" for a moment. Bounded: gives up after about two seconds.
  func suspendSettled() {
    suspend()
    for _ in 0..<200 {
      let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return }
      let free = flock(descriptor, LOCK_EX | LOCK_NB) == 0
      if free { flock(descriptor, LOCK_UN) }
      closeDescriptor(descriptor)
      if free { return }
      usleep(10_000)
    }
  }
}

private func closeDescriptor(_ descriptor: Int32) {
  #if canImport(Glibc)
  _ = Glibc.close(descriptor)
  #else
  _ = Darwin.close(descriptor)
  #endif
}
