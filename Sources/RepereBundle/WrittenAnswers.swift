import RepereBase
import RepereRules

/// Answers written on a command line as `STEP=VALUE` (`repere walk --answer`), read against a
/// protocol family's steps with the spec's text forms (oui/non, lists, numbers, places,
/// « unknown »).
public enum WrittenAnswers {
  /// Why a written answer was refused: badly written (the usage applies) or naming no step.
  public enum Problem: Error, Equatable {
    /// Not `STEP=VALUE`, or a value the step does not take: the command line is wrong.
    case badlyWritten(String)
    /// The step does not exist in the protocol: the data does not allow it.
    case unknownStep(String)

    public var message: String {
      switch self {
      case .badlyWritten(let message), .unknownStep(let message): message
      }
    }
  }

  /// The answers by step id; the first answer refused stops the reading.
  public static func parse(_ written: [String], protocolID: String, in bundle: DataBundle) throws
    -> [String: AnswerValue]
  {
    let family = bundle.familySteps(of: protocolID)
    let parser = bundle.answerParser
    var answers: [String: AnswerValue] = [:]
    for text in written {
      guard let equals = text.firstIndex(of: "=") else {
        throw Problem.badlyWritten("réponse « \(text) » : écrire ETAPE=VALEUR")
      }
      let stepID = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
      let value = String(text[text.index(after: equals)...])
      guard let step = family[stepID] else {
        let hint = Suggestion.hint(for: stepID, among: family.keys.sorted()).map { " (\($0))" } ?? ""
        throw Problem.unknownStep("aucune étape « \(stepID) » dans \(protocolID)\(hint)")
      }
      switch parser.parse(value, for: step) {
      case .success(let parsed): answers[stepID] = parsed
      case .failure(let problem): throw Problem.badlyWritten("réponse à « \(stepID) » : \(problem.description)")
      }
    }
    return answers
  }
}
