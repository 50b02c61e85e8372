import Foundation
import RepereBase

/// Why a written answer was refused, in French for the person who typed it.
public struct AnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// A close option value, for a suggestion.
  public var hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}

/// Turns answers written as text (scenarios, `--answer STEP=VALUE`, journals) into values, and
/// validates values against their step.
public struct AnswerParser: Sendable {
  /// Resolves places; without one, only département codes (`93`, `2A`, `971`) are understood.
  public var places: (any PlaceResolving)?

  public init(places: (any PlaceResolving)? = nil) {
    self.places = places
  }

  /// Parses the items of an answer (one item, or several for a checklist) for `step`.
  public func parse(_ items: [String], for step: Step) -> Result<AnswerValue, AnswerProblem> {
    let trimmed = items.map { $0.trimmingCharacters(in: .whitespaces) }
    if trimmed.count == 1, AnswerParser.unknownWords.contains(trimmed[0].lowercased()),
      step.kind.asksQuestion, step.option(trimmed[0]) == nil
    {
      return validate(.unknown, for: step)
    }
    let single = trimmed.count == 1 ? trimmed[0] : nil
    switch step.kind {
    case .yesno:
      guard let single, let value = AnswerParser.boolean(single) else {
        return .failure(AnswerProblem("« \(trimmed.joined(separator: ",")) » : répondre true/false (ou oui/non)"))
      }
      return .success(.bool(value))
    case .choice:
      guard let single else { return .failure(AnswerProblem("une seule option attendue pour « \(step.id) »")) }
      return validate(.choice(single), for: step)
    case .multi:
      let values = trimmed.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        .filter { !$0.isEmpty }
      return validate(.checklist(values), for: step)
    case .number:
      guard let single, let value = DecimalText.parse(single, allowComma: true) else {
        return .failure(AnswerProblem("« \(trimmed.joined(separator: ",")) » n'est pas un nombre"))
      }
      return validate(.number(value), for: step)
    case .place:
      guard let single else { return .failure(AnswerProblem("un seul lieu attendu")) }
      return resolvePlace(single).flatMap { validate(.place($0), for: step) }
    case .text:
      return .success(.text(trimmed.joined(separator: ", ")))
    case .info:
      guard let single, AnswerParser.boolean(single) == true else {
        return .failure(AnswerProblem("une étape d'information se valide par « true »"))
      }
      return .success(.bool(true))
    case .route, .outcome:
      return .failure(AnswerProblem("l'étape « \(step.id) » ne pose pas de question"))
    }
  }

  /// Parses one line as typed on the command line (a checklist is comma-separated).
  public func parse(_ text: String, for step: Step) -> Result<AnswerValue, AnswerProblem> {
    parse([text], for: step)
  }

  /// Checks that a value fits the step: the right kind, a known option, within bounds,
  /// « je ne sais pas » only where offered.
  public func validate(_ value: AnswerValue, for step: Step) -> Result<AnswerValue, AnswerProblem> {
    AnswerParser.validate(value, for: step)
  }

  /// See `validate(_:for:)`.
  public static func validate(_ value: AnswerValue, for step: Step) -> Result<AnswerValue, AnswerProblem> {
    let values = step.options.map(\.value)
    switch (step.kind, value) {
    case (.route, _), (.outcome, _):
      return .failure(AnswerProblem("l'étape « \(step.id) » ne pose pas de question"))
    case (.info, .bool(true)):
      return .success(value)
    case (.info, _):
      return .failure(AnswerProblem("une étape d'information se valide par true"))
    case (_, .unknown):
      guard step.unknownNext != nil else {
        return .failure(AnswerProblem("l'étape « \(step.id) » ne propose pas « je ne sais pas »"))
      }
      return .success(value)
    case (.yesno, .bool):
      return .success(value)
    case (.choice, .choice(let chosen)):
      guard values.contains(chosen) else {
        return .failure(
          AnswerProblem(
            "« \(chosen) » n'est pas une option de « \(step.id) » (options : \(values.joined(separator: ", ")))",
            hint: Suggestion.hint(for: chosen, among: values)))
      }
      return .success(value)
    case (.multi, .set(let chosen)):
      for item in chosen where !values.contains(item) {
        return .failure(
          AnswerProblem(
            "« \(item) » n'est pas une option de « \(step.id) » (options : \(values.joined(separator: ", ")))",
            hint: Suggestion.hint(for: item, among: values)))
      }
      return .success(.checklist(chosen))
    case (.number, .number(let number)):
      guard number.isFinite else { return .failure(AnswerProblem("nombre invalide")) }
      if let min = step.min, number < min {
        return .failure(
          AnswerProblem("\(AnswerValue.format(number)) est inférieur au minimum \(AnswerValue.format(min))"))
      }
      if let max = step.max, number > max {
        return .failure(AnswerProblem("\(AnswerValue.format(number)) dépasse le maximum \(AnswerValue.format(max))"))
      }
      return .success(value)
    case (.place, .place), (.text, .text):
      return .success(value)
    default:
      return .failure(AnswerProblem("réponse de type inattendu pour l'étape « \(step.id) » (\(step.kind.rawValue))"))
    }
  }

  /// Resolves a typed place: one match, or several communes of one département (the first,
  /// most populous, is taken); several départements is an error listing them.
  public func resolvePlace(_ text: String) -> Result<PlaceValue, AnswerProblem> {
    guard let places else {
      let code = text.uppercased()
      if AnswerParser.looksLikeDepartement(code) {
        return .success(PlaceValue(communeCode: nil, departement: code, label: code))
      }
      return .failure(AnswerProblem("lieu « \(text) » : sans référentiel, seul un code de département est compris"))
    }
    let candidates = places.candidates(for: text)
    guard let first = candidates.first else {
      let problem = PlaceAnswerProblem.notFound(typed: text, suggestions: places.suggestions(for: text))
      return .failure(AnswerProblem(problem.message))
    }
    let departements = Set(candidates.map(\.departement))
    guard departements.count == 1 else {
      return .failure(
        AnswerProblem(PlaceAnswerProblem.severalDepartements(typed: text, candidates: candidates).message))
    }
    return .success(first)
  }

  static let unknownWords: Set<String> = ["unknown", "je ne sais pas", "?", "nsp"]

  /// `true`/`false`, `oui`/`non` (and `yes`/`no`).
  public static func boolean(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true", "oui", "yes", "o": return true
    case "false", "non", "no", "n": return false
    default: return nil
    }
  }

  static func looksLikeDepartement(_ code: String) -> Bool {
    if code == "2A" || code == "2B" { return true }
    guard code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { return false }
    return code.count == 2 || (code.count == 3 && code.hasPrefix("97"))
  }
}
