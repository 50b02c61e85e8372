/// A small recursive-descent parser for the `opening_hours` subset (see `OpeningHours`).
struct OpeningHoursParser {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  private static let dayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

  mutating func parseRules() throws -> [OpeningHours.Rule] {
    var rules: [OpeningHours.Rule] = []
    skipSpaces()
    guard position < scalars.count else { throw error("the opening hours are empty") }
    var additional = false
    while true {
      skipSpaces()
      if position >= scalars.count {
        if rules.isEmpty || additional { throw error("a rule is missing here") }
        break
      }
      let (rule, endedWithComma) = try parseRule(additional: additional)
      rules.append(rule)
      skipSpaces()
      if endedWithComma {
        additional = true
        continue
      }
      guard position < scalars.count else { break }
      if scalars[position] == ";" {
        position += 1
        additional = false
        skipSpaces()
        if position >= scalars.count { break }  // a trailing ';' is tolerated, as OSM tools do
        continue
      }
      if scalars[position] == "|" {
        throw error("'||' fallback rules are not supported; use ';' between rules")
      }
      throw error("unexpected '\(scalars[position])': expected ';' between rules")
    }
    return rules
  }

  /// One rule; also says whether it ended with `,` before a new weekday selector.
  private mutating func parseRule(additional: Bool) throws -> (OpeningHours.Rule, Bool) {
    if consume("24/7") {
      skipSpaces()
      let comment = try parseOptionalComment()
      return (OpeningHours.Rule(days: nil, action: .allDay, comment: comment, additional: additional), false)
    }
    let days = try parseSelector()
    skipSpaces()
    var action: OpeningHours.Action?
    var endedWithComma = false
    if consumeWord("off") || consumeWord("closed") {
      action = .off
    } else if consumeWord("open") {
      action = .allDay
    } else if position < scalars.count, digit(at: position) != nil {
      var spans: [OpeningHours.Span] = []
      while true {
        spans.append(try parseSpan())
        skipSpaces()
        guard peek(",") else { break }
        let save = position
        position += 1
        skipSpaces()
        if position < scalars.count, digit(at: position) != nil { continue }
        if startsWithSelector() {
          endedWithComma = true
          break
        }
        position = save + 1
        throw error("expected a time span or a weekday after ','")
      }
      action = .spans(spans)
    }
    skipSpaces()
    let comment = endedWithComma ? nil : try parseOptionalComment()
    let resolved: OpeningHours.Action
    if let action {
      resolved = action
    } else if comment != nil {
      resolved = .commentOnly
    } else if days != nil {
      resolved = .allDay  // « Mo-Fr » alone: open all day on those days
    } else {
      throw error(position < scalars.count ? "unexpected '\(scalars[position])'" : "a rule is missing here")
    }
    return (OpeningHours.Rule(days: days, action: resolved, comment: comment, additional: additional), endedWithComma)
  }

  private func startsWithSelector() -> Bool {
    Self.dayNames.contains { matchesWord($0) } || matchesWord("PH")
  }

  /// `Mo-Fr,Su,PH` or nothing.
  private mutating func parseSelector() throws -> OpeningHours.DaySelector? {
    guard startsWithSelector() else {
      if position < scalars.count, scalars[position].properties.isAlphabetic, !matchesWord("off"),
        !matchesWord("closed"), !matchesWord("open")
      {
        throw error(unknownWordMessage())
      }
      return nil
    }
    var selector = OpeningHours.DaySelector(weekdays: 0, holidays: false)
    while true {
      if consumeWord("PH") {
        selector.holidays = true
      } else if let first = parseDay() {
        var last = first
        if peek("-") {
          position += 1
          guard let end = parseDay() else { throw error("expected a weekday (Mo, Tu, We, Th, Fr, Sa, Su) after '-'") }
          last = end
        }
        var day = first
        while true {
          selector.weekdays |= UInt8(1) << UInt8(day)
          if day == last { break }
          day = (day + 1) % 7
        }
      } else {
        throw error(unknownWordMessage())
      }
      guard peek(","), startsWithSelector(offset: 1) else { break }
      position += 1
    }
    if position < scalars.count, scalars[position].properties.isAlphabetic {
      throw error(unknownWordMessage())
    }
    return selector
  }

  private func startsWithSelector(offset: Int) -> Bool {
    var copy = self
    copy.position += offset
    return copy.startsWithSelector()
  }

