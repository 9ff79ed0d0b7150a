"""The registration fee: the amount paid to the institution and the code to tick."""
from __future__ import annotations

from dataclasses import dataclass

from checks.conditions import condition_holds
from checks.sources import contact_of, kind_of, source_of
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


def decide_fee(procedure: dict, profile: dict, lang: str = "fr", *, contact: str | None = None) -> FeeDecision:
    """The fee, in the order of precedence (checks/README.md): the procedure's rules that
    come before the national exemptions, the national exemptions, the procedure's other
    rules, the national rule for students subject to differentiated fees, the default.

    `contact` is whom to ask what the notice does not say (`contact_of`'s).
    """
    words = wording(lang)
    contact = contact if contact is not None else contact_of(procedure)
    fee = procedure.get("fee")
    if fee is None:
        candidature = kind_of(procedure) == "candidature"
        return FeeDecision(None, words.no_fee_sentence(candidature, source_of(None, procedure)))
    kind, rule = decisive_rule(fee, profile)
    differentiated = fee.get("differentiated") if profile["hors_ue"] else None
    if kind == "differentiated":
        # The notice is silent on what they pay: the national amount is information, not the fee.
        reason = words.differentiated_reason(_information(words, differentiated), contact)
        part = {"amount_eur": None, "category": None, "reason": sentence(reason)}
        figure = words.fee_figure(None, None, False)
        return FeeDecision(part, words.explained(figure, reason, source_of(None, procedure)))
    if kind == "exemption":
        amount, category, category_unknown = 0.0, None, False
    else:
        amount = _euros_or_none(rule.get("amount"))
        category = rule.get("category")
        category_unknown = bool(rule.get("category_unknown"))
    reason = rule.get("reason") or ""
    if amount is None and differentiated is not None:
        reason = words.clauses([reason, _information(words, differentiated)])
    part = {"amount_eur": amount, "category": category, "reason": sentence(reason)}
    code = None if category is None else category_text(fee, category, lang)
    figure = words.fee_figure(amount, code, category_unknown)
    silent = amount is None or category_unknown
    explanation = words.explained(figure, reason, source_of(rule, procedure), ask=silent, contact=contact)
    return FeeDecision(part, explanation)


def decisive_rule(fee: dict, profile: dict) -> tuple[str, dict]:
    """The rule that decides the fee and its kind: `rule`, `exemption` (national),
    `differentiated` (national, for students subject to differentiated fees) or `default`."""
    rules = fee.get("rules") or ()
    for rule in rules:
        if rule.get("before_national_exemptions") and condition_holds(rule.get("when"), profile):
            return "rule", rule
    for exemption in fee.get("national_exemptions") or ():
        if condition_holds(exemption.get("when"), profile):
            return "exemption", exemption
    for rule in rules:
        if not rule.get("before_national_exemptions") and condition_holds(rule.get("when"), profile):
            return "rule", rule
    differentiated = fee.get("differentiated")
    if differentiated is not None and profile["hors_ue"]:
        return "differentiated", differentiated
    return "default", fee["default"]


def category_text(fee: dict, code: str, lang: str = "fr") -> str:
    """`01 Etudiant non boursier`: the code with its label in the portal, when known."""
    label = next(
        (c["label"] for c in fee.get("categories") or () if c.get("code") == code and c.get("label")), None
    )
    return wording(lang).category_text(code, label)


def _information(words, differentiated: dict) -> str:
    return words.differentiated_information(
        _euros_or_none(differentiated.get("amount")),
        differentiated.get("level"),
        differentiated.get("academic_year"),
        differentiated.get("source"),
    )


def _euros_or_none(amount) -> float | None:
    return None if amount is None else float(round(float(amount), 2))
