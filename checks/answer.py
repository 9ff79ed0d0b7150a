"""One answer: every part decided for one procedure, one profile, one instant."""
from __future__ import annotations

from datetime import datetime

from checks.conditions import condition_holds
from checks.cvec import decide_cvec
from checks.deadline import decide_deadline
from checks.fee import decide_fee
from checks.paris_time import paris_time
from checks.payment import decide_payment
from checks.profile import parse_profile
from checks.sources import contact_of, source_of
from checks.wording import wording


def evaluate(procedure: dict, profile: dict, at: datetime, lang: str = "fr") -> dict:
    """The contract's answer for this compiled procedure, profile and instant, worded in `lang`.

    `profile` may hold text or parsed values (see `parse_profile`, which raises
    ProfileError); `at` should be aware, a naive one is read as Paris time.
    The answer keeps `at`'s own offset, to the second.
    """
    words = wording(lang)
    student = parse_profile(profile, lang)
    at = paris_time(at) if at.utcoffset() is None else at
    at = at.replace(microsecond=0)
    fee = decide_fee(procedure, student, lang)
    cvec = decide_cvec(procedure, student, lang)
    deadline = decide_deadline(procedure, student, at, lang)
    payment = decide_payment(procedure, student, fee.amount, deadline.periods, at, lang)
    explanation = [fee.explanation, cvec.explanation, deadline.explanation]
    if payment.explanation:
        explanation.append(payment.explanation)
    source = source_of(None, procedure)
    if procedure.get("provisional"):
        explanation.append(words.provisional_sentence(contact_of(procedure), source))
    if procedure.get("academic_year_stated") is False:
        explanation.append(words.assumed_year_sentence(procedure.get("academic_year"), source))
    return {
        "procedure": procedure["id"],
        "academic_year": procedure.get("academic_year"),
        "at": at.isoformat(),
        "fee": fee.part,
        "cvec": cvec.part,
        "deadline": deadline.part,
        "payment": payment.part,
        "steps": steps_for(procedure, student),
        "explanation": explanation,
    }


def steps_for(procedure: dict, profile: dict) -> list[str]:
    """Ids of the procedure's steps that apply to this student, in order."""
    return [step["id"] for step in procedure.get("steps") or () if condition_holds(step.get("when"), profile)]
