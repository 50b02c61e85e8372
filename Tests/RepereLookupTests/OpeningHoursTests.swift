import Foundation
import RepereBase
import Testing

@testable import RepereLookup

@Suite struct OpeningHoursTests {
  let paris = Fixtures.paris

  private func state(_ text: String, _ iso: String, zone: TimeZone? = nil) throws -> OpenState {
    try Fixtures.hours(text).state(at: Fixtures.date(iso), timeZone: zone ?? paris)
  }

  @Test func alwaysOpen() throws {
    #expect(try state("24/7", "2026-11-29T03:00:00+01:00") == .open(closesAt: nil, comment: nil))
  }

  @Test func weekdaySpansOpenAndCloseAtTheRightMinute() throws {
    let text = "Mo-Fr 09:00-12:00,14:00-17:30"
    // Monday 30 November 2026.
    #expect(
      try state(text, "2026-11-30T09:00:00+01:00")
        == .open(closesAt: Fixtures.date("2026-11-30T12:00:00+01:00"), comment: nil))
    #expect(
      try state(text, "2026-11-30T12:00:00+01:00") == .closed(opensAt: Fixtures.date("2026-11-30T14:00:00+01:00")))
    #expect(
      try state(text, "2026-11-30T08:59:00+01:00") == .closed(opensAt: Fixtures.date("2026-11-30T09:00:00+01:00")))
    // Saturday: next opening is Monday.
    #expect(
      try state(text, "2026-12-05T10:00:00+01:00") == .closed(opensAt: Fixtures.date("2026-12-07T09:00:00+01:00")))
  }

  @Test func spanPastMidnightSpillsIntoTheNextDay() throws {
    let text = "Fr 20:00-02:00"
    #expect(try state(text, "2026-12-05T01:30:00+01:00").isOpen)  // Saturday early hours
    #expect(!(try state(text, "2026-12-05T02:00:00+01:00").isOpen))
    #expect(
      try state(text, "2026-12-04T23:00:00+01:00")
        == .open(closesAt: Fixtures.date("2026-12-05T02:00:00+01:00"), comment: nil))
  }

  @Test func laterRuleReplacesTheDayItNamesButNotTheNightBefore() throws {
    // As opening-hours-rs answers: « Tu off » closes Tuesday from 00:00 to 24:00, but the spans
    // that the first rule opens on Tuesday night still reach into Wednesday morning.
    let text = "Mo-Su 20:00-02:00; Tu off"
    #expect(
      try state(text, "2026-12-01T01:00:00+01:00") == .closed(opensAt: Fixtures.date("2026-12-02T00:00:00+01:00")))
    #expect(!(try state(text, "2026-12-01T21:00:00+01:00").isOpen))
    #expect(try state(text, "2026-12-02T01:00:00+01:00").isOpen)
    #expect(try state(text, "2026-12-03T01:00:00+01:00").isOpen)
    // The issue's two cases: Thursday 01:30 after « We off », the morning after a holiday.
    #expect(try state("Mo-Su 20:00-02:00; We off", "2026-12-03T01:30:00+01:00").isOpen)
    #expect(try state("Mo-Su 22:00-06:00; PH off", "2026-12-26T05:00:00+01:00").isOpen)
    #expect(!(try state("Mo-Su 22:00-06:00; PH off", "2026-12-25T05:00:00+01:00").isOpen))
    let replaced = "Mo-Fr 09:00-18:00; We 14:00-16:00"
    #expect(!(try state(replaced, "2026-12-02T10:00:00+01:00").isOpen))
    #expect(try state(replaced, "2026-12-02T15:00:00+01:00").isOpen)
    // A closed rule with times only closes those times.
    #expect(!(try state("Mo-Fr 09:00-18:00; We 12:00-14:00 off", "2026-12-02T13:00:00+01:00").isOpen))
    #expect(try state("Mo-Fr 09:00-18:00; We 12:00-14:00 off", "2026-12-02T15:00:00+01:00").isOpen)
  }

  @Test func dataInclusionConvertersOutputParses() throws {
    // Every value data·inclusion's converters produce (reference/README.md).
    for text in [
      "Mo-Fr 08:00-18:00 open \"Sans rendez-vous\"; PH off",
      "Mo 08:00-18:00 open \"Sans rendez-vous\"; Tu 09:00-12:00 open \"Sans rendez-vous\"; PH off",
      "Mo 08:30-17:00 open, Tu 08:30-17:00 open, We 08:30-17:00 open, Th 08:30-17:00 open, Fr 08:30-15:45 open, Sa closed, Su closed",
      "Mo closed, Tu closed, We closed, Th closed, Fr closed, Sa closed, Su closed",
      "Mo 09:30-11:30 open; Th 09:30-12:30 open", "Mo 09:30-11:30,12:30-17:30 open", "Mo,Th-Fr 19:30-21:00 open",
      "Mo open", "PH off",
    ] {
      #expect(throws: Never.self, "\(text)") { try Fixtures.hours(text) }
    }
    #expect(
      try state("Mo-Fr 08:00-18:00 open \"Sans rendez-vous\"; PH off", "2026-12-02T10:00:00+01:00")
        == .open(closesAt: Fixtures.date("2026-12-02T18:00:00+01:00"), comment: "Sans rendez-vous"))
    #expect(
      !(try state(
        "Mo closed, Tu closed, We closed, Th closed, Fr closed, Sa closed, Su closed", "2026-12-02T10:00:00+01:00"
      ).isOpen))
  }

  @Test func datesMonthsYearsAndNthWeekdays() throws {
    #expect(!(try state("Mo-Fr 08:00-18:00; Jul-Aug off", "2026-07-15T10:00:00+02:00").isOpen))
    #expect(try state("Mo-Fr 08:00-18:00; Jul-Aug off", "2026-09-01T10:00:00+02:00").isOpen)
    #expect(!(try state("Mo-Fr 09:00-17:00; Dec 24-Dec 31 off", "2026-12-28T10:00:00+01:00").isOpen))
    #expect(!(try state("Mo-Fr 09:00-17:00; Dec 24-Jan 02 off", "2027-01-01T10:00:00+01:00").isOpen))
    #expect(try state("Mo-Fr 09:00-17:00; Dec 24-Jan 02 off", "2027-01-04T10:00:00+01:00").isOpen)
    #expect(!(try state("Mo-Su 10:00-18:00; Jan 01 off", "2026-01-01T11:00:00+01:00").isOpen))
    // First Monday (7 December 2026), last Friday (25 December is a Friday: the 18th is not the last).
    #expect(try state("Mo[1] 14:00-16:00", "2026-12-07T15:00:00+01:00").isOpen)
    #expect(!(try state("Mo[1] 14:00-16:00", "2026-12-14T15:00:00+01:00").isOpen))
    #expect(try state("Fr[-1] 09:00-12:00", "2026-12-25T10:00:00+01:00").isOpen)
    #expect(!(try state("Fr[-1] 09:00-12:00", "2026-12-18T10:00:00+01:00").isOpen))
    // Easter Sunday 5 April 2026; Good Friday with an offset.
    #expect(!(try state("Mo-Su 09:00-17:00; easter off", "2026-04-05T10:00:00+02:00").isOpen))
    #expect(try state("easter -2 days 10:00-12:00", "2026-04-03T11:00:00+02:00").isOpen)
    #expect(try state("2026 Mo-Fr 09:00-17:00", "2026-12-02T10:00:00+01:00").isOpen)
    #expect(!(try state("2026 Mo-Fr 09:00-17:00", "2027-01-04T10:00:00+01:00").isOpen))
    #expect(try state("2025-2026 Mo-Fr 09:00-17:00; 2027+ Mo-Fr 10:00-12:00", "2027-01-04T11:00:00+01:00").isOpen)
  }

  @Test func fallbackRulesApplyWhereNothingElseDoes() throws {
    let text = "Mo-Fr 09:00-17:00 || unknown \"sur rendez-vous\""
    #expect(try state(text, "2026-12-02T10:00:00+01:00").isOpen)
    #expect(try state(text, "2026-12-05T10:00:00+01:00") == .unknown(comment: "sur rendez-vous"))
  }

  @Test func additionalRuleWithCommaDoesNotReplace() throws {
    let text = "Mo-Fr 09:00-12:00, We 14:00-16:00"
    #expect(try state(text, "2026-12-02T10:00:00+01:00").isOpen)
    #expect(try state(text, "2026-12-02T15:00:00+01:00").isOpen)
  }

  @Test func publicHolidaysIncludingEasterBasedOnes() throws {
    let text = "Mo-Fr 09:00-17:00; PH off"
    #expect(HolidayCalendar.easterSunday(year: 2026) == CalendarDay(year: 2026, month: 4, day: 5))
    #expect(HolidayCalendar.easterSunday(year: 2027) == CalendarDay(year: 2027, month: 3, day: 28))
    // Easter Monday 6 April 2026, Ascension 14 May 2026, Whit Monday 25 May 2026, 11 November.
    for day in ["2026-04-06", "2026-05-14", "2026-05-25", "2026-11-11"] {
      #expect(!(try state(text, "\(day)T10:00:00+02:00").isOpen), "\(day) is a holiday")
    }
    #expect(try state(text, "2026-04-07T10:00:00+02:00").isOpen)
    // Good Friday only in Alsace-Moselle.
    let goodFriday = CalendarDay(year: 2026, month: 4, day: 3)
    #expect(!HolidayCalendar.france.isHoliday(goodFriday))
    #expect(HolidayCalendar.forDepartement("67").isHoliday(goodFriday))
    #expect(try state("PH 10:00-12:00", "2026-12-25T11:00:00+01:00").isOpen)
  }

  @Test func commentsOpenWithTextOrLeaveTheStateUnknown() throws {
    #expect(
      try state("Mo-Fr 09:00-17:00 \"sur rendez-vous\"", "2026-11-30T10:00:00+01:00")
        == .open(closesAt: Fixtures.date("2026-11-30T17:00:00+01:00"), comment: "sur rendez-vous"))
    let unknown = try state("\"sur rendez-vous\"", "2026-11-30T10:00:00+01:00")
    #expect(unknown == .unknown(comment: "sur rendez-vous"))
    #expect(unknown.frenchSummary(now: Date(), timeZone: paris) == "horaires : à vérifier (sur rendez-vous)")
    #expect(!unknown.isOpen)
  }

  @Test func wallClockAcrossDaylightSavingChanges() throws {
    // 29 March 2026: clocks go from 02:00 to 03:00 in Paris. 09:30 local is 07:30 UTC.
    #expect(try state("Su 09:00-10:00", "2026-03-29T07:30:00Z").isOpen)
    #expect(!(try state("Su 09:00-10:00", "2026-03-29T08:30:00Z").isOpen))
    // 25 October 2026: back to UTC+1; 09:30 local is 08:30 UTC.
    #expect(try state("Su 09:00-10:00", "2026-10-25T08:30:00Z").isOpen)
  }

  @Test func overseasDepartementsUseTheirOwnClock() throws {
    let reunion = Departement.timeZone(forCode: "974")
    // 06:30 UTC is 10:30 in La Réunion (UTC+4) and 07:30 in Paris.
    #expect(try state("Mo-Fr 09:00-12:00", "2026-11-30T06:30:00Z", zone: reunion).isOpen)
    #expect(!(try state("Mo-Fr 09:00-12:00", "2026-11-30T06:30:00Z").isOpen))
  }

  @Test func offAndDayWithoutTimes() throws {
    #expect(try state("Mo-Fr", "2026-11-30T23:30:00+01:00").isOpen)
    #expect(!(try state("Mo-Sa 09:00-18:00; Sa off", "2026-12-05T10:00:00+01:00").isOpen))
    #expect(try state("Fr-Mo 10:00-11:00", "2026-12-06T10:30:00+01:00").isOpen)  // wrapping range, Sunday
  }

  @Test(arguments: [
    ("Lu-Ve 09:00-17:00", 1, "les jours s'écrivent en anglais"),
    ("Mo-Fr 9h-17h", 7, "HH:MM"),
    ("Mo-Fr 09:00-17:60", 16, "inférieures à 60"),
    ("Mo-Fr 09:00-17:00; \"oops", 20, "n'est pas fermé"),
    ("", 1, "vides"),
    ("SH off", 1, "vacances scolaires"),
    ("Mo-Fr 09:00-17:00; PH off; SH off", 28, "vacances scolaires"),
    ("week 01-10 Mo-Fr 09:00-17:00", 1, "numéros de semaine"),
    ("Mo-Fr sunrise-sunset", 7, "lever"),
    ("Mo-Fr 18:00+", 12, "heures sans fin"),
    ("PH +1 day off", 3, "décalage sur les jours fériés"),
    ("Mo[1] +2 days 10:00-12:00", 6, "décalage après"),
    ("Dec Su[-1] off", 5, "jour de la semaine dans une date"),
    ("Mo-Fr 09:00-18:00 PH off", 19, "mot « PH » inconnu"),
    ("Mo-Fr 09:00-17:00 ||", 21, "il manque une règle"),
  ])
  func errorsNameTheColumn(text: String, column: Int, message: String) {
    guard case .failure(let error) = OpeningHours.parse(text) else {
      Issue.record("\(text) should not parse")
      return
    }
    #expect(error.column == column, "\(text): \(error)")
    #expect(error.message.contains(message), "\(text): \(error)")
  }
}
