import RepereBase
import RepereJournal

/// The scripted case the crash harness writes: event n is always the same, so a test can check
/// that every event acknowledged before a kill came back intact.
enum ScriptedEvents {
  /// The case's opening data.
  static let start = CaseStart(
    protocolInForce: ProtocolReference(id: "national/orientation", version: "2026.11", title: "Orientation"),
    bundleProtocols: [ProtocolReference(id: "national/orientation", version: "2026.11")],
    bundleHash: "sha256:harness", programVersion: "harness")

  /// Every `bigEvery`-th event is a large note (written with one big write, which a kill can cut
  /// short mid-way: that is how torn lines happen for real).
  static let bigEvery = 8
  /// ~1 MB: hundreds of pages, so a kill can land in the middle of the write.
  static let bigFiller = String(repeating: "0123456789abcdef", count: 1 << 16)

  static func isBig(_ sequence: Int) -> Bool { sequence % bigEvery == 0 }

  /// The event with sequence number `sequence` (≥ 2; 1 is the opening).
  static func event(for sequence: Int) -> JournalEvent {
    switch sequence % bigEvery {
    case 0:
      return .note(NoteEvent(text: "n°\(sequence) « longue note » \(bigFiller)", step: "signes"))
    case 1:
      return .answer(
        AnswerEvent(
          step: "age-\(sequence)", kind: "number", question: "Quel âge a le mineur ?",
          value: .number(Double(10 + sequence % 8)), label: "\(10 + sequence % 8) ans"))
    case 2:
      return .answer(
        AnswerEvent(
          step: "signes-\(sequence)", kind: "multi", question: "Quels signes avez-vous repérés ?",
          value: .list(["fugues", "hotel", "n\(sequence)"]), label: "Fugues, hôtel"))
    case 3:
      return .change(
        ChangeEvent(
          step: "age-\(sequence - 2)", question: "Quel âge a le mineur ?", from: .number(15), fromLabel: "15 ans",
          to: .number(14), toLabel: "14 ans", reason: "correction n°\(sequence)"))
    case 4:
      return .place(
        PlaceEvent(
          typed: "93200", place: PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis (93)"),
          step: "lieu"))
    case 5:
      return .levelRaise(LevelRaiseEvent(from: "accompagnement", to: "signalement", reason: "motif n°\(sequence)"))
    case 6:
      return .answer(
        AnswerEvent(
          step: "securite-\(sequence)", kind: "yesno", question: "Danger immédiat ?", value: .unknown,
          label: "Je ne sais pas"))
    default:
      return .disposition(
        DispositionEvent(
          code: "ip-crip-\(sequence)", title: "Information préoccupante", level: "information-preoccupante",
          actions: ["Rédiger l'IP"], contacts: [JournalContact(id: "national/119", name: "119", phone: "119")]))
    }
  }
}
