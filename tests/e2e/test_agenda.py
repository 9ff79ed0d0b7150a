"""« Ajouter à mon agenda »: the student's own .ics, made in the browser.

Downloaded from the page in Chromium, read with the `icalendar` library: its
events are the engine's windows for the same profile and instant (checks in
CPython), and the file is, byte for byte, what `checks.calendar` writes for
that answer: the browser ran the same code.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

import checks
from checks.calendar import student_calendar
from checks.paris_time import is_midnight
from tests.support.chromium import visitor_context
from tests.support.site_audit import (
    BLOB_RECORDER,
    CSP_RECORDER,
    answer_of,
    csp_reports,
    fill_profile,
    procedure_data,
    shown_answer_text,
    wait_new_answer,
)

# (procedure, profile, instant): timed boundaries, an open-ended window, two
# windows, and boundaries at midnight (whole-day events).
CASES = [
    ("amu-iut/but1", {"boursier": "true", "date_acceptation": "2024-07-20"}, "2024-07-25T10:00"),
    ("amu-iut/but1", {"deja_inscrit": "true"}, "2024-07-10T09:00"),
    ("amu-iut/master", {"date_acceptation": "2024-07-20"}, "2024-07-18T12:00"),
    ("clermont-inp/isima-apprentissage", {"regime": "apprentissage"}, "2022-07-01T10:00"),
    ("orleans/but1", {"date_acceptation": "2024-07-20"}, "2024-07-25T10:00"),
    ("orleans/reinscription", {}, "2024-06-01T10:00"),
]


def expected_boundaries(windows: list[dict]) -> list[tuple[str, object]]:
    """What the engine's windows become: an opening and a closing event per known boundary;
    at midnight (a date without an hour), a whole day: the opening day, the last day."""
    found = []
    for window in windows:
        for side, text in (("ouverture", window["start"]), ("cloture", window["end"])):
            if text is None:
                continue
            moment = datetime.fromisoformat(text)
            if is_midnight(moment):
                day = moment.date() - timedelta(days=1 if side == "cloture" else 0)
                found.append((side, day))
            else:
                found.append((side, moment.astimezone(timezone.utc)))
    return sorted(found, key=repr)


def downloaded_boundaries(calendar: Calendar) -> list[tuple[str, object]]:
    found = []
    for event in calendar.walk("VEVENT"):
        summary = str(event["SUMMARY"])
        side = "ouverture" if summary.startswith("Ouverture") else "cloture"
        assert summary.startswith(("Ouverture des inscriptions", "Clôture des inscriptions")), summary
        start = event.decoded("DTSTART")
        if isinstance(start, datetime):
            assert start.utcoffset() is not None, "times carry their zone"
            found.append((side, start.astimezone(timezone.utc)))
        else:
            assert isinstance(start, date)
            assert event.decoded("DTEND") == start + timedelta(days=1), "a whole day"
            found.append((side, start))
        assert event.walk("VALARM"), "each boundary has a reminder"
    return sorted(found, key=repr)


@pytest.fixture
def tab(browser):
    context = visitor_context(browser, accept_downloads=True)
    context.add_init_script(CSP_RECORDER)
    context.add_init_script(BLOB_RECORDER)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("procedure, profile, at", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_the_downloaded_calendar_holds_the_engines_windows(tab, site_server, site_dir, procedure, profile, at):
    address = f"{site_server.url}{procedure}/?at={at}"
    tab.goto(address)
    fill_profile(tab, procedure, profile)
    shown = answer_of(tab)
    with tab.expect_download() as download:
        tab.locator("[data-checker-agenda]").click()
    assert download.value.suggested_filename == f"inscription-{procedure.replace('/', '-')}.ics"
    text = download.value.path().read_bytes().decode("utf-8")
    assert tab.evaluate("window.__blobTypes") == ["text/calendar;charset=utf-8"]
    assert "créé" in tab.locator("[data-checker-action-status]").inner_text()

    compiled = procedure_data(site_dir, procedure)
    answer = checks.evaluate(compiled, profile, checks.parse_instant(at))
    assert shown == answer
    assert answer["deadline"]["windows"], "the case has dates"
    calendar = Calendar.from_ical(text)
    assert downloaded_boundaries(calendar) == expected_boundaries(answer["deadline"]["windows"])

    # The very file checks.calendar writes for this answer, stamped when it was made.
    stamp = calendar.walk("VEVENT")[0].decoded("DTSTAMP")
    assert abs(stamp - datetime.now(timezone.utc)) < timedelta(minutes=5)
    assert text == student_calendar(compiled, answer, stamp, page_url=address)
    assert csp_reports(tab) == []


def test_no_agenda_button_without_dates(tab, site_server):
    tab.goto(f"{site_server.url}clermont-inp/doctorat-edspi/?at=2025-09-15T10:00")
    assert answer_of(tab)["deadline"] is None
    assert tab.locator("[data-checker-agenda]").count() == 0
    assert tab.locator("[data-checker-parcours]").is_visible()


def test_the_agenda_follows_the_latest_answer(tab, site_server):
    """Changing an answer changes the file: it is made from what the page shows now."""
    procedure = "amu-iut/but1"
    tab.goto(f"{site_server.url}{procedure}/?at=2024-07-25T10:00")
    fill_profile(tab, procedure, {"date_acceptation": "2024-07-05"})
    shown = shown_answer_text(tab)
    first = json.loads(shown)
    fill_profile(tab, procedure, {"date_acceptation": "2024-08-20"})
    second = wait_new_answer(tab, shown)
    assert second["deadline"]["windows"] != first["deadline"]["windows"]
    with tab.expect_download() as download:
        tab.locator("[data-checker-agenda]").click()
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    assert downloaded_boundaries(calendar) == expected_boundaries(second["deadline"]["windows"])
