"""How the student pays the fee: one payment or the instalments they asked for."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from checks.deadline import Period
from checks.paris_time import paris_time
from checks.sources import source_of
from checks.wording import wording


@dataclass(frozen=True)
class PaymentDecision:
    """The payment part of the answer (None when the fee is none or unknown) and its sentence."""

    part: dict | None
    explanation: str | None


def decide_payment(
    procedure: dict, profile: dict, fee: float | None, periods: tuple[Period, ...], at: datetime, lang: str = "fr"
) -> PaymentDecision:
    """The requested plan when the procedure offers it for this fee, else one payment and why."""
    if fee is None:
        return PaymentDecision(None, None)
    words = wording(lang)
    payment = procedure.get("payment") or {}
    offers = {offer["count"]: offer for offer in payment.get("instalments") or ()}
    requested = profile["echeances"]
    refused = _refusal(words, offers, requested, fee)
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
    explanation = words.payment_sentence(
        list(zip(dues, amounts)), payment.get("later_instalments_day"), refused, source_of(None, procedure)
    )
    return PaymentDecision(part, explanation)


def split_in_cents(amount: float, count: int) -> list[float]:
    """`count` amounts summing exactly (in cents) to `amount`; the odd cents go on the first."""
    cents = round(amount * 100)
    share, remainder = divmod(cents, count)
    return [(share + remainder) / 100] + [share / 100] * (count - 1)


def _refusal(words, offers: dict, requested: int, fee: float) -> str | None:
    if requested == 1:
        return None
    if fee == 0:
        return words.refused_for_zero_fee(requested)
    offer = offers.get(requested)
    if offer is None:
        return words.refused_not_offered(requested, sorted(offers) or [1])
    minimum = offer.get("min_amount")
    if minimum is not None and fee < minimum:
        return words.refused_below_minimum(requested, minimum, fee)
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
