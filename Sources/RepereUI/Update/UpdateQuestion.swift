import Foundation
import RepereBase

extension AppState {
  mutating func handleQuestion(_ key: KeyPress?, action: ActionID?) -> [Effect] {
    guard let step = displayedStep else { return [] }
    let typed = step.takesTypedInput
    if typed, let effects = editInput(key, action: action) { return effects }
    let options = choices(for: step)
    if !typed, let effects = twoDigitNumber(key, action: action, step: step, options: options) { return effects }
    if let effects = handleCommon(action) { return effects }
    let rowCount = options.count + (step.allowsUnknown ? 1 : 0)
    switch action {
    case .answer:
      guard case .character(let character) = key, let digit = character.wholeNumberValue else { return [] }
      if let groups = checklistGroups {
        let group = groups[checklistGroupIndex]
        guard digit <= group.count else {
          status = StatusMessage(.error, Chrome.noSuchOption(language, String(digit), String(group.count)))
          return []
        }
        return pick(number: group.lowerBound + digit, step: step)
      }
      guard digit <= choices(for: step).count else {
        status = StatusMessage(.error, Chrome.noSuchOption(language, String(digit), String(choices(for: step).count)))
        return []
      }
      return pick(number: digit, step: step)
    case .nextGroup:
      moveChecklistGroup(by: 1)
      return []
    case .previousGroup:
      moveChecklistGroup(by: -1)
      return []
    case .unknown:
      guard step.allowsUnknown else { return [] }
      return submit(step, input: .unknown)
    case .previous:
      question.cursor.upAround(count: rowCount)
      return []
    case .next:
      question.cursor.downAround(count: rowCount)
      return []
    case .toggle:
      if step.kind == .multi, question.cursor.index < options.count { toggle(options[question.cursor.index].value) }
      return []
    case .confirm:
      if typed { return submitTyped(step) }
      if question.cursor.index >= options.count { return step.allowsUnknown ? submit(step, input: .unknown) : [] }
      if step.kind == .multi { return submit(step, input: .multi(question.ticked)) }
      return submit(step, optionIndex: question.cursor.index)
    case .back:
      return goBack()
    case .close:
      return goBack()
    default:
      // Escape while changing an earlier answer cancels the change.
      if key == .escape, editingStepID != nil {
        editingStepID = nil
        prepareDisplayedStep()
      } else if action == nil {
        sayKeyDoesNothing(key)
      }
      return []
    }
  }

  /// Picks option `number` (1-based): ticks it in a checklist, answers otherwise.
  mutating func pick(number: Int, step: StepView) -> [Effect] {
    let options = choices(for: step)
    guard number >= 1, number <= options.count else { return [] }
    question.cursor.index = number - 1
    if step.kind == .multi {
      toggle(options[number - 1].value)
      return []
    }
    return submit(step, optionIndex: number - 1)
  }

  /// Lists of ten options or more take two-digit numbers: a digit that could start one (« 1 »
  /// among 16 options) waits for a second digit, for `digitWait` at most (`tick` then picks it
  /// alone); any other key picks it first. Returns nil when the key is not part of a number.
  private mutating func twoDigitNumber(
    _ key: KeyPress?, action: ActionID?, step: StepView, options: [OptionView]
  ) -> [Effect]? {
    let digit: Int? = if case .character(let character) = key { character.wholeNumberValue } else { nil }
    if let first = question.pendingDigit {
      question.pendingDigit = nil
      if let digit, first * 10 + digit <= options.count {
        return pick(number: first * 10 + digit, step: step)
      }
      let effects = pick(number: first, step: step)
      // The first digit answered and moved on: the next key was meant for this question.
      if displayedStep?.id != step.id { return effects }
      return effects + (handleKeyAgain(key, action: action) ?? [])
    }
    // Grouped checklists number each group from 1: no digit waits for another there.
    guard let digit, digit >= 1, digit * 10 <= options.count, checklistGroups == nil else { return nil }
    question.pendingDigit = digit
    question.pendingDigitDeadline = now.addingTimeInterval(Self.digitWait)
    return []
  }

  /// How long a digit that could start a two-digit number waits for the second one.
  static let digitWait: TimeInterval = 0.8

  /// Handles `key` on the question again (after a pending digit was picked); an action sent by
  /// name (no key) is handled again as it was.
  private mutating func handleKeyAgain(_ key: KeyPress?, action: ActionID?) -> [Effect]? {
    guard let key else { return handleQuestion(nil, action: action) }
    let screen = self.screen
    return handleQuestion(key, action: ActionTable.action(for: key, on: screen) { allows($0, on: screen) })
  }

  /// Picks a digit left waiting once its time is up (called on every clock tick).
  mutating func flushPendingDigit() -> [Effect] {
    guard let digit = question.pendingDigit, let deadline = question.pendingDigitDeadline, now >= deadline else {
      return []
    }
    question.pendingDigit = nil
    guard overlays.isEmpty, let step = displayedStep else { return [] }
    return pick(number: digit, step: step)
  }

  /// The keys of a number/text/place question's line that are not edits (those edited the line
  /// before, `dispatch`). Returns nil when the key is handled as an action.
  private mutating func editInput(_ key: KeyPress?, action: ActionID?) -> [Effect]? {
    switch key {
    case .left where !question.input.isEmpty:
      return []  // no cursor movement in the line: ← only goes back once it is empty
    case .escape where !question.input.isEmpty && editingStepID == nil:
      question.input = ""
      return []
    default:
      return nil
    }
  }

