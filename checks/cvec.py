"""The CVEC (contribution de vie étudiante et de campus): due, exempt, not subject or already paid."""
from __future__ import annotations

from dataclasses import dataclass

from checks.conditions import condition_holds
from checks.french import clause, euros, sentence
from checks.sources import source_text, whom_to_ask

_ALREADY_PAID_REASON = (
    "La CVEC n'est due qu'une fois par année universitaire, quel que soit le nombre "
    "d'inscriptions : présentez l'attestation que vous avez déjà"
)
_DUE_REASON = "Aucune exonération ni dispense de la CVEC ne s'applique à votre situation"

_FIGURES = {
    "not_subject": "CVEC : non concerné(e), rien à faire",
    "already_paid": "CVEC : déjà acquittée cette année universitaire, rien à payer",
    "exempt": "CVEC : exonération, 0 € (l'attestation d'exonération reste à obtenir)",
}


@dataclass(frozen=True)
class CvecDecision:
    """The CVEC part of the answer (None when the procedure has none) and its sentence."""

    part: dict | None
    explanation: str


def decide_cvec(procedure: dict, profile: dict) -> CvecDecision:
    """Who must pay the CVEC.

    A procedure rule that holds decides first: `not_subject` ends there;
    `exempt` and `due` still give way to a CVEC already paid this year, and
    `due` (the student is subject) to the national exemptions. Without such a
    rule: national `not_subject`, then `already_paid`, then national
    `exempt`, else `due`.
    """
    cvec = procedure.get("cvec")
    if cvec is None:
        return CvecDecision(None, _no_cvec_sentence(procedure))
    rule = _first(cvec.get("rules"), profile)
    if rule is not None and rule.get("status") == "not_subject":
        return _decided(procedure, cvec, "not_subject", rule)
    if rule is None:
        national = _first(cvec.get("not_subject"), profile)
        if national is not None:
            return _decided(procedure, cvec, "not_subject", national)
    if profile["cvec_deja_acquittee"]:
        return _decided(procedure, cvec, "already_paid", {"reason": _ALREADY_PAID_REASON, "source": cvec.get("source")})
    if rule is not None and rule.get("status") == "exempt":
        return _decided(procedure, cvec, "exempt", rule)
    national = _first(cvec.get("exempt"), profile)
    if national is not None:
        return _decided(procedure, cvec, "exempt", national)
    if rule is not None:
        return _decided(procedure, cvec, "due", rule)
    return _decided(procedure, cvec, "due", {"reason": _DUE_REASON, "source": cvec.get("source")})


def _first(rules, profile: dict) -> dict | None:
    for rule in rules or ():
        if condition_holds(rule.get("when"), profile):
            return rule
    return None


def _decided(procedure: dict, cvec: dict, status: str, rule: dict) -> CvecDecision:
    amount = None if cvec.get("amount") is None else float(cvec["amount"])
    if status != "due":
        amount = 0.0
    reason = rule.get("reason") or ""
    part = {"status": status, "amount_eur": amount, "reason": sentence(reason)}
    if status == "due":
        year = procedure.get("academic_year")
        figure = f"CVEC {year} : {euros(amount)} à payer" if year else f"CVEC : {euros(amount)} à payer"
    else:
        figure = _FIGURES[status]
    text = f"{figure} — {clause(reason)}" if clause(reason) else figure
    if amount is None:
        text += f" ; {whom_to_ask(procedure)}"
    return CvecDecision(part, f"{text} {source_text(rule, procedure)}.")


def _no_cvec_sentence(procedure: dict) -> str:
    return f"CVEC : la notice de cette procédure n'en parle pas {source_text(None, procedure)}."
