import RepereBase

/// What `repere replay` feeds the rules module: a recorded case's inputs, in the order they
/// happened, in the spec's text form — the same shape as a scenario file's `answers` and
/// `changes`, plus the professional's level raises.
public struct ReplayScript: Hashable, Sendable {
  /// One input of the case.
  public enum Step: Hashable, Sendable {
    /// A question answered (or answered again after walking back).
    case answer(step: String, value: AnswerText, place: PlaceValue?)
    /// An answer changed afterwards.
    case change(step: String, value: AnswerText, place: PlaceValue?, reason: String)
    /// The professional raised the level.
    case raise(level: String, reason: String)
  }

  /// The protocol the case started under (the replay re-derives any switch to an overlay).
  public var startProtocol: ProtocolReference?
  /// The case's clock: its first event's time (opening hours and validity dates depend on it).
  public var now: JournalTimestamp?
  public var steps: [Step]

  /// The inputs of `record`, in journal order.
  public init(_ record: RecordedCase, entries: [JournalEntry]) {
    startProtocol = record.opening?.protocolInForce
    now = record.startedAt
    var steps: [Step] = []
    var places: [String: PlaceValue] = [:]
    for entry in entries {
      switch entry.event {
      case .answer(let answer):
        steps.append(.answer(step: answer.step, value: answer.value, place: answer.place))
        places[answer.step] = answer.place
      case .change(let change):
        steps.append(.change(step: change.step, value: change.to, place: change.place, reason: change.reason))
        places[change.step] = change.place
      case .place(let place):
        // A place event naming its step is that step's answer, unless it repeats one just given.
        guard let step = place.step, places[step] != place.place else { continue }
        steps.append(
          .answer(step: step, value: .text(place.place.communeCode ?? place.place.departement), place: place.place))
        places[step] = place.place
      case .levelRaise(let raise):
        steps.append(.raise(level: raise.to, reason: raise.reason))
      default:
        continue
      }
    }
    self.steps = steps
  }
}

/// Where a replayed case ended under another bundle, as the rules module reports it; the CLI
/// maps `RepereRules.CaseSession` into this so the journal module stays free of the rules.
public struct ReplayOutcome: Hashable, Sendable {
  /// A disposition gathered by the replay.
  public struct Disposition: Hashable, Sendable {
    public var code: String
    public var level: String

    public init(code: String, level: String) {
      self.code = code
      self.level = level
    }
  }

  public var protocolInForce: ProtocolReference
  /// Every step passed, in order.
  public var path: [String]
  public var dispositions: [Disposition]
  public var level: String?
  /// Recorded inputs the new bundle could not take (a step that no longer exists, an option
  /// removed, a raise no longer above the level, …), in French.
  public var rejected: [String]
  /// Why the replayed walk did not reach an outcome (« en attente de « age » »), nil when it did.
  public var unfinished: String?

  public init(
    protocolInForce: ProtocolReference, path: [String], dispositions: [Disposition], level: String?,
    rejected: [String] = [], unfinished: String? = nil
  ) {
    self.protocolInForce = protocolInForce
    self.path = path
    self.dispositions = dispositions
    self.level = level
    self.rejected = rejected
    self.unfinished = unfinished
  }
}

/// The differences between a recorded case and its replay, as lines for the terminal.
public enum ReplayComparison {
  /// French lines: protocol, path, dispositions and level, each « identique » or what changed.
  /// `bundleHash` is the fingerprint of the bundle replayed against.
  public static func lines(recorded: RecordedCase, replayed: ReplayOutcome, bundleHash: String) -> [String] {
    var out: [String] = []
    let recordedHash = recorded.opening?.bundleHash ?? "inconnue"
    out.append(
      recordedHash == bundleHash
        ? "Données : identiques à celles du dossier (\(short(bundleHash)))"
        : "Données : \(short(recordedHash)) au moment du dossier → \(short(bundleHash)) maintenant")
    if let protocolThen = recorded.protocolInForce {
      let then = "\(protocolThen.id) \(protocolThen.version)"
      let now = "\(replayed.protocolInForce.id) \(replayed.protocolInForce.version)"
      out.append(then == now ? "Protocole : identique (\(now))" : "Protocole : \(then) → \(now)")
    }

    let questionsThen = recorded.answers.map(\.step)
    if let recordedPath = recorded.end?.event.path {
      out.append(contentsOf: listDifference("Parcours", then: recordedPath, now: replayed.path, ordered: true))
    } else {
      // The journal has no full path (an unfinished case): show the new one and the recorded
      // answers it no longer passes.
      out.append("Parcours rejoué : \(replayed.path.isEmpty ? "vide" : replayed.path.joined(separator: " → "))")
      let dropped = questionsThen.filter { !replayed.path.contains($0) }
      out.append(
        dropped.isEmpty
          ? "Questions répondues : toutes encore sur le parcours"
          : "Réponses du journal hors du parcours rejoué (mises de côté) : \(dropped.joined(separator: ", "))")
    }

    let dispositionsThen = recorded.dispositions.map { "\($0.event.code) (\($0.event.level))" }
    let dispositionsNow = replayed.dispositions.map { "\($0.code) (\($0.level))" }
    out.append(contentsOf: listDifference("Orientations", then: dispositionsThen, now: dispositionsNow, ordered: false))

    let levelThen = recorded.level ?? "aucun"
    let levelNow = replayed.level ?? "aucun"
    out.append(levelThen == levelNow ? "Niveau : identique (\(levelNow))" : "Niveau : \(levelThen) → \(levelNow)")
    if let unfinished = replayed.unfinished { out.append("Parcours rejoué inachevé : \(unfinished)") }
    for rejection in replayed.rejected { out.append("Non rejoué : \(rejection)") }
    return out.map { TerminalText.sanitized($0) }
  }

  private static func listDifference(_ title: String, then: [String], now: [String], ordered: Bool) -> [String] {
    if ordered ? then == now : Set(then) == Set(now) {
      return ["\(title) : identique (\(now.isEmpty ? "vide" : now.joined(separator: " → ")))"]
    }
    var lines = ["\(title) : différent"]
    lines.append("  avant : \(then.isEmpty ? "vide" : then.joined(separator: ordered ? " → " : ", "))")
    lines.append("  après : \(now.isEmpty ? "vide" : now.joined(separator: ordered ? " → " : ", "))")
    let removed = then.filter { !now.contains($0) }
    let added = now.filter { !then.contains($0) }
    if !removed.isEmpty { lines.append("  en moins : \(removed.joined(separator: ", "))") }
    if !added.isEmpty { lines.append("  en plus : \(added.joined(separator: ", "))") }
    return lines
  }

  private static func short(_ hash: String) -> String { String(hash.prefix(23)) }
}
