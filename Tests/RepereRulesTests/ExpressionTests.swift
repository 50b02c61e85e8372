import RepereBase
import Testing

@testable import RepereRules

@Suite struct ExpressionParserTests {
  func parse(_ text: String) throws -> Expression {
    try ExpressionParser.parse(text).get()
  }

  func error(_ text: String) -> ExpressionError? {
    if case .failure(let error) = ExpressionParser.parse(text) { return error }
    return nil
  }

  @Test func precedenceIsOrThenAndThenNotThenComparisonThenArithmetic() throws {
    let expression = try parse("not a or b and c = 1 + 2 * 3")
    guard case .or(let lhs, let rhs) = expression.node else {
      Issue.record("expected or, got \(expression.node)")
      return
    }
    #expect(lhs.node == .not(Expression(.variable("a"), at: 4)))
    guard case .and(_, let comparison) = rhs.node, case .compare(.equal, _, let sum) = comparison.node,
      case .arithmetic(.add, _, let product) = sum.node, case .arithmetic(.multiply, _, _) = product.node
    else {
      Issue.record("unexpected shape \(rhs.node)")
      return
    }
  }

  @Test(arguments: [
    ("a = 1", ComparisonOperator.equal), ("a == 1", .equal), ("a != 1", .notEqual), ("a < 1", .less),
    ("a <= 1", .lessOrEqual), ("a > 1", .greater), ("a >= 1", .greaterOrEqual),
  ])
  func everyComparisonOperatorParses(text: String, op: ComparisonOperator) throws {
    guard case .compare(let parsed, _, _) = try parse(text).node else {
      Issue.record("not a comparison")
      return
    }
    #expect(parsed == op)
  }

  @Test func literalsListsAndFunctions() throws {
    #expect(try parse("'a b'").node == .text("a b"))
    #expect(try parse("\"x\"").node == .text("x"))
    #expect(try parse("2.5").node == .number(2.5))
    #expect(try parse("-3").node == .number(-3))
    #expect(try parse("true").node == .bool(true))
    #expect(try parse("false").node == .bool(false))
    guard case .isIn(_, let list) = try parse("v in ['a', 'b']").node, case .list(let items) = list.node else {
      Issue.record("not a membership test")
      return
    }
    #expect(items.count == 2)
    for function in ExpressionFunction.allCases {
      let text = function == .has ? "has(v, 'x')" : "\(function.rawValue)(v)"
      guard case .call(let parsed, let arguments) = try parse(text).node else {
        Issue.record("\(text) is not a call")
        continue
      }
      #expect(parsed == function)
      #expect(arguments.count == function.arity)
    }
  }

  @Test func offsetsPointInsideTheCondition() throws {
    let expression = try parse("age >= 15 and has(signes, 'hotel')")
    guard case .and(_, let call) = expression.node else {
      Issue.record("not an and")
      return
    }
    #expect(call.offset == 14)
  }

  @Test func syntaxErrorsSayWhereAndWhat() {
    #expect(error("age >=")?.offset == 6)
    #expect(error("(age > 1")?.message.contains("pour fermer `(`") == true)
    #expect(error("age > 1 and")?.code == "expression-syntax")
    #expect(error("'unterminated")?.offset == 0)
    #expect(error("a && b")?.hint == "écrivez `and`")
    #expect(error("a < b < c")?.hint?.contains("ne s'enchaînent pas") == true)
    #expect(error("cout(v) > 1")?.hint == "vouliez-vous dire « count » ?")
    #expect(error("has(v) ")?.message.contains("prend 2 arguments") == true)
    #expect(error("1.2.3")?.message.contains("n'est pas un nombre") == true)
    #expect(error("")?.message.contains("trop tôt") == true)
    #expect(error("a = 1 b")?.message.contains("en trop") == true)
  }

  @Test func hostileInputIsAnErrorNotACrash() {
    let deep = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
    #expect(error(deep)?.code == "expression-too-complex")
    let nested = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
    #expect(error(nested) == nil)
    #expect(error(String(repeating: "not ", count: 60) + "a")?.code == "expression-too-complex")
    #expect(error(String(repeating: "-", count: 60) + "1")?.code == "expression-too-complex")
    #expect(error("1" + String(repeating: "0", count: 400))?.message.contains("trop long") == true)
    #expect(error("99999999999999999999e9")?.code == "expression-syntax")
    #expect(error(String(repeating: "a or ", count: 2_000) + "a")?.code == "expression-too-complex")
    #expect(error("a \u{0}")?.message.contains("caractère inattendu") == true)
  }
}

