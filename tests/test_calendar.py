"""checks/calendar.py: RFC 5545 files of the registration windows, read back with `icalendar`.

The calendars of every real procedure, and of students' answers, are held to
the engine's windows in tests/test_takeaways.py; here, the file format itself
(folding, escaping, time zone, whole days, alarms) and the same output in
Pyodide as in CPython.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Timezone

from checks import evaluate, parse_instant
from checks.wording.fr import CLOSED_PORTAL
from checks.calendar import (
    PARIS_VTIMEZONE,
    escape_text,
    fold_line,
    procedure_calendar,
    student_calendar,
)
from tests.support.instants import PARIS, in_utc
from tests.support.paths import REPO
from tests.support.pyodide_node import requires_pyodide, run_in_pyodide

OPENING, CLOSING = "Ouverture des inscriptions", "Clôture des inscriptions"

STAMP = datetime(2024, 6, 1, 8, 30, tzinfo=timezone.utc)


def procedure(**changes) -> dict:
    """A small compiled procedure (checks/README.md), with a title that needs folding and escaping."""
    base = {
        "id": "ecole/inscription",
        "institution": {"id": "ecole", "name": "École d'essai, site de Lyon; bâtiment B"},
        "title": "Inscription en 1re année : licence « Sciences, technologies » — parcours très long pour plier la ligne",
        "academic_year": "2024-2025",
        "provisional": False,
        "windows": [
            {
                "label": "Admis avant le 12/07",
                "when": {},
                "periods": [
                    {"start": "2024-07-09T14:00:00+02:00", "end": "2024-07-19T12:00:00+02:00", "start_kind": "instant", "end_kind": "instant"},
                    {"start": "2024-08-22T00:00:00+02:00", "end": "2024-08-29T00:00:00+02:00", "start_kind": "date", "end_kind": "date"},
                ],
            },
            {
                "label": "Admis après le 12/07",
                "when": {"deja_inscrit": True},
                "periods": [
                    {"start": None, "end": "2024-07-19T12:00:00+02:00", "start_kind": "asap", "end_kind": "instant"},
                    {"start": "2024-09-02T09:00:00+02:00", "end": None, "start_kind": "instant", "end_kind": "unknown"},
                ],
            },
        ],
        "closures": [{"start": "2024-07-27T00:00:00+02:00", "end": "2024-08-19T00:00:00+02:00", "reason": "Fermeture estivale."}],
    }
    base.update(changes)
    return base


def physical_lines(text: str) -> list[bytes]:
    assert text.endswith("\r\n")
    data = text.encode("utf-8")
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF or CR"
    return data.split(b"\r\n")[:-1]


def events(text: str) -> list:
    return Calendar.from_ical(text).walk("VEVENT")


def test_every_line_ends_in_crlf_and_fits_75_octets():
    text = procedure_calendar(procedure(), STAMP, page_url="https://example.fr/ecole/inscription/")
    for line in physical_lines(text):
        assert len(line) <= 75, line
        line.decode("utf-8")  # never cut inside a character


def test_folding_keeps_multibyte_characters_whole_and_unfolds_to_the_original():
    line = "SUMMARY:" + "é" * 100 + "€" * 30
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_text_is_escaped_and_reads_back_unchanged():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    assert escape_text("bip\x07") == "bip"
    text = procedure_calendar(procedure(), STAMP)
    summaries = {str(e["SUMMARY"]) for e in events(text)}
    title = procedure()["title"]
    assert summaries == {f"{OPENING} — {title}", f"{CLOSING} — {title}", f"{CLOSED_PORTAL} — {title}"}
    description = str(events(text)[0]["DESCRIPTION"])
    assert "École d'essai, site de Lyon; bâtiment B" in description
    assert "\n" in description


def test_calendar_has_its_required_properties_and_each_event_a_uid_and_stamp():
    text = procedure_calendar(procedure(), STAMP, page_url="https://example.fr/ecole/inscription/")
    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "modop" in str(calendar["PRODID"])
    uids = [str(e["UID"]) for e in events(text)]
    assert len(uids) == len(set(uids))
    for event in events(text):
        assert event["DTSTAMP"].dt == STAMP
        assert str(event["URL"]) == "https://example.fr/ecole/inscription/"
        assert "https://example.fr/ecole/inscription/" in str(event["DESCRIPTION"])


def test_windows_become_one_event_per_distinct_boundary_and_open_ends_none():
    found = [(str(e["SUMMARY"]).split(" — ")[0], in_utc(e["DTSTART"].dt)) for e in events(procedure_calendar(procedure(), STAMP))]
    openings = sorted(t for kind, t in found if kind == OPENING)
    assert openings == [
        in_utc("2024-07-09T14:00:00+02:00"),
        in_utc("2024-08-22T00:00:00+02:00"),  # a date: a whole-day event on that day
        in_utc("2024-09-02T09:00:00+02:00"),
    ]
    # 19 July at noon closes both windows: one event, both labels in it.
    closing_noon = [e for e in events(procedure_calendar(procedure(), STAMP)) if e["DTSTART"].dt == datetime(2024, 7, 19, 12, tzinfo=PARIS)]
    assert len(closing_noon) == 1
    assert "Admis avant le 12/07" in str(closing_noon[0]["DESCRIPTION"])
    assert "Admis après le 12/07" in str(closing_noon[0]["DESCRIPTION"])


def test_a_date_end_is_a_whole_day_event_on_the_last_day():
    closing = [e for e in events(procedure_calendar(procedure(), STAMP)) if str(e["SUMMARY"]).startswith(CLOSING) and not isinstance(e["DTSTART"].dt, datetime)]
    assert len(closing) == 1
    assert closing[0]["DTSTART"].dt == date(2024, 8, 28)
    assert closing[0]["DTEND"].dt == date(2024, 8, 29)  # the compiled end: the next midnight
    assert "mercredi 28 août 2024 inclus" in str(closing[0]["DESCRIPTION"])


def test_alarms_ring_at_the_opening_and_the_day_before_the_closing():
    triggers = {}
    for event in events(procedure_calendar(procedure(), STAMP)):
        alarms = event.walk("VALARM")
        kind = str(event["SUMMARY"]).split(" — ")[0]
        whole_day = not isinstance(event["DTSTART"].dt, datetime)
        if kind == CLOSED_PORTAL:
            assert alarms == []
            continue
        assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY" and str(alarms[0]["DESCRIPTION"])
        triggers.setdefault((kind, whole_day), set()).add(alarms[0]["TRIGGER"].dt)
    assert triggers == {
        (OPENING, False): {timedelta(0)},
        (OPENING, True): {timedelta(hours=9)},  # 9 h on the opening day
        (CLOSING, False): {timedelta(days=-1)},
        (CLOSING, True): {timedelta(hours=-15)},  # 9 h the day before the last day
    }


def test_closures_are_events_over_the_whole_closure():
    closures = [e for e in events(procedure_calendar(procedure(), STAMP)) if str(e["SUMMARY"]).startswith(CLOSED_PORTAL)]
    assert [(e["DTSTART"].dt, e["DTEND"].dt) for e in closures] == [(date(2024, 7, 27), date(2024, 8, 19))]
    assert "Fermeture estivale" in str(closures[0]["DESCRIPTION"])


def test_no_dates_gives_an_empty_but_valid_calendar():
    text = procedure_calendar(procedure(windows=None, closures=[]), STAMP)
    assert events(text) == []
    assert "VTIMEZONE" not in text


def test_provisional_dates_are_tentative_and_say_so():
    for event in events(procedure_calendar(procedure(provisional=True), STAMP)):
        assert str(event["STATUS"]) == "TENTATIVE"
        assert "Dates provisoires" in str(event["DESCRIPTION"])


def test_the_vtimezone_is_the_eu_rule_of_europe_paris():
    vtimezone = Timezone.from_ical("\r\n".join(PARIS_VTIMEZONE) + "\r\n")
    stated = vtimezone.to_tz(lookup_tzid=False)  # built from the rules written, not from the name
    moment = datetime(1997, 1, 1, tzinfo=timezone.utc)
    while moment.year < 2041:
        for probe in (moment, moment + timedelta(hours=12)):
            assert probe.astimezone(stated).utcoffset() == probe.astimezone(PARIS).utcoffset(), probe
        moment += timedelta(days=1)
    for year in range(1997, 2041):  # an hour either side of each change
        for month in (3, 10):
            last_sunday = max(date(year, month, d) for d in range(25, 32) if date(year, month, d).weekday() == 6)
            change = datetime.combine(last_sunday, datetime.min.time(), timezone.utc).replace(hour=1)
            for probe in (change - timedelta(minutes=30), change + timedelta(minutes=30)):
                assert probe.astimezone(stated).utcoffset() == probe.astimezone(PARIS).utcoffset(), probe


def test_times_are_paris_wall_clock_and_octobers_second_hour_is_written_in_utc():
    winter = procedure(
        windows=[{"label": "", "when": {}, "periods": [
            {"start": "2024-10-27T02:30:00+02:00", "end": "2024-10-27T02:30:00+01:00", "start_kind": "instant", "end_kind": "instant"},
            {"start": "2025-01-10T08:00:00+01:00", "end": "2025-01-10T08:00:00+00:00", "start_kind": "instant", "end_kind": "instant"},
        ]}],
        closures=[],
    )
    text = procedure_calendar(winter, STAMP)
    assert "DTSTART;TZID=Europe/Paris:20241027T023000" in text  # the first 2:30, summer time
    assert "DTSTART:20241027T013000Z" in text  # the second 2:30, winter time
    assert "DTSTART;TZID=Europe/Paris:20250110T090000" in text  # 08:00 UTC is 9 h in Paris
    found = sorted(in_utc(e["DTSTART"].dt) for e in events(text))
    expected = sorted(in_utc(p[side]) for p in winter["windows"][0]["periods"] for side in ("start", "end"))
    assert found == expected


def test_student_calendar_holds_the_answer_windows_only():
    compiled = procedure()
    answer = evaluate(compiled, {"deja_inscrit": "true"}, parse_instant("2024-07-01T10:00"))
    windows = answer["deadline"]["windows"]
    text = student_calendar(compiled, answer, STAMP, page_url="https://example.fr/p/")
    expected = []
    for window in windows:
        if window["start"]:
            expected.append((OPENING, in_utc(window["start"])))
        if window["end"]:
            expected.append((CLOSING, in_utc(window["end"])))
    got = []
    for event in events(text):
        kind = str(event["SUMMARY"]).split(" — ")[0]
        value = event["DTEND"].dt if kind == CLOSING and not isinstance(event["DTSTART"].dt, datetime) else event["DTSTART"].dt
        got.append((kind, in_utc(value)))
    assert sorted(got) == sorted(expected)
    assert all("Votre période d'inscription" in str(e["DESCRIPTION"]) for e in events(text))


def test_student_calendar_without_windows_has_no_event():
    compiled = procedure(windows=None)
    answer = evaluate(compiled, {}, parse_instant("2024-07-01T10:00"))
    assert answer["deadline"] is None
    assert events(student_calendar(compiled, answer, STAMP)) == []


_CALENDARS_IN_PYODIDE = """
from datetime import datetime
import checks
from checks.calendar import procedure_calendar, student_calendar
result = []
for p, profile, at, stamp in inputs:
    stamp = datetime.fromisoformat(stamp)
    answer = checks.evaluate(p, profile, checks.parse_instant(at))
    result.append([procedure_calendar(p, stamp, page_url="https://example.fr/"), student_calendar(p, answer, stamp)])
"""


@requires_pyodide
def test_pyodide_writes_the_same_calendars_as_cpython(tmp_path):
    from generator.model.catalog import load_catalog

    procedures = [record.compiled for record in load_catalog(REPO).latest()] + [procedure()]
    inputs = [(p, profile, "2024-07-25T10:00", STAMP.isoformat()) for p in procedures for profile in ({}, {"deja_inscrit": "true", "date_acceptation": "2024-07-20"})]
    expected = []
    for p, profile, at, stamp in inputs:
        answer = evaluate(p, profile, parse_instant(at))
        expected.append([procedure_calendar(p, STAMP, page_url="https://example.fr/"), student_calendar(p, answer, STAMP)])
    assert run_in_pyodide(tmp_path, _CALENDARS_IN_PYODIDE, inputs) == expected
