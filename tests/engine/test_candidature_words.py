"""A candidature's deadline is worded as an application, not as a registration:
in the answer's reason, in the command line's text and in the widget's headline,
for each status. Found while adding UGA's Mon Master application (issue 11, part C):
the fee and the CVEC said « procédure de candidature » while the deadline said
« Inscription ouverte » to a student who applies and cannot register yet."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from icalendar import Calendar

from checks import answer_text, evaluate, parse_instant, worker_bridge
from checks.calendar import procedure_calendar, student_calendar
from generator.model.catalog import load_catalog
from tests.support.paths import REPO

APPLICATION = "uga/master-candidature-mon-master"  # file and wishes, 25 February-24 March 2025


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(REPO)


@pytest.mark.parametrize(
    "at, status, opening",
    [
        ("2025-02-01T10:00", "upcoming", "Candidature pas encore ouverte : elle ouvre le "),
        ("2025-03-01T10:00", "open", "Candidature ouverte jusqu'au "),
        ("2025-04-01T10:00", "closed", "Candidature close : votre dernière période courait "),
    ],
)
def test_an_application_period_is_called_an_application(catalog, at, status, opening):
    procedure = catalog.get(APPLICATION).compiled
    answer = evaluate(procedure, {}, parse_instant(at))
    assert answer["deadline"]["status"] == status
    assert answer["deadline"]["reason"].startswith(opening), answer["deadline"]["reason"]
    assert opening in answer_text(answer, procedure)
    headline = worker_bridge.view(answer, procedure)["deadline"]["headline"]
    assert opening in headline and "nscription" not in headline, headline


def test_a_registration_keeps_its_word(catalog):
    procedure = catalog.get("amu-iut/but1").compiled
    answer = evaluate(procedure, {}, parse_instant("2024-07-20T10:00"))
    assert answer["deadline"]["reason"].startswith("Inscription ouverte jusqu'au ")


def test_an_applications_calendar_speaks_of_applications(catalog):
    procedure = catalog.get(APPLICATION).compiled
    text = procedure_calendar(procedure, datetime(2025, 1, 1, tzinfo=timezone.utc))
    events = Calendar.from_ical(text).walk("VEVENT")
    summaries = sorted(str(event["SUMMARY"]).split(" — ")[0] for event in events)
    assert summaries == ["Clôture des candidatures", "Ouverture des candidatures"]
    assert not _registration_words(text)
    answer = evaluate(procedure, {}, parse_instant("2025-03-01T10:00"))
    mine = student_calendar(procedure, answer, datetime(2025, 1, 1, tzinfo=timezone.utc))
    assert "Votre période de candidature : " in mine.replace("\r\n ", "") and not _registration_words(mine)


def _registration_words(calendar: str) -> list[str]:
    """The unfolded lines that speak of registrations, but for the product's id (PRODID)."""
    lines = calendar.replace("\r\n ", "").split("\r\n")
    return [line for line in lines if "nscription" in line and not line.startswith("PRODID:")]
