#!/usr/bin/env python3
"""Regenerates Tests/RepereLookupTests/Fixtures/opening-hours-reference.tsv: the state that
opening-hours-py (Python binding of opening-hours-rs, the reference implementation) gives for
each expression at each instant, in the zone of the place. Repère's tests compare against it
without needing PyPI.

    python3 -m venv /tmp/oh && /tmp/oh/bin/pip install opening-hours-py==2.1.4
    /tmp/oh/bin/python scripts/opening-hours-reference.py > Tests/RepereLookupTests/Fixtures/opening-hours-reference.tsv

Public holidays are the reference's national French calendar (country="FR"): the table avoids
the overseas days that commemorate the abolition of slavery, which Repère adds per département.
"""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import opening_hours

EXPRESSIONS = [
    # What data·inclusion's converters produce (reference/README.md).
    'Mo-Fr 08:00-18:00 open "Sans rendez-vous"; PH off',
    'Mo 08:00-18:00 open "Sans rendez-vous"; Tu 09:00-12:00 open "Sans rendez-vous"; PH off',
    "Mo 08:30-17:00 open, Tu 08:30-17:00 open, We 08:30-17:00 open, Th 08:30-17:00 open, "
    "Fr 08:30-15:45 open, Sa closed, Su closed",
    "Mo closed, Tu closed, We closed, Th closed, Fr closed, Sa closed, Su closed",
    "Mo 09:30-11:30 open; Th 09:30-12:30 open",
    "Mo 09:30-11:30,12:30-17:30 open",
    "Mo,Th-Fr 19:30-21:00 open",
    "Mo open",
    "PH off",
    # Nights, and rules overriding a night's day.
    "Mo-Su 20:00-02:00; We off",
    "Mo-Su 22:00-06:00; PH off",
    "Su-Tu 22:00-03:00",
    "Mo-Fr 21:00-09:00",
    "Mo-Fr 07:00-26:00",
    "Mo-Su 08:00-12:00; Tu 20:00-02:00",
    # Days, holidays, overrides.
    "24/7",
    "24/7; PH off",
    "Mo-Fr 09:00-12:00,14:00-17:30; PH off",
    "Mo-Sa 09:00-19:00; Sa 10:00-12:00",
    "Mo-Fr 09:00-18:00; We 12:00-14:00 off",
    "Mo-Fr 09:00-17:00; PH 10:00-12:00",
    "PH,Sa 10:00-12:00",
    'Mo-Fr 09:00-17:00; Sa closed "fermé le samedi"',
    'Mo-Fr 09:00-17:00 unknown "à confirmer"',
    'Mo-Fr 08:00-12:00 "accueil", 14:00-18:00 open "sur rendez-vous"',
    # Fallbacks.
    "Mo-Fr 09:00-12:00 || Sa 10:00-12:00",
    'Mo-Fr 09:00-17:00 || unknown "sur rendez-vous"',
    # Not here on purpose: a rule that is only a comment (`|| "appeler avant"`), which Repère
    # leaves unknown where the reference says open (docs/formats-extensions.md).
    'Mo-Fr 09:00-17:00; PH off || unknown "appeler avant"',
    # Months, dates, easter, nth weekdays, years.
    "Mo-Fr 08:00-18:00; Jul-Aug off",
    "Jul-Aug off; Mo-Fr 08:00-18:00",
    "Mo-Fr 09:00-17:00; Dec 24-Dec 31 off",
    "Mo-Fr 09:00-17:00; Dec 24-31 off",
    "Mo-Fr 09:00-17:00; Dec 24-Jan 02 off",
    "Mo-Su 10:00-18:00; Jan 01 off",
    "Nov-Feb Mo-Fr 09:00-17:00; Mar-Oct Mo-Fr 08:00-19:00",
    "Jul 14,Aug 15 off; Mo-Su 10:00-12:00",
    "Mo[1] 14:00-16:00",
    "Fr[-1] 09:00-12:00",
    "Sa[1,3] 10:00-12:00",
    "Mo-Fr 09:00-17:00; easter off",
    "easter -2 days 10:00-12:00",
    "2026 Mo-Fr 09:00-17:00",
    "2025-2026 Mo-Fr 09:00-17:00; 2027+ Mo-Fr 10:00-12:00",
    "2026 Dec 24-2027 Jan 02 off; Mo-Fr 09:00-17:00",
]

