"""How the student pays the fee: one payment or the instalments they asked for."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from checks.deadline import Period
from checks.french import clause, day_text, euros
from checks.paris_time import paris_time
from checks.sources import source_text


@dataclass(frozen=True)
class PaymentDecision:
    """The payment part of the answer (None when the fee is none or unknown) and its sentence."""

    part: dict | None
    explanation: str | None


def decide_payment(procedure: dict, profile: dict, fee: float | None, periods: tuple[Period, ...], at: datetime) -> PaymentDecision:
    """The requested plan when the procedure offers it for this fee, else one payment and why."""
    if fee is None:
        return PaymentDecision(None, None)
    payment = procedure.get("payment") or {}
    offers = {offer["count"]: offer for offer in payment.get("instalments") or ()}
    requested = profile["echeances"]
    refused = _refusal(offers, requested, fee)
    count = 1 if refused else requested
    first_due = _first_due_date(periods, at)
    dues = [first_due] + [
        _later_due_date(first_due, months, payment.get("later_instalments_day")) for months in range(1, count)
    ]
    amounts = split_in_cents(fee, count)
    plan = [
        {"due": None if due is None else due.isoformat(), "amount_eur": amount}
        for due, amount in zip(dues, amounts)
    ]
    part = {"plan": plan, "refused": refused}
    return PaymentDecision(part, _sentence(procedure, plan, refused, payment.get("later_instalments_day")))


def split_in_cents(amount: float, count: int) -> list[float]:
    """`count` amounts summing exactly (in cents) to `amount`; the odd cents go on the first."""
    cents = round(amount * 100)
    share, remainder = divmod(cents, count)
    return [(share + remainder) / 100] + [share / 100] * (count - 1)


def _refusal(offers: dict, requested: int, fee: float) -> str | None:
    if requested == 1:
        return None
    if fee == 0:
        return f"Rien à payer : pas de paiement en {requested} fois pour des frais de 0 €."
    offer = offers.get(requested)
    if offer is None:
        counts = sorted(offers) or [1]
        offered = " ou ".join(f"en {c} fois" if c > 1 else "en une fois" for c in counts)
        return f"Le paiement en {requested} fois n'est pas proposé pour cette procédure (paiement possible : {offered})."
    minimum = offer.get("min_amount")
    if minimum is not None and fee < minimum:
        return (
            f"Le paiement en {requested} fois est réservé aux frais d'au moins {euros(minimum)} "
            f"(les vôtres : {euros(fee)}) : paiement en une fois."
        )
    return None


def _first_due_date(periods: tuple[Period, ...], at: datetime) -> date:
    """The day the student registers: today if they can, else the next opening."""
    if not any(p.holds(at) for p in periods):
        for period in periods:
            if period.start is not None and period.start > at:
                return paris_time(period.start).date()
    return paris_time(at).date()


def _later_due_date(first: date, months: int, day: int | None) -> date | None:
    """`day` of the `months`-th following month (the last day of a shorter month); unknown without a day."""
    if day is None:
        return None
    month_index = first.month - 1 + months
    year, month = first.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day, _days_in_month(year, month)))


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


_COUNT_WORDS = {2: "deux", 4: "quatre"}


def _sentence(procedure: dict, plan: list[dict], refused: str | None, day: int | None) -> str:
    first = plan[0]
    when = f"le {day_text(date.fromisoformat(first['due']))}" if first["due"] else "à une date non précisée"
    if len(plan) == 1:
        text = f"Paiement : en une fois, {euros(first['amount_eur'])} {when}"
    else:
        later = plan[1]
        months = _COUNT_WORDS.get(len(plan) - 1, str(len(plan) - 1))
        later_when = (
            f"le {day} de chacun des {months} mois suivants" if day else "aux dates que l'établissement indiquera"
        )
        text = (
            f"Paiement : en {len(plan)} fois, {euros(first['amount_eur'])} {when} "
            f"puis {euros(later['amount_eur'])} {later_when}"
        )
    if refused:
        text += f" — {clause(refused)}"
    return f"{text} {source_text(None, procedure)}."
