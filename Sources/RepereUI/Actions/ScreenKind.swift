/// The screens the interface shows; actions say in which they apply.
public enum ScreenKind: String, Hashable, Sendable, CaseIterable {
  /// A question answered by picking (oui/non, choice, checklist, info).
  case question
  /// A question answered by typing a line (number, text, place).
  case typedQuestion
  /// The dispositions and their contacts.
  case orientation
  case search
  case detail
  case help
  case notes
  case raiseLevel
  /// Typing the reason for raising the level.
  case levelReason
  case confirmQuit
  case placeChoice
  /// Picking an earlier step to change its answer.
  case changeAnswer
  /// Typing the optional reason for a changed answer, before it is applied.
  case changeReason
  /// Picking an unfinished case to resume.
  case resumeList
  /// Typing the case's place (`p`, at any moment).
  case placeEntry
  /// Typing a « suite donnée » (`s` on the orientation).
  case followUp
  /// Training (`repere train`): the scenario's vignette, a reference answer revealed, the debrief.
  case trainingVignette, trainingReveal, trainingDebrief

  /// On these screens printable keys are text being typed, never commands: commands there
  /// use function keys (F1…F10) or Escape. They are the screens with a typed line (`ScreenRole`).
  public var isTyping: Bool { role.typedLine != nil }

  /// The training screens (`repere train`), which scroll like the help.
  public static let training: Set<ScreenKind> = [.trainingVignette, .trainingReveal, .trainingDebrief]
}