  private func unknownWordMessage() -> String {
    var end = position
    while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "_" { end += 1 }
    let word = String(String.UnicodeScalarView(scalars[position..<max(end, min(position + 1, scalars.count))]))
    let hint: String
    switch word.lowercased() {
    case "lu", "lun", "lundi", "ma", "mar", "mardi", "me", "mer", "mercredi", "je", "jeu", "jeudi", "ve", "ven",
      "vendredi", "sa", "sam", "samedi", "di", "dim", "dimanche":
      hint = " (weekdays are written in English: Mo Tu We Th Fr Sa Su)"
    case "sh": hint = " (school holidays 'SH' are not supported)"
    default: hint = " (expected a weekday Mo–Su, PH, off, a time or a quoted comment)"
    }
    return "unknown word '\(word)'" + hint
  }

  private mutating func parseDay() -> Int? {
    for (index, name) in Self.dayNames.enumerated() where consumeWord(name) { return index }
    return nil
  }

  private mutating func parseSpan() throws -> OpeningHours.Span {
    let startColumn = position
    let start = try parseTime(allowExtended: false)
    guard peek("-") else {
      position = startColumn
      throw error("expected a time span such as 09:00-12:00")
    }
    position += 1
    let end = try parseTime(allowExtended: true)
    if end == start { return OpeningHours.Span(start: start, end: start + 1440) }
    // An end that is not after the start runs past midnight.
    return OpeningHours.Span(start: start, end: end > start ? end : end + 1440)
  }

  /// `HH:MM`; 24:00 (and extended hours up to 48:00) only as an end.
  private mutating func parseTime(allowExtended: Bool) throws -> Int {
    let begin = position
    var digits = 0
    var hour = 0
    while let value = digit(at: position) {
      hour = hour * 10 + value
      digits += 1
      position += 1
    }
    guard (1...2).contains(digits), peek(":") else {
      position = begin
      throw error("expected a time as HH:MM")
    }
    position += 1
    var minute = 0
    for _ in 0..<2 {
      guard let value = digit(at: position) else {
        throw error("expected two digits of minutes")
      }
      minute = minute * 10 + value
      position += 1
    }
    guard minute < 60 else {
      position -= 2
      throw error("minutes must be below 60")
    }
    let total = hour * 60 + minute
    let limit = allowExtended ? 48 * 60 : 24 * 60 - 1
    guard total <= limit else {
      position = begin
      throw error(allowExtended ? "the time is past 48:00" : "a span cannot start at 24:00 or later")
    }
    return total
  }

  private mutating func parseOptionalComment() throws -> String? {
    guard position < scalars.count, scalars[position] == "\"" else { return nil }
    let open = position
    position += 1
    var text = String.UnicodeScalarView()
    while position < scalars.count, scalars[position] != "\"" {
      text.append(scalars[position])
      position += 1
    }
    guard position < scalars.count else {
      position = open
      throw error("the comment is not closed: a '\"' is missing")
    }
    position += 1
    return String(text)
  }

  // MARK: Scanning

  private mutating func skipSpaces() {
    while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
  }

  private func digit(at index: Int) -> Int? {
    guard index < scalars.count, ("0"..."9").contains(scalars[index]) else { return nil }
    return Int(scalars[index].value) - 0x30
  }

  private func peek(_ character: Unicode.Scalar) -> Bool {
    position < scalars.count && scalars[position] == character
  }

  private func matches(_ literal: String) -> Bool {
    var index = position
    for scalar in literal.unicodeScalars {
      guard index < scalars.count, scalars[index] == scalar else { return false }
      index += 1
    }
    return true
  }

  private func matchesWord(_ word: String) -> Bool {
    guard matches(word) else { return false }
    let end = position + word.unicodeScalars.count
    return end >= scalars.count || !scalars[end].properties.isAlphabetic
  }

  private mutating func consume(_ literal: String) -> Bool {
    guard matches(literal) else { return false }
    position += literal.unicodeScalars.count
    return true
  }

  private mutating func consumeWord(_ word: String) -> Bool {
    guard matchesWord(word) else { return false }
    position += word.unicodeScalars.count
    return true
  }

  private func error(_ message: String) -> OpeningHoursError {
    OpeningHoursError(column: position + 1, message: message)
  }
}
