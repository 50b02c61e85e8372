/// A recursive-descent parser for OSM `opening_hours` (the grammar of opening-hours-rs,
/// `grammar.pest`), keywords case-insensitive as there. Unsupported parts stop with an error at
/// their column rather than being read approximately.
struct OpeningHoursParser {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
  }

  private static let dayNames = ["mo", "tu", "we", "th", "fr", "sa", "su"]
  private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  mutating func parseRules() throws -> [OpeningHours.Rule] {
    var rules: [OpeningHours.Rule] = []
    skipSpaces()
    guard position < scalars.count else { throw error("les horaires sont vides") }
    var joiner = OpeningHours.Operator.normal
    while true {
      skipSpaces()
      if position >= scalars.count { throw error("il manque une règle ici") }
      rules.append(try parseRule(joiner: joiner))
      skipSpaces()
      guard position < scalars.count else { break }
      if consume(";") {
        joiner = .normal
        skipSpaces()
        if position >= scalars.count { break }  // a trailing ';' is tolerated, as OSM tools do
      } else if consume("||") {
        joiner = .fallback
      } else if consume(",") {
        joiner = .additional
      } else {
        throw error("« \(scalars[position]) » inattendu : « ; », « , » ou « || » attendu entre deux règles")
      }
    }
    return rules
  }

  // MARK: Rules

  private mutating func parseRule(joiner: OpeningHours.Operator) throws -> OpeningHours.Rule {
    var days = OpeningHours.DaySelector()
    var spans: [OpeningHours.Span] = []
    var hasSelector = false
    if consume("24/7") {
      hasSelector = true
    } else {
      hasSelector = try parseWideSelectors(into: &days)
      skipSpaces()
      if try parseWeekdaySelector(into: &days) { hasSelector = true }
      skipSpaces()
      if startsTime() {
        spans = try parseTimeSelector()
        hasSelector = true
      }
    }
    skipSpaces()
    var kind: OpeningHours.Kind?
    if consumeWord("open") {
      kind = .open
    } else if consumeWord("closed") || consumeWord("off") {
      kind = .closed
    } else if consumeWord("unknown") {
      kind = .unknown
    }
    skipSpaces()
    let comment = try parseOptionalComment()
    if kind == nil && comment == nil && !hasSelector {
      throw error(position < scalars.count ? unknownWordMessage() : "il manque une règle ici")
    }
    skipSpaces()
    if position < scalars.count, !peek(";"), !peek(","), !matches("||") {
      throw error(unknownWordMessage())
    }
    // A comment with neither times nor a state says nothing certain: unknown (a deliberate
    // difference from opening-hours-rs, which calls it open).
    let isCommentOnly = kind == nil && comment != nil && spans.isEmpty
    return OpeningHours.Rule(
      joiner: joiner, days: days, spans: spans, kind: kind ?? (isCommentOnly ? .unknown : .open), comment: comment,
      isCommentOnly: isCommentOnly)
  }

  // MARK: Years, months and dates

  /// Years, then months or dates; true when something was read.
  private mutating func parseWideSelectors(into days: inout OpeningHours.DaySelector) throws -> Bool {
    var found = false
    if startsYear(), !startsYearDate() {
      days.years = try parseYearSelector()
      found = true
      skipSpaces()
    }
    if startsMonthday() {
      days.monthdays = try parseMonthdaySelector()
      found = true
      skipSpaces()
    }
    if matchesWord("week") { throw error("les numéros de semaine (« week ») ne sont pas pris en charge") }
    if found, peek(":") { position += 1 }  // « Jul-Aug: Mo-Fr … »
    return found
  }

  private func startsYear() -> Bool {
    guard (0..<4).allSatisfy({ digit(at: position + $0) != nil }), digit(at: position + 4) == nil else { return false }
    return !(position + 4 < scalars.count && scalars[position + 4] == ":")
  }

  /// A single year directly followed by a month (`2026 Dec 24-31`): a dated range, as the grammar reads it first.
  private func startsYearDate() -> Bool {
    var copy = self
    copy.position += 4
    copy.skipSpaces()
    return copy.startsMonth()
  }

  private mutating func parseYearSelector() throws -> [OpeningHours.YearRange] {
    var ranges: [OpeningHours.YearRange] = []
    repeat {
      let start = try parseYear()
      var range = OpeningHours.YearRange(start: start, end: start, step: 1)
      if consume("+") {
        range.end = Int.max
      } else if peek("-"), digit(at: position + 1) != nil {
        position += 1
        range.end = try parseYear()
        if range.end < range.start { throw error("la plage d'années finit avant de commencer") }
        if consume("/") { range.step = try parseNumber(max: 100) }
      }
      ranges.append(range)
    } while peek(",") && digit(at: position + 1) != nil
      && {
        position += 1
        return true
      }()
    return ranges
  }

  private mutating func parseYear() throws -> Int {
    guard startsYear() else { throw error("une année attendue, comme 2026") }
    let year = try parseNumber(max: 9999)
    guard year >= 1900 else { throw error("une année attendue, comme 2026") }
    return year
  }

  private func startsMonthday() -> Bool { startsMonth() || matchesWord("easter") || (startsYear() && startsYearDate()) }

  private func startsMonth() -> Bool { Self.monthNames.contains { matchesWord($0) } }

  private mutating func parseMonthdaySelector() throws -> [OpeningHours.MonthdayRange] {
    var ranges: [OpeningHours.MonthdayRange] = []
    while true {
      ranges.append(try parseMonthdayRange())
      guard peek(",") else { break }
      var copy = self
      copy.position += 1
      guard copy.startsMonthday() else { break }
      position += 1
    }
    return ranges
  }

  private mutating func parseMonthdayRange() throws -> OpeningHours.MonthdayRange {
    var year: Int?
    if startsYear() {
      year = try parseYear()
      skipSpaces()
    }
    if consumeWord("easter") {
      let from = OpeningHours.DateSpec(year: year, month: 0, day: 0, isEaster: true, offset: try parseDayOffset())
      return .dates(from: from, to: try parseDateEnd(from: from) ?? from)
    }
    guard let month = parseMonth() else { throw error("un mois attendu (Jan … Dec) ou « easter »") }
    let afterMonth = position
    skipSpaces()
    if startsDayNumber() {
      let day = try parseDayNumber(month: month)
      let from = OpeningHours.DateSpec(
        year: year, month: month, day: day, isEaster: false, offset: try parseDayOffset())
      return .dates(from: from, to: try parseDateEnd(from: from) ?? from)
    }
    if Self.dayNames.contains(where: { matchesWord($0) }) {
      throw error("un jour de la semaine dans une date (« Dec Su[-1] ») n'est pas pris en charge")
    }
    position = afterMonth
    if peek("-"), let end = lookAheadMonth(offset: 1) {
      position += 1
      _ = parseMonth()
      return .months(year: year, from: month, to: end)
    }
    return .months(year: year, from: month, to: month)
  }

  /// `-Dec 31`, `-31`, `-2027 Jan 02`, `-easter`: the end of a date range, or nil.
  private mutating func parseDateEnd(from: OpeningHours.DateSpec) throws -> OpeningHours.DateSpec? {
    let save = position
    skipSpaces()
    guard consume("-") else {
      position = save
      return nil
    }
    skipSpaces()
    var year: Int?
    if startsYear() {
      year = try parseYear()
      skipSpaces()
    }
    if consumeWord("easter") {
      return OpeningHours.DateSpec(year: year, month: 0, day: 0, isEaster: true, offset: try parseDayOffset())
    }
    let month: Int
    if let named = parseMonth() {
      month = named
      skipSpaces()
    } else if !from.isEaster, year == nil {
      month = from.month
    } else {
      throw error("la date de fin de la plage est attendue")
    }
    guard startsDayNumber() else { throw error("un jour du mois attendu") }
    let day = try parseDayNumber(month: month)
    return OpeningHours.DateSpec(
      year: year ?? from.year, month: month, day: day, isEaster: false, offset: try parseDayOffset())
  }

  /// ` +2 days`, ` -1 day` (a space first, as the grammar wants), or 0 and nothing read.
  private mutating func parseDayOffset() throws -> Int {
    let save = position
    guard peek(" ") else { return 0 }
    skipSpaces()
    guard peek("+") || peek("-") else {
      position = save
      return 0
    }
    let sign = peek("-") ? -1 : 1
    if startsDay(offset: 1) {
      throw error("un décalage en jours de la semaine sur une date (« +Su ») n'est pas pris en charge")
    }
    position += 1
    guard digit(at: position) != nil, let count = try? parseNumber(max: 366), peek(" ") else {
      position = save
      return 0
    }
    skipSpaces()
    guard consumeWord("days") || consumeWord("day") else {
      position = save
      return 0
    }
    return sign * count
  }

  /// One or two digits that are not the hour of a time.
  private func startsDayNumber() -> Bool {
    guard digit(at: position) != nil else { return false }
    let end = digit(at: position + 1) != nil ? position + 2 : position + 1
    return !(end < scalars.count && scalars[end] == ":")
  }

  private mutating func parseDayNumber(month: Int) throws -> Int {
    let day = try parseNumber(max: 31)
    guard day >= 1, day <= OpeningHours.monthLength(month: month, year: 2024) else {
      throw error("ce mois n'a pas de jour \(day)")
    }
    return day
  }

  private mutating func parseMonth() -> Int? {
    for (index, name) in Self.monthNames.enumerated() where consumeWord(name) { return index + 1 }
    return nil
  }

  private func lookAheadMonth(offset: Int) -> Int? {
    var copy = self
    copy.position += offset
    return copy.parseMonth()
  }

  // MARK: Weekdays and holidays

  /// `Mo-Fr`, `Mo,We`, `Mo[1]`, `PH`, `PH,Mo-Fr`, `Mo-Fr PH`; true when something was read.
  private mutating func parseWeekdaySelector(into days: inout OpeningHours.DaySelector) throws -> Bool {
    var found = false
    while true {
      if matchesWord("sh") {
        throw error("les vacances scolaires « SH » ne sont pas prises en charge")
      } else if consumeWord("ph") {
        days.holidays = true
        if startsOffset() { throw error("un décalage sur les jours fériés (« PH +1 day ») n'est pas pris en charge") }
      } else if let range = try parseWeekdayRange() {
        days.weekdays.append(range)
      } else {
        if found { throw error("un jour de la semaine attendu (Mo, Tu, We, Th, Fr, Sa, Su) ou PH") }
        if position < scalars.count, scalars[position].properties.isAlphabetic, !startsStateOrComment() {
          throw error(unknownWordMessage())
        }
        return false
      }
      found = true
      // `,` joins the list when a day follows at once; a space may separate holidays from weekdays.
      if peek(","), startsDay(offset: 1) {
        position += 1
        continue
      }
      if peek(" ") {
        var copy = self
        copy.skipSpaces()
        if copy.startsDay(offset: 0) {
          position = copy.position
          continue
        }
      }
      return true
    }
  }

  private func startsStateOrComment() -> Bool {
    ["open", "closed", "off", "unknown"].contains { matchesWord($0) } || peek("\"")
  }

  private func startsDay(offset: Int) -> Bool {
    var copy = self
    copy.position += offset
    return Self.dayNames.contains { copy.matchesWord($0) } || copy.matchesWord("ph") || copy.matchesWord("sh")
  }

  private func startsOffset() -> Bool {
    var copy = self
    copy.skipSpaces()
    return (copy.peek("+") || copy.peek("-")) && copy.digit(at: copy.position + 1) != nil
  }

  private mutating func parseWeekdayRange() throws -> OpeningHours.WeekdayRange? {
    guard let first = parseDay() else { return nil }
    if consume("[") {
      var nth: [Int] = []
      repeat {
        let negative = consume("-")
        let start = try parseNumber(max: 5)
        guard start >= 1 else { throw error("l'occurrence va de 1 à 5 (ou de -1 à -5)") }
        if !negative, peek("-"), digit(at: position + 1) != nil {
          position += 1
          let end = try parseNumber(max: 5)
          guard end >= start else { throw error("la plage d'occurrences finit avant de commencer") }
          nth += Array(start...end)
        } else {
          nth.append(negative ? -start : start)
        }
      } while consume(",")
      guard consume("]") else { throw error("« ] » attendu après l'occurrence (« Mo[1] »)") }
      if startsOffset() { throw error("un décalage après « [n] » (« Mo[1] +2 days ») n'est pas pris en charge") }
      return OpeningHours.WeekdayRange(from: first, to: first, nth: nth)
    }
    if peek("-"), startsDay(offset: 1) {
      position += 1
      guard let last = parseDay() else {
        throw error("un jour de la semaine attendu (Mo, Tu, We, Th, Fr, Sa, Su) après « - »")
      }
      return OpeningHours.WeekdayRange(from: first, to: last, nth: [])
    }
    return OpeningHours.WeekdayRange(from: first, to: first, nth: [])
  }

  private mutating func parseDay() -> Int? {
    for (index, name) in Self.dayNames.enumerated() where consumeWord(name) { return index }
    return nil
  }

  // MARK: Times

  private func startsTime() -> Bool {
    digit(at: position) != nil
      || ["sunrise", "sunset", "dawn", "dusk"].contains { matchesWord($0) } || peek("(")
  }

  /// `09:00-12:00,14:00-17:30` (a space may follow each comma).
  private mutating func parseTimeSelector() throws -> [OpeningHours.Span] {
    var spans: [OpeningHours.Span] = []
    while true {
      spans.append(try parseSpan())
      guard peek(",") else { return spans }
      var copy = self
      copy.position += 1
      copy.skipSpaces()
      guard copy.digit(at: copy.position) != nil else { return spans }  // an additional rule follows
      position = copy.position
    }
  }

  private mutating func parseSpan() throws -> OpeningHours.Span {
    if ["sunrise", "sunset", "dawn", "dusk"].contains(where: { matchesWord($0) }) || peek("(") {
      throw error("les heures de lever, de coucher du soleil, d'aube et de crépuscule ne sont pas prises en charge")
    }
    let startColumn = position
    let start = try parseTime(allowExtended: false)
    skipSpaces()
    if peek("+") { throw error("les heures sans fin (« 18:00+ ») ne sont pas prises en charge") }
    guard peek("-") else {
      position = startColumn
      throw error("une plage horaire attendue, comme 09:00-12:00")
    }
    position += 1
    skipSpaces()
    if ["sunrise", "sunset", "dawn", "dusk"].contains(where: { matchesWord($0) }) || peek("(") {
      throw error("les heures de lever, de coucher du soleil, d'aube et de crépuscule ne sont pas prises en charge")
    }
    let end = try parseTime(allowExtended: true)
    if peek("+") { throw error("les heures sans fin (« 18:00+ ») ne sont pas prises en charge") }
    if peek("/") { throw error("les heures répétées (« 10:00-16:00/01:30 ») ne sont pas prises en charge") }
    // An end that is not after the start runs past midnight (equal: 24 hours).
    return OpeningHours.Span(start: start, end: end > start ? end : end + 1440)
  }

  /// `HH:MM` (or `H:MM`); 24:00 (and extended hours up to 48:00) only as an end.
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
      throw error("une heure attendue, écrite HH:MM")
    }
    position += 1
    var minute = 0
    for _ in 0..<2 {
      guard let value = digit(at: position) else {
        throw error("deux chiffres de minutes attendus")
      }
      minute = minute * 10 + value
      position += 1
    }
    guard minute < 60 else {
      position -= 2
      throw error("les minutes doivent être inférieures à 60")
    }
    let total = hour * 60 + minute
    let limit = allowExtended ? 48 * 60 : 24 * 60 - 1
    guard total <= limit else {
      position = begin
      throw error(allowExtended ? "l'heure dépasse 48:00" : "une plage ne peut pas commencer à 24:00 ou après")
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
      throw error("le commentaire n'est pas fermé : il manque un « \" »")
    }
    position += 1
    return String(text)
  }

  private func unknownWordMessage() -> String {
    var end = position
    while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "_" { end += 1 }
    let word = String(String.UnicodeScalarView(scalars[position..<max(end, min(position + 1, scalars.count))]))
    let hint: String
    switch word.lowercased() {
    case "lu", "lun", "lundi", "ma", "mar", "mardi", "me", "mer", "mercredi", "je", "jeu", "jeudi", "ve", "ven",
      "vendredi", "sam", "samedi", "di", "dim", "dimanche":
      hint = " (les jours s'écrivent en anglais : Mo Tu We Th Fr Sa Su)"
    case "sh": hint = " (les vacances scolaires « SH » ne sont pas prises en charge)"
    default: hint = " (attendu : un jour Mo–Su, PH, un mois, off, une heure ou un commentaire entre guillemets)"
    }
    return "mot « \(word) » inconnu" + hint
  }

  // MARK: Scanning

  private mutating func parseNumber(max: Int) throws -> Int {
    let begin = position
    var value = 0
    while let next = digit(at: position) {
      value = value * 10 + next
      position += 1
      if value > max {
        position = begin
        throw error("le nombre est trop grand ici")
      }
    }
    guard position > begin else { throw error("un nombre attendu") }
    return value
  }

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

  /// Case-insensitive `word` not followed by a letter.
  private func matchesWord(_ word: String) -> Bool {
    var index = position
    for scalar in word.unicodeScalars {
      guard index < scalars.count else { return false }
      let candidate = scalars[index]
      // ASCII letters compared directly: the Unicode lowercase mapping builds a String per letter.
      if candidate.isASCII {
        let value = candidate.value
        let lower = (0x41...0x5A).contains(value) ? value + 0x20 : value
        guard lower == scalar.value else { return false }
      } else if candidate.properties.lowercaseMapping != String(scalar) {
        return false
      }
      index += 1
    }
    return index >= scalars.count || !scalars[index].properties.isAlphabetic
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
