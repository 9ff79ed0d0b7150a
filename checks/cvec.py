"""The CVEC (contribution de vie étudiante et de campus): due, exempt, not subject or already paid."""
from __future__ import annotations

from dataclasses import dataclass

from checks.conditions import condition_holds
from checks.sources import contact_of, source_of
from checks.wording import wording
from checks.wording.sentences import sentence


@dataclass(frozen=True)
class CvecDecision:
    """The CVEC part of the answer (None when the procedure has none) and its sentence."""

    part: dict | None
    explanation: str


def decide_cvec(procedure: dict, profile: dict, lang: str = "fr", *, contact: str | None = None) -> CvecDecision:
    """Who must pay the CVEC.

    A procedure rule that holds decides first: `not_subject` ends there;
    `exempt` and `due` still give way to a CVEC already paid this year, and
    `due` (the student is subject) to the national exemptions. Without such a
    rule: national `not_subject`, then `already_paid`, then national
    `exempt`, else `due`. `contact` is whom to ask what the notice does not say.
    """
    cvec = procedure.get("cvec")
    if cvec is None:
        return CvecDecision(None, wording(lang).no_cvec_sentence(source_of(None, procedure)))
    status, rule = _status_and_rule(cvec, profile)
    amount = None if cvec.get("amount") is None else float(cvec["amount"])
    if status != "due":
        amount = 0.0
    words = wording(lang)
    # The engine's own reason when no rule gives one; its source is the CVEC's.
    reason = words.cvec_reason(status) if rule is None else rule.get("reason") or ""
    source = source_of(rule or {"source": cvec.get("source")}, procedure)
    part = {"status": status, "amount_eur": amount, "reason": sentence(reason)}
    figure = words.cvec_status(status, amount, "answer", procedure.get("academic_year"))
    explanation = words.explained(
        figure, reason, source, ask=amount is None,
        contact=contact if contact is not None else contact_of(procedure),
    )
    return CvecDecision(part, explanation)


def _status_and_rule(cvec: dict, profile: dict) -> tuple[str, dict | None]:
    """The status and the rule that decides it (None: `already_paid`, or `due` by default)."""
    rule = _first(cvec.get("rules"), profile)
    if rule is not None and rule.get("status") == "not_subject":
        return "not_subject", rule
    if rule is None:
        national = _first(cvec.get("not_subject"), profile)
        if national is not None:
            return "not_subject", national
    if profile["cvec_deja_acquittee"]:
        return "already_paid", None
    if rule is not None and rule.get("status") == "exempt":
        return "exempt", rule
    national = _first(cvec.get("exempt"), profile)
    if national is not None:
        return "exempt", national
    return "due", rule


def _first(rules, profile: dict) -> dict | None:
    for rule in rules or ():
        if condition_holds(rule.get("when"), profile):
            return rule
    return None