# Local wall-clock moments (Europe/Paris unless a zone is given), chosen around what the rules
# decide: weekday mornings and nights, holidays (2026: Easter Sunday 5 April, Easter Monday 6 April,
# Ascension 14 May, Whit Monday 25 May), DST changes (29 March and 25 October 2026), months, year ends.
LOCAL_TIMES = [
    "2026-01-01 11:00", "2026-01-02 08:59", "2026-01-02 09:00", "2026-01-05 15:00", "2026-01-30 10:00",
    "2026-03-02 14:30", "2026-03-07 11:00", "2026-03-21 11:00", "2026-03-27 10:00",
    "2026-03-29 01:30", "2026-03-29 03:30", "2026-03-29 23:00", "2026-03-30 01:30",
    "2026-04-03 10:30", "2026-04-05 11:00", "2026-04-06 11:00", "2026-04-07 01:00", "2026-05-01 11:00",
    "2026-05-14 10:00", "2026-05-15 01:00", "2026-05-25 09:30", "2026-07-01 10:00", "2026-07-14 11:00",
    "2026-07-15 05:00", "2026-08-15 11:00", "2026-09-01 18:30", "2026-10-25 01:30", "2026-10-25 03:30",
    "2026-10-26 01:30", "2026-11-02 15:00", "2026-11-30 08:29", "2026-11-30 08:30", "2026-11-30 11:45",
    "2026-12-01 02:30", "2026-12-01 12:00", "2026-12-02 01:30", "2026-12-02 13:00", "2026-12-02 21:00",
    "2026-12-03 01:30", "2026-12-03 15:50", "2026-12-04 19:45", "2026-12-05 11:00", "2026-12-06 23:00",
    "2026-12-07 01:30", "2026-12-07 15:00", "2026-12-24 10:00", "2026-12-25 23:30", "2026-12-26 01:30",
    "2027-01-02 10:00", "2027-01-04 10:00", "2027-01-04 11:00",
]

OVERSEAS_ZONES = ["Indian/Reunion", "America/Cayenne", "America/Martinique", "Indian/Mayotte"]
OVERSEAS_EXPRESSIONS = [
    "Mo-Su 20:00-02:00; We off",
    'Mo-Fr 08:00-18:00 open "Sans rendez-vous"; PH off',
    "Mo-Fr 09:00-12:00,14:00-17:30; PH off",
    "Mo-Su 22:00-06:00; PH off",
]
# Avoid the overseas abolition days (27 May, 22 May, 10 June, 20 December, 27 April).
OVERSEAS_TIMES = [t for t in LOCAL_TIMES if t[5:10] not in {"05-27", "05-22", "06-10", "12-20", "04-27"}]


def rows():
    paris = "Europe/Paris"
    for expression in EXPRESSIONS:
        yield from evaluate(expression, paris, LOCAL_TIMES)
    for zone in OVERSEAS_ZONES:
        for expression in OVERSEAS_EXPRESSIONS:
            yield from evaluate(expression, zone, OVERSEAS_TIMES)


def evaluate(expression, zone_name, local_times):
    zone = ZoneInfo(zone_name)
    oh = opening_hours.OpeningHours(expression, timezone=zone, country="FR")
    for text in local_times:
        local = datetime.fromisoformat(text).replace(tzinfo=zone)
        instant = local.astimezone(timezone.utc)
        state, comment = oh.state(local)
        name = str(state).split(".")[-1].lower()
        yield f"{expression}\t{zone_name}\t{instant.strftime('%Y-%m-%dT%H:%MZ')}\t{name}\t{comment}"


if __name__ == "__main__":
    print("# expression\tzone\tinstant (UTC)\tstate\tcomment — generated by scripts/opening-hours-reference.py"
          f" with opening-hours-py {getattr(opening_hours, '__version__', '2.1.4')}")
    for row in rows():
        print(row)
