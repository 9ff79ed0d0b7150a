"""`checks.paris_time` (no zoneinfo, for Pyodide) against zoneinfo's Europe/Paris, over the
years it answers for (FIRST_YEAR to LAST_YEAR), and the instants `parse_instant` reads."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from checks import paris_offset, paris_time, parse_instant
from checks.paris_time import FIRST_YEAR, LAST_YEAR, _last_sunday

PARIS = ZoneInfo("Europe/Paris")


def transitions(year: int) -> list[datetime]:
    """The local wall-clock times around both changes of that year."""
    spring = datetime.combine(_last_sunday(year, 3), datetime.min.time())
    autumn = datetime.combine(_last_sunday(year, 10), datetime.min.time())
    return [day + timedelta(minutes=m) for day in (spring, autumn) for m in range(0, 5 * 60, 1)]


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1))
def test_local_times_around_each_change_match_zoneinfo(year):
    for local in transitions(year):
        for fold in (0, 1):
            moment = local.replace(fold=fold)
            assert paris_offset(moment) == moment.replace(tzinfo=PARIS).utcoffset(), moment


def test_random_local_times_and_instants_match_zoneinfo():
    rng = random.Random(2024)
    start = datetime(FIRST_YEAR, 1, 1)
    span = int((datetime(LAST_YEAR + 1, 1, 1) - start).total_seconds())
    for _ in range(50_000):
        local = start + timedelta(seconds=rng.randrange(span))
        assert paris_offset(local) == local.replace(tzinfo=PARIS).utcoffset(), local
        instant = local.replace(tzinfo=timezone.utc)
        ours = paris_time(instant)
        assert ours.utcoffset() == instant.astimezone(PARIS).utcoffset(), instant
        assert ours == instant
        assert ours.replace(tzinfo=None) == instant.astimezone(PARIS).replace(tzinfo=None)


def test_every_utc_hour_of_a_year_matches_zoneinfo():
    instant = datetime(2030, 1, 1, tzinfo=timezone.utc)
    while instant.year == 2030:
        assert paris_time(instant).utcoffset() == instant.astimezone(PARIS).utcoffset()
        instant += timedelta(minutes=30)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-07-20T10:00", "2024-07-20T10:00:00+02:00"),
        ("2024-12-20T10:00", "2024-12-20T10:00:00+01:00"),
        ("2024-07-20 10:00", "2024-07-20T10:00:00+02:00"),
        ("2024-07-20", "2024-07-20T00:00:00+02:00"),
        ("2024-07-20T10:00+00:00", "2024-07-20T10:00:00+00:00"),
        ("2024-07-20T10:00Z", "2024-07-20T10:00:00+00:00"),
        # 02:30 does not exist on the spring's change: the real instant, an hour later in summer time.
        ("2024-03-31T02:30", "2024-03-31T03:30:00+02:00"),
        ("2024-03-31T02:00", "2024-03-31T03:00:00+02:00"),
        ("2024-03-31T03:00", "2024-03-31T03:00:00+02:00"),
        ("2024-03-31T01:59", "2024-03-31T01:59:00+01:00"),
        # 02:30 comes twice on the autumn's change: the first one, in summer time.
        ("2024-10-27T02:30", "2024-10-27T02:30:00+02:00"),
    ],
)
def test_parse_instant_reads_paris_time_unless_an_offset_is_given(text, iso):
    assert parse_instant(text).isoformat() == iso


@pytest.mark.parametrize("text", ["", "demain", "2024-13-01T10:00", "20/07/2024 10:00", "2024-07-20T25:00"])
def test_parse_instant_refuses_other_text_in_french(text):
    with pytest.raises(ValueError, match="AAAA-MM-JJTHH:MM"):
        parse_instant(text)


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1, 7))
def test_a_skipped_local_time_is_the_real_instant_as_zoneinfo_normalises_it(year):
    spring = datetime.combine(_last_sunday(year, 3), datetime.min.time())
    for minutes in range(0, 5 * 60, 7):
        local = spring + timedelta(minutes=minutes)
        ours = paris_time(local)
        theirs = local.replace(tzinfo=PARIS).astimezone(timezone.utc).astimezone(PARIS)
        assert ours == theirs and ours.utcoffset() == theirs.utcoffset(), local
        assert ours.replace(tzinfo=None) == theirs.replace(tzinfo=None), local


@pytest.mark.parametrize(
    "text",
    [
        "0001-01-01T00:00",
        "9999-12-31T23:59+00:00",
        "9999-12-31T23:00Z",
        f"{FIRST_YEAR - 1}-12-31T23:59",
        f"{LAST_YEAR + 1}-01-01T00:00",
        f"{LAST_YEAR}-12-31T23:30-05:00",  # already the next year in Paris
        f"{FIRST_YEAR}-01-01T00:30+05:00",  # still the year before in Paris
        "0001-01-01T00:00+14:00",
    ],
)
def test_parse_instant_refuses_years_the_engine_does_not_answer_for(text):
    with pytest.raises(ValueError) as refused:
        parse_instant(text)
    message = str(refused.value)
    assert f"entre {FIRST_YEAR} et {LAST_YEAR}" in message and text in message, message


@pytest.mark.parametrize("text", [f"{FIRST_YEAR}-01-01T00:00", f"{LAST_YEAR}-12-31T23:59", f"{LAST_YEAR}-12-31T22:59+00:00"])
def test_parse_instant_reads_the_first_and_last_minutes_it_answers_for(text):
    assert FIRST_YEAR <= paris_time(parse_instant(text)).year <= LAST_YEAR
