"""The registration fee: the amount paid to the institution and the code to tick."""
from __future__ import annotations

from dataclasses import dataclass

from checks.conditions import condition_holds
from checks.sources import contact_of, source_of
from checks.wording import wording
from checks.wording.sentences import sentence


@dataclass(frozen=True)
class FeeDecision:
    """The fee part of the answer (None when the procedure has no fee) and its sentence."""

    part: dict | None
    explanation: str

    @property
    def amount(self) -> float | None:
        return None if self.part is None else self.part["amount_eur"]


def decide_fee(procedure: dict, profile: dict, lang: str = "fr") -> FeeDecision:
    """First procedure rule that holds, else first national exemption, else the default."""
    words = wording(lang)
    fee = procedure.get("fee")
    if fee is None:
        candidature = procedure.get("kind") == "candidature"
        return FeeDecision(None, words.no_fee_sentence(candidature, source_of(None, procedure)))
    rule, exempted = _first_rule(fee, profile)
    if exempted:
        amount, category, category_unknown = 0.0, None, False
    else:
        amount = _euros_or_none(rule.get("amount"))
        category = rule.get("category")
        category_unknown = bool(rule.get("category_unknown"))
    reason = rule.get("reason") or ""
    part = {"amount_eur": amount, "category": category, "reason": sentence(reason)}
    code = None if category is None else category_text(fee, category, lang)
    figure = words.fee_figure(amount, code, category_unknown)
    silent = amount is None or category_unknown
    explanation = words.explained(
        figure, reason, source_of(rule, procedure), ask=silent, contact=contact_of(procedure)
    )
    return FeeDecision(part, explanation)


def category_text(fee: dict, code: str, lang: str = "fr") -> str:
    """`01 Etudiant non boursier`: the code with its label in the portal, when known."""
    label = next(
        (c["label"] for c in fee.get("categories") or () if c.get("code") == code and c.get("label")), None
    )
    return wording(lang).category_text(code, label)


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
