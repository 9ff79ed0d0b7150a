"""Properties of every answer, over all profiles and instants, for every real procedure.

Hypothesis draws a procedure of procedures/, a profile (any key set or left
out) and an instant, either anywhere from 2021 to 2027 in any offset or within
minutes of one of the procedure's own openings, closings and closures. Two
tests of 1,200 examples each: 2,400 examples per run, derandomized so that a
failure in CI is reproduced by running the same command.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import evaluate
from checks.profile import FLAGS, INSTALMENT_COUNTS, PLATFORMS, REGIMES
from tests.support.contract import ANSWER_KEYS
from tests.support.paths import REPO

EXAMPLES_PER_TEST = 1200
OFFSETS = [timezone.utc, timezone(timedelta(hours=1)), timezone(timedelta(hours=2)),
           timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
SETTINGS = settings(
    max_examples=EXAMPLES_PER_TEST,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def _procedures() -> list[dict]:
    from generator.model.catalog import load_catalog

    return [record.compiled for record in load_catalog(REPO).procedures]


PROCEDURES = _procedures()


def _boundaries(procedure: dict) -> list[datetime]:
    moments = []
    for window in procedure.get("windows") or ():
        for period in window["periods"]:
            moments += [datetime.fromisoformat(t) for t in (period["start"], period["end"]) if t]
    for closure in procedure.get("closures") or ():
        moments += [datetime.fromisoformat(closure["start"]), datetime.fromisoformat(closure["end"])]
    return moments


profiles = st.fixed_dictionaries(
    {},
    optional={
        "regime": st.sampled_from(REGIMES),
        **{flag: st.booleans() for flag in FLAGS},
        "date_acceptation": st.none() | st.dates(date(2022, 1, 1), date(2026, 12, 31)),
        "plateforme": st.none() | st.sampled_from(PLATFORMS),
        "echeances": st.sampled_from(INSTALMENT_COUNTS),
    },
)
anywhere = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(datetime(2021, 1, 1), datetime(2027, 12, 31)),
    st.sampled_from(OFFSETS),
)
nudges = st.sampled_from([0, 1, 59, 60, 61, 3600, 86400]).flatmap(lambda s: st.sampled_from([s, -s]))


@st.composite
def near_a_boundary(draw, procedure: dict) -> datetime:
    moments = _boundaries(procedure)
    if not moments:
        return draw(anywhere)
    moment = draw(st.sampled_from(moments)) + timedelta(seconds=draw(nudges))
    return moment.astimezone(draw(st.sampled_from(OFFSETS)))


# --- an oracle for `open`, written from the README, independent of the engine ---


def _holds(when: dict, profile: dict) -> bool:
    for key, expected in (when or {}).items():
        default = {"regime": "initiale", "echeances": 1, "date_acceptation": None, "plateforme": None}.get(key, False)
        value = profile.get(key, default)
        if key in ("date_acceptation", "plateforme") and value is None:
            continue  # windows keep what depends on a date or a platform not given
        if key == "date_acceptation":
            if "from" in expected and value < date.fromisoformat(expected["from"]):
                return False
            if "to" in expected and value > date.fromisoformat(expected["to"]):
                return False
        elif isinstance(expected, list):
            if value not in expected:
                return False
        elif value != expected:
            return False
    return True


def _inside(start, end, at) -> bool:
    return (start is None or datetime.fromisoformat(start) <= at) and (end is None or at < datetime.fromisoformat(end))


def _portal_closures(procedure: dict) -> list[dict]:
    return [c for c in procedure.get("closures") or () if c.get("kind", "portal") == "portal"]


def oracle_open(procedure: dict, profile: dict, at: datetime) -> bool:
    """Open: inside one of the student's periods, before the end of the academic year
    (every period ends then at the latest), and no portal closure at `at`."""
    at = at.replace(microsecond=0)
    if any(_inside(c["start"], c["end"], at) for c in _portal_closures(procedure)):
        return False
    if at >= datetime.fromisoformat(procedure["academic_year_end"]["end"]):
        return False
    return any(
        _inside(p["start"], p["end"], at)
        for window in procedure["windows"]
        if _holds(window.get("when"), profile)
        for p in window["periods"]
    )


# --- the properties ---------------------------------------------------------


def _cents(amount: float) -> int:
    return round(amount * 100)


def check_answer(procedure: dict, profile: dict, at: datetime) -> None:
    answer = evaluate(procedure, profile, at)
    assert list(answer) == ANSWER_KEYS
    assert json.loads(json.dumps(answer)) == answer
    assert answer["procedure"] == procedure["id"]
    assert answer["at"] == at.replace(microsecond=0).isoformat()
    assert datetime.fromisoformat(answer["at"]) == at.replace(microsecond=0)

    fee, cvec, deadline, payment = answer["fee"], answer["cvec"], answer["deadline"], answer["payment"]
    assert (fee is None) == (procedure.get("fee") is None)
    assert (cvec is None) == (procedure.get("cvec") is None)
    assert (deadline is None) == (procedure.get("windows") is None)
    if fee is not None:
        assert fee["amount_eur"] is None or fee["amount_eur"] >= 0
    if cvec is not None:
        assert cvec["status"] in ("due", "exempt", "not_subject", "already_paid")
        assert cvec["amount_eur"] is None or cvec["amount_eur"] >= 0
        if cvec["status"] != "due":
            assert cvec["amount_eur"] == 0
        if profile.get("cvec_deja_acquittee") and cvec["status"] == "due":
            pytest.fail("a CVEC already paid this year is never due again")

    if fee is None or fee["amount_eur"] is None:
        assert payment is None
    else:
        check_payment(procedure, profile, at.replace(microsecond=0), fee, payment, deadline)

    if deadline is not None:
        check_deadline(procedure, profile, at.replace(microsecond=0), deadline)

    step_ids = [s["id"] for s in procedure.get("steps") or ()]
    assert answer["steps"] == [s for s in step_ids if s in answer["steps"]]
    documents = [d["id"] for d in procedure.get("documents") or () if d["step"] in answer["steps"]]
    assert answer["documents"] == [d for d in documents if d in answer["documents"]]
    assert answer["explanation"] and all(isinstance(s, str) and s.strip().endswith(".") for s in answer["explanation"])


def check_payment(procedure: dict, profile: dict, at: datetime, fee: dict, payment: dict, deadline: dict | None) -> None:
    plan = payment["plan"]
    amounts = [item["amount_eur"] for item in plan]
    assert all(a is None or a >= 0 for a in amounts)
    if None not in amounts:
        assert sum(_cents(a) for a in amounts) == _cents(fee["amount_eur"])
        assert all(abs(a * 100 - _cents(a)) < 1e-6 for a in amounts), "whole cents"
    requested = profile.get("echeances", 1)
    assert len(plan) == (1 if payment["refused"] else requested)
    assert (payment["refused"] is None) or requested > 1
    dues = [item["due"] for item in plan if item["due"] is not None]
    assert dues == sorted(dues) and len(set(dues)) == len(dues)
    offers = (procedure.get("payment") or {}).get("instalments")
    if offers is None and payment["refused"]:
        assert "n'est pas proposé" not in payment["refused"], "the notice never said it was not offered"
    first = plan[0]["due"]
    if first is None:
        return
    # A first payment is due on a day the student can register, never once their windows are closed.
    assert (procedure.get("payment") or {}).get("due") == "at_registration" or any(
        o.get("first_due") == "at_registration" for o in offers or ()
    )
    if deadline is not None:
        assert deadline["status"] != "closed"
        day = date.fromisoformat(first)
        for closure in _portal_closures(procedure):
            start, end = datetime.fromisoformat(closure["start"]), datetime.fromisoformat(closure["end"])
            assert not (start.date() < day < (end - timedelta(seconds=1)).date()), f"due {first} inside a portal closure"


def check_deadline(procedure: dict, profile: dict, at: datetime, deadline: dict) -> None:
    windows = [
        (None if w["start"] is None else datetime.fromisoformat(w["start"]),
         None if w["end"] is None else datetime.fromisoformat(w["end"]))
        for w in deadline["windows"]
    ]
    for start, end in windows:
        assert start is None or end is None or start < end
    for (_, end), (start, _) in zip(windows, windows[1:]):
        assert end is not None and start is not None and end < start, "windows are sorted and disjoint"
    holding = [(s, e) for s, e in windows if (s is None or s <= at) and (e is None or at < e)]
    later = [s for s, _ in windows if s is not None and s > at]
    expected_status = "open" if holding else "upcoming" if later else "closed"
    assert deadline["status"] == expected_status
    assert (deadline["status"] == "open") == oracle_open(procedure, profile, at)
    boundaries = [t for pair in windows for t in pair if t is not None and t > at]
    expected_next = min(boundaries) if boundaries else None
    next_change = None if deadline["next_change"] is None else datetime.fromisoformat(deadline["next_change"])
    assert next_change == expected_next
    if next_change is not None:
        # A real change: being open or not flips at that instant.
        then = evaluate(procedure, profile, next_change)["deadline"]
        assert (then["status"] == "open") != (deadline["status"] == "open")


@SETTINGS
@given(data=st.data())
def test_answers_hold_at_any_instant(data):
    procedure = data.draw(st.sampled_from(PROCEDURES), label="procedure")
    check_answer(procedure, data.draw(profiles, label="profile"), data.draw(anywhere, label="at"))


@SETTINGS
@given(data=st.data())
def test_answers_hold_around_every_opening_closing_and_closure(data):
    dated = [p for p in PROCEDURES if _boundaries(p)]
    procedure = data.draw(st.sampled_from(dated), label="procedure")
    check_answer(procedure, data.draw(profiles, label="profile"), data.draw(near_a_boundary(procedure), label="at"))


def test_every_seed_procedure_is_drawn_from():
    ids = {p["id"] for p in PROCEDURES}
    assert len(ids) >= 12, sorted(ids)