@Suite struct ExpressionEvaluatorTests {
  let context = EvaluationContext(
    values: [
      "age": .number(15), "securite": .bool(false), "signes": .set(["fugues", "hotel"]), "statut": .choice("ase"),
      "lieu_inconnu": .unknown, "vide": .set([]), "note": .text("x"),
    ],
    weights: ["signes": ["fugues": 2, "hotel": 3]],
    place: PlaceValue(communeCode: "93066", departement: "93", label: "Saint-Denis"))

  func holds(_ text: String, _ context: EvaluationContext? = nil) throws -> Bool {
    ExpressionEvaluator.holds(try ExpressionParser.parse(text).get(), in: context ?? self.context)
  }

  @Test(arguments: [
    ("age = 15", true), ("age == 15", true), ("age != 15", false), ("age < 16", true), ("age <= 15", true),
    ("age > 15", false), ("age >= 15", true), ("statut = 'ase'", true), ("statut != 'ase'", false),
    ("securite = false", true), ("note = 'x'", true), ("age in [14, 15]", true), ("statut in ['pjj', 'ase']", true),
    ("statut in ['pjj']", false), ("age + 1 = 16", true), ("age - 5 = 10", true), ("age * 2 = 30", true),
    ("-age = -15", true), ("(age > 10) and (age < 18)", true), ("age > 18 or securite = false", true),
    ("not securite", true), ("not (age > 10)", false), ("departement = '93'", true), ("commune = '93066'", true),
    ("departement in ['93', '95']", true), ("true", true), ("false", false), ("1 + 2 * 3 = 7", true),
  ])
  func operatorsEvaluate(text: String, expected: Bool) throws {
    #expect(try holds(text) == expected, "\(text)")
  }

  @Test(arguments: [
    ("count(signes) = 2", true), ("score(signes) = 5", true), ("has(signes, 'hotel')", true),
    ("has(signes, 'argent')", false), ("known(age)", true), ("known(absent)", false), ("known(lieu_inconnu)", false),
    ("unknown(lieu_inconnu)", true), ("unknown(age)", false), ("unknown(absent)", false), ("count(vide) = 0", true),
  ])
  func functionsEvaluate(text: String, expected: Bool) throws {
    #expect(try holds(text) == expected, "\(text)")
  }

  @Test func unansweredAndUnknownFollowTwoValuedLogic() throws {
    // A comparison with an unanswered or unknown value is false, whichever the operator.
    for op in ["=", "!=", "<", "<=", ">", ">="] {
      #expect(try holds("absent \(op) 1") == false)
      #expect(try holds("lieu_inconnu \(op) 1") == false)
    }
    #expect(try holds("absent in [1, 2]") == false)
    // `not` negates what it is given: the comparison was false, so its negation holds.
    #expect(try holds("not (absent = 1)") == true)
    #expect(try holds("not (lieu_inconnu != 1)") == true)
    // Arithmetic on a missing value leaves nothing to compare.
    #expect(try holds("absent + 1 > 0") == false)
    // Checklist functions see an empty list.
    let unknownChecklist = EvaluationContext(values: ["signes": .unknown])
    #expect(try holds("count(signes) = 0", unknownChecklist))
    #expect(try holds("score(signes) = 0", unknownChecklist))
    #expect(try holds("has(signes, 'hotel')", unknownChecklist) == false)
    #expect(try holds("count(signes) = 0", EvaluationContext()))
    // Without a place, departement is unanswered.
    #expect(try holds("departement = '93'", EvaluationContext()) == false)
  }

  @Test func mismatchedTypesAreFalseNotATrap() throws {
    #expect(try holds("age = 'quinze'") == false)
    #expect(try holds("signes = 1") == false)
    #expect(try holds("age and securite") == false)
    #expect(try holds("999999999999999999999 * 999999999999999999999 > 1"))
  }

  @Test func weightsDefaultToOne() throws {
    let context = EvaluationContext(values: ["s": .set(["a", "b"])], weights: ["s": ["a": 2.5]])
    #expect(try holds("score(s) = 3.5", context))
  }
}
