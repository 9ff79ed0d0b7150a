"""How the student pays the fee: one payment or the instalments they asked for, on the
dates the notice gives and no other."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from checks.deadline import DeadlineDecision, Period
from checks.paris_time import paris_time
from checks.sources import contact_of, source_of
from checks.wording import wording

AT_REGISTRATION = "at_registration"  # the fee (or its first instalment) is paid when registering


@dataclass(frozen=True)
class PaymentDecision:
    """The payment part of the answer (None when the fee is none or unknown) and its sentence."""

    part: dict | None
    explanation: str | None


def decide_payment(
    procedure: dict,
    profile: dict,
    fee: float | None,
    deadline: DeadlineDecision,
    at: datetime,
    lang: str = "fr",
    *,
    contact: str | None = None,
) -> PaymentDecision:
    """The requested plan when the procedure offers it for this fee, else one payment and why.

    Each date is one the notice gives: the first payment on the day the student
    registers when the notice says it is paid then (never once their windows
    have closed), the later ones on the notice's day of the following months.
    """
    if fee is None:
        return PaymentDecision(None, None)
    words = wording(lang)
    contact = contact if contact is not None else contact_of(procedure)
    source = source_of(None, procedure)
    payment = procedure.get("payment") or {}
    offers = payment.get("instalments")  # None: the notice does not say how many are possible
    requested = profile["echeances"]
    refused = _refusal(words, offers, requested, fee, contact)
    count = 1 if refused else requested
    option = next((offer for offer in offers or () if offer["count"] == count), {"count": count})
    if fee == 0:
        # Nothing to pay has no date.
        plan = [{"due": None, "amount_eur": 0.0}]
        return PaymentDecision({"plan": plan, "refused": refused}, words.nothing_to_pay_sentence(refused, source))
    due_kind = option.get("first_due", payment.get("due"))
    first_due = None
    if due_kind == AT_REGISTRATION and not deadline.closed:
        first_due = _registration_day(deadline.periods, at)
    day = payment.get("later_instalments_day")
    dues = [first_due] + [_later_due_date(first_due, months, day) for months in range(1, count)]
    amounts = instalment_amounts(fee, count, option.get("first_share"))
    plan = [{"due": None if due is None else due.isoformat(), "amount_eur": amount} for due, amount in zip(dues, amounts)]
    part = {"plan": plan, "refused": refused}
    if deadline.closed:
        return PaymentDecision(part, words.payment_closed_sentence(fee, contact, source))
    if offers is None and payment.get("due") is None and not payment.get("methods"):
        return PaymentDecision(part, words.payment_unknown_sentence(fee, contact, source))
    explanation = words.payment_sentence(
        list(zip(dues, amounts)),
        day,
        refused,
        source,
        at_least=bool(option.get("at_least")),
        contact=contact,
        # The refusal of a count the notice is silent on already says whom to ask.
        ask=offers is not None or not refused,
    )
    return PaymentDecision(part, explanation)


def instalment_amounts(fee: float, count: int, first_share) -> list[float | None]:
    """`count` amounts summing exactly (in cents) to `fee`: equal shares, or a first share
    (`[numerator, denominator]`, rounded up to the cent) and the rest in equal shares;
    None each when the notice does not give the shares (`"unknown"`)."""
    if count == 1:
        return [fee]
    if first_share == "unknown":
        return [None] * count
    if first_share is None:
        return split_in_cents(fee, count)
    cents = round(fee * 100)
    numerator, denominator = first_share
    first = min(cents, -(-cents * numerator // denominator))
    return [first / 100] + split_in_cents((cents - first) / 100, count - 1)


def split_in_cents(amount: float, count: int) -> list[float]:
    """`count` amounts summing exactly (in cents) to `amount`; the odd cents go on the first."""
    cents = round(amount * 100)
    share, remainder = divmod(cents, count)
    return [(share + remainder) / 100] + [share / 100] * (count - 1)


def _refusal(words, offers, requested: int, fee: float, contact: str | None) -> str | None:
    if requested == 1:
        return None
    if fee == 0:
        return words.refused_for_zero_fee(requested)
    if offers is None:
        return words.refused_not_stated(requested, contact)
    offer = next((o for o in offers if o["count"] == requested), None)
    if offer is None:
        return words.refused_not_offered(requested, sorted(o["count"] for o in offers) or [1])
    minimum = offer.get("min_amount")
    if minimum is not None and fee < minimum:
        return words.refused_below_minimum(requested, minimum, fee)
    return None


def _registration_day(periods: tuple[Period, ...], at: datetime) -> date:
    """The day the student registers: today if they can, else the next opening."""
    if not any(p.holds(at) for p in periods):
        for period in periods:
            if period.start is not None and period.start > at:
                return paris_time(period.start).date()
    return paris_time(at).date()


def _later_due_date(first: date | None, months: int, day: int | None) -> date | None:
    """`day` of the `months`-th month after the first payment's (the last day of a shorter
    month); unknown without the first date or without a day."""
    if first is None or day is None:
        return None
    month_index = first.month - 1 + months
    year, month = first.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day, _days_in_month(year, month)))


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days
