"""Silence is never turned into a fact (issue 11): every seed procedure, with any set of
its optional facts left out or « unknown » (fee amounts and codes, the CVEC's amount,
window bounds, the windows, payment and each of its fields, the later instalments' day,
the contacts), answers no number, no due date and no « n'est pas proposé » for what it
no longer states; each such part says « non précis… » (or « n'en donne aucune ») and
whom to ask.

The blanks are made on the compiled procedure, as the generator compiles `unknown`
(tests/engine/test_silent_notices.py checks that compilation on small YAML notices).
"""
from __future__ import annotations

import copy
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from checks import evaluate
from tests.engine.test_properties import PROCEDURES, SETTINGS, anywhere, near_a_boundary, profiles

ASK = "renseignez-vous auprès de"
SILENT = ("non précis", "ne précise", "n'en donne aucune", "ne dit pas")
NOT_OFFERED = "n'est pas proposé"

BLANKS = (
    "fee.amounts",
    "fee.codes",
    "cvec.amount",
    "window.starts",
    "window.ends",
    "windows",
    "payment",
    "payment.methods",
    "payment.due",
    "payment.instalments",
    "payment.later_day",
    "contacts",
)


def blanked(procedure: dict, blanks: set[str]) -> dict:
    """The compiled procedure with each fact of `blanks` as the generator compiles `unknown`."""
    procedure = copy.deepcopy(procedure)
    fee, cvec, payment = procedure.get("fee"), procedure.get("cvec"), procedure["payment"]
    if fee and "fee.amounts" in blanks:
        for outcome in fee["rules"] + [fee["default"]]:
            outcome["amount"] = None
        if fee.get("differentiated"):
            fee["differentiated"]["amount"] = None
    if fee and "fee.codes" in blanks:
        for outcome in fee["rules"] + [fee["default"]]:
            outcome["category"], outcome["category_unknown"] = None, True
    if cvec and "cvec.amount" in blanks:
        cvec["amount"] = None
    for window in procedure.get("windows") or ():
        for period in window["periods"]:
            if "window.starts" in blanks:
                period["start"], period["start_kind"] = None, "unknown"
            if "window.ends" in blanks:
                period["end"], period["end_kind"] = None, "unknown"
    if "windows" in blanks:
        procedure["windows"] = None
    if "payment" in blanks:
        blanks = blanks | {"payment.methods", "payment.due", "payment.instalments", "payment.later_day"}
    if "payment.methods" in blanks:
        payment["methods"] = None
    if "payment.due" in blanks:
        payment["due"] = None
        for offer in payment["instalments"] or ():
            offer["first_due"] = None
    if "payment.instalments" in blanks:
        payment["instalments"] = None
    if "payment.later_day" in blanks:
        payment["later_instalments_day"] = None
    if "contacts" in blanks:
        procedure["contacts"], procedure["unsure"] = [], None
    return procedure


def says_silence_and_whom_to_ask(text: str) -> bool:
    return any(words in text for words in SILENT) and ASK in text


def check_silence(original: dict, blanks: set[str], profile: dict, at: datetime) -> None:
    procedure = blanked(original, blanks)
    answer = evaluate(procedure, profile, at)
    fee_text, cvec_text, deadline_text = answer["explanation"][:3]
    payment_text = next((s for s in answer["explanation"] if s.startswith("Paiement")), None)

    fee = answer["fee"]
    if fee is not None and "fee.amounts" in blanks:
        exemptions = {rule["reason"].rstrip(".") for rule in procedure["fee"]["national_exemptions"]}
        if fee["amount_eur"] is None:
            assert says_silence_and_whom_to_ask(fee_text), fee_text
        else:  # only a national exemption, with its reference, still gives a figure
            assert fee["amount_eur"] == 0.0 and fee["reason"].rstrip(".") in exemptions, fee
    if fee is not None and "fee.codes" in blanks:
        assert fee["category"] is None, fee

    cvec = answer["cvec"]
    if cvec is not None and "cvec.amount" in blanks and cvec["status"] == "due":
        assert cvec["amount_eur"] is None and says_silence_and_whom_to_ask(cvec_text), cvec_text

    deadline = answer["deadline"]
    if "windows" in blanks:
        assert deadline is None and says_silence_and_whom_to_ask(deadline_text), deadline_text
    elif deadline is not None and deadline["windows"]:
        closures = [c for c in procedure["closures"] if c["kind"] == "portal"]
        year_end = procedure["academic_year_end"]["end"]
        if "window.starts" in blanks:
            # No opening but the end of a portal closure that cut a period.
            assert all(w["start"] in (None, *(c["end"] for c in closures)) for w in deadline["windows"]), deadline
            assert says_silence_and_whom_to_ask(deadline["reason"]), deadline["reason"]
        if "window.ends" in blanks:
            # No closing but the end of the academic year, or a portal closure's start.
            assert all(w["end"] in (year_end, *(c["start"] for c in closures)) for w in deadline["windows"]), deadline
            assert says_silence_and_whom_to_ask(deadline["reason"]), deadline["reason"]

    payment = answer["payment"]
    if payment is None or fee["amount_eur"] == 0:
        return
    plan, refused = payment["plan"], payment["refused"]
    if "payment.instalments" in blanks:
        assert refused is None or NOT_OFFERED not in refused, refused
        if profile.get("echeances", 1) > 1:
            assert len(plan) == 1 and says_silence_and_whom_to_ask(refused), refused
    if "payment.due" in blanks:
        assert all(item["due"] is None for item in plan), plan
        assert says_silence_and_whom_to_ask(payment_text) or "close" in payment_text, payment_text
    if "payment.later_day" in blanks:
        assert all(item["due"] is None for item in plan[1:]), plan


blank_sets = st.sets(st.sampled_from(BLANKS), min_size=1)


@SETTINGS
@given(data=st.data())
def test_no_fact_is_stated_where_the_data_is_silent(data):
    procedure = data.draw(st.sampled_from(PROCEDURES), label="procedure")
    check_silence(
        procedure,
        data.draw(blank_sets, label="blanks"),
        data.draw(profiles, label="profile"),
        data.draw(anywhere | near_a_boundary(procedure), label="at"),
    )


def test_every_blank_changes_some_seed_procedure():
    """Each blank has something to blank in the seeds: the property walks them all."""
    for blank in BLANKS:
        assert any(blanked(p, {blank}) != p for p in PROCEDURES), blank
