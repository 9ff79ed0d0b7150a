"""One answer: every part decided for one procedure, one profile, one instant."""
from __future__ import annotations

from datetime import datetime

from checks.cvec import decide_cvec
from checks.deadline import decide_deadline
from checks.fee import decide_fee
from checks.paris_time import paris_time
from checks.payment import decide_payment
from checks.profile import parse_profile
from checks.sources import contact_of, source_of
from checks.steps import documents_for, steps_for
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
    contact = contact_of(procedure, at, lang)  # whom to ask, at this instant
    fee = decide_fee(procedure, student, lang, contact=contact)
    cvec = decide_cvec(procedure, student, lang, contact=contact)
    deadline = decide_deadline(procedure, student, at, lang, contact=contact)
    payment = decide_payment(procedure, student, fee.amount, deadline, at, lang, contact=contact)
    explanation = [fee.explanation, cvec.explanation, deadline.explanation]
    if payment.explanation:
        explanation.append(payment.explanation)
    source = source_of(None, procedure)
    if procedure.get("provisional"):
        explanation.append(words.provisional_sentence(contact, source))
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
        "documents": documents_for(procedure, student),
        "explanation": explanation,
    }
