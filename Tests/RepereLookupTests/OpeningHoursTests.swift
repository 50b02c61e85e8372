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

  @Test func laterRuleReplacesEarlierOnesIncludingTheEarlyHours() throws {
    let text = "Mo-Su 20:00-02:00; Tu off"
    // Tuesday 1 December 01:00: Monday's night would spill, but Tuesday is governed by « Tu off ».
    #expect(
      try state(text, "2026-12-01T01:00:00+01:00") == .closed(opensAt: Fixtures.date("2026-12-02T20:00:00+01:00")))
    // Wednesday 01:00: Tuesday is off, so nothing spills either.
    #expect(!(try state(text, "2026-12-02T01:00:00+01:00").isOpen))
    // Thursday 01:00: Wednesday's night spills.
    #expect(try state(text, "2026-12-03T01:00:00+01:00").isOpen)
    let replaced = "Mo-Fr 09:00-18:00; We 14:00-16:00"
    #expect(!(try state(replaced, "2026-12-02T10:00:00+01:00").isOpen))
    #expect(try state(replaced, "2026-12-02T15:00:00+01:00").isOpen)
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
    ("Lu-Ve 09:00-17:00", 1, "weekdays are written in English"),
    ("Mo-Fr 9h-17h", 7, "HH:MM"),
    ("Mo-Fr 09:00-17:60", 16, "below 60"),
    ("Mo-Fr 09:00-17:00; \"oops", 20, "not closed"),
    ("Mo-Fr 09:00-17:00 ||  Sa", 19, "'||'"),
    ("", 1, "empty"),
    ("SH off", 1, "school holidays"),
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