  private mutating func toggle(_ value: String) {
    if question.ticked.contains(value) { question.ticked.remove(value) } else { question.ticked.insert(value) }
  }

  private mutating func submit(_ step: StepView, optionIndex: Int) -> [Effect] {
    let options = choices(for: step)
    guard optionIndex < options.count else { return [] }
    switch step.kind {
    case .yesno: return submit(step, input: .bool(optionIndex == 0))
    case .info: return submit(step, input: .acknowledged)
    case .choice: return submit(step, input: .choice(options[optionIndex].value))
    case .multi: return submit(step, input: .multi(question.ticked))
    case .number, .text, .place: return []
    }
  }

  private mutating func submitTyped(_ step: StepView) -> [Effect] {
    let text = question.input.trimmed
    guard !text.isEmpty else {
      status = StatusMessage(.error, Chrome.emptyInput(language))
      return []
    }
    switch step.kind {
    case .number:
      guard let value = NumberText.parse(text) else {
        status = StatusMessage(.error, Chrome.notANumber(language))
        return []
      }
      return submit(step, input: .number(value))
    case .place:
      return choosePlace(typed: text, forStep: step.id)
    default:
      return submit(step, input: .text(text))
    }
  }

  /// Answers `step`. A different answer to an earlier question first asks for the optional
  /// reason of the change (not in training, which keeps no journal).
  mutating func submit(_ step: StepView, input answer: AnswerInput) -> [Effect] {
    if training == nil, editingStepID == step.id, let current = step.currentAnswer, current != answer {
      change.pending = PendingChange(
        stepID: step.id, input: answer, fromLabel: walker.label(current, stepID: step.id),
        toLabel: walker.label(answer, stepID: step.id))
      change.reason = ""
      overlays.append(.changeReason)
      return []
    }
    return apply(answer, to: step.id, changeReason: nil)
  }

  mutating func apply(_ answer: AnswerInput, to stepID: String, changeReason: String?) -> [Effect] {
    switch walker.answer(stepID, answer, changeReason: changeReason) {
    case .success(let events):
      status = nil
      return walkChanged(events)
    case .failure(let rejection):
      status = StatusMessage(.error, TerminalText.sanitized(rejection.message))
      return []
    }
  }

  mutating func goBack() -> [Effect] {
    if editingStepID != nil {
      editingStepID = nil
      prepareDisplayedStep()
      return []
    }
    let events = walker.goBack()
    guard !events.isEmpty else { return [] }
    return walkChanged(events)
  }

  /// What a typed place matches: places, else the places it is likely a mistyping of, else
  /// nothing; nil without reference data. Looked up once per Enter (the likely places scan every
  /// commune name).
  enum PlaceMatches {
    case places([PlaceValue])
    case likely([PlaceValue])
    case nothing
  }

  func placeMatches(_ text: String) -> PlaceMatches? {
    guard let resolver = services.places else { return nil }
    let candidates = resolver.candidates(for: text)
    if !candidates.isEmpty { return .places(candidates) }
    let likely = resolver.suggestions(for: text)
    return likely.isEmpty ? .nothing : .likely(likely)
  }

  /// Resolves a typed place: one département → answered (best candidate), several → asks, none
  /// → says so. `forStep` nil is `--place` at start.
  mutating func choosePlace(typed text: String, forStep stepID: String?) -> [Effect] {
    choosePlace(typed: text, matches: placeMatches(text), forStep: stepID)
  }

  mutating func choosePlace(typed text: String, matches: PlaceMatches?, forStep stepID: String?) -> [Effect] {
    switch matches {
    case nil:
      status = StatusMessage(.error, Chrome.placeUnavailable(language))
      return []
    case .nothing?:
      status = StatusMessage(.error, Chrome.placeNotFound(language, TerminalText.sanitized(text)))
      return []
    case .likely(let suggestions)?:
      // A likely mistyping (« Sarcele »): offered to choose from, never taken silently.
      let first = suggestions.first?.label ?? ""
      status = StatusMessage(
        .info, Chrome.placeDidYouMean(language, TerminalText.sanitized(text), TerminalText.sanitized(first)))
      placeChoice.query = text
      placeChoice.suggested = true
      placeChoice.candidates = suggestions
      placeChoice.cursor.index = 0
      placeChoice.forStep = stepID
      overlays.append(.placeChoice)
      return []
    case .places(let candidates)?:
      placeChoice.query = text
      placeChoice.suggested = false
      if Set(candidates.map(\.departement)).count > 1 {
        placeChoice.candidates = candidates
        placeChoice.cursor.index = 0
        placeChoice.forStep = stepID
        overlays.append(.placeChoice)
        return []
      }
      guard let best = candidates.first else { return [] }
      return applyPlace(best, forStep: stepID)
    }
  }

  mutating func applyPlace(_ place: PlaceValue, forStep stepID: String?) -> [Effect] {
    if let stepID, let step = walker.step(stepID) {
      return submit(step, input: .place(place))
    }
    return walkChanged(walker.setPlace(place, typed: placeChoice.query.isEmpty ? place.label : placeChoice.query))
  }
}
