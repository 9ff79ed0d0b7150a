"""The registration fee: the amount paid to the institution and the code to tick."""
from __future__ import annotations

from dataclasses import dataclass

from checks.conditions import condition_holds
from checks.french import clause, euros, sentence
from checks.sources import source_text, whom_to_ask


@dataclass(frozen=True)
class FeeDecision:
    """The fee part of the answer (None when the procedure has no fee) and its sentence."""

    part: dict | None
    explanation: str

    @property
    def amount(self) -> float | None:
        return None if self.part is None else self.part["amount_eur"]


def decide_fee(procedure: dict, profile: dict) -> FeeDecision:
    """First procedure rule that holds, else first national exemption, else the default."""
    fee = procedure.get("fee")
    if fee is None:
        return FeeDecision(None, _no_fee_sentence(procedure))
    rule, exempted = _first_rule(fee, profile)
    if exempted:
        amount, category, category_unknown = 0.0, None, False
    else:
        amount = _euros_or_none(rule.get("amount"))
        category = rule.get("category")
        category_unknown = bool(rule.get("category_unknown"))
    reason = rule.get("reason") or ""
    part = {"amount_eur": amount, "category": category, "reason": sentence(reason)}
    figure = f"Frais d'inscription : {euros(amount)}"
    if category is not None:
        figure += f", case à cocher « {category_text(fee, category)} »"
    elif category_unknown:
        figure += ", case à cocher non précisée par la notice"
    text = f"{figure} — {clause(reason)}" if clause(reason) else figure
    if amount is None or category_unknown:
        text += f" ; {whom_to_ask(procedure)}"
    return FeeDecision(part, f"{text} {source_text(rule, procedure)}.")


def category_text(fee: dict, code: str) -> str:
    """`01 Etudiant non boursier`: the code with its label in the portal, when known."""
    for category in fee.get("categories") or ():
        if category.get("code") == code and category.get("label"):
            return f"{code} {category['label']}"
    return code


def _first_rule(fee: dict, profile: dict) -> tuple[dict, bool]:
    for rule in fee.get("rules") or ():
        if condition_holds(rule.get("when"), profile):
            return rule, False
    for exemption in fee.get("national_exemptions") or ():
        if condition_holds(exemption.get("when"), profile):
            return exemption, True
    return fee["default"], False


def _euros_or_none(amount) -> float | None:
    return None if amount is None else float(round(float(amount), 2))


def _no_fee_sentence(procedure: dict) -> str:
    if procedure.get("kind") == "candidature":
        what = "aucun dans cette procédure de candidature, la notice n'en mentionne pas"
    else:
        what = "la notice n'en mentionne pas"
    return f"Frais d'inscription : {what} {source_text(None, procedure)}."
