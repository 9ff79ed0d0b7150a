"""Amounts, dates and times written the French way, without locales (Pyodide has none)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from checks.paris_time import paris_time

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def euros(amount: float | None) -> str:
    """`175 €`, `132,34 €`, `3 770 €`; `montant non précisé` for an unknown amount."""
    if amount is None:
        return "montant non précisé"
    cents = round(amount * 100)
    units, rest = divmod(abs(cents), 100)
    grouped = f"{units:,}".replace(",", " ")
    sign = "-" if cents < 0 else ""
    if rest:
        return f"{sign}{grouped},{rest:02d} €"
    return f"{sign}{grouped} €"


def day_text(day: date) -> str:
    """`lundi 1er juillet 2024`."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[day.weekday()]} {number} {MONTHS[day.month - 1]} {day.year}"


def clock_text(moment: datetime) -> str:
    """`12 h`, `14 h 30`."""
    if moment.minute:
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour} h"


def moment_text(moment: datetime) -> str:
    """`mercredi 24 juillet 2024 à 12 h`, in Paris time."""
    local = paris_time(moment)
    return f"{day_text(local.date())} à {clock_text(local)}"


def is_midnight(moment: datetime) -> bool:
    local = paris_time(moment)
    return (local.hour, local.minute, local.second) == (0, 0, 0)


def until_text(end: datetime) -> str:
    """`jusqu'au mercredi 24 juillet 2024 à 12 h`; an end at midnight is the day before, included."""
    if is_midnight(end):
        last_day = paris_time(end).date() - timedelta(days=1)
        return f"jusqu'au {day_text(last_day)} inclus"
    return f"jusqu'au {moment_text(end)}"


def from_text(start: datetime) -> str:
    """`à partir du jeudi 22 août 2024 à 14 h`; a start at midnight is that whole day."""
    if is_midnight(start):
        return f"à partir du {day_text(paris_time(start).date())}"
    return f"à partir du {moment_text(start)}"


def on_text(start: datetime) -> str:
    """`le jeudi 22 août 2024 à 14 h`, or `le jeudi 22 août 2024` at midnight."""
    if is_midnight(start):
        return f"le {day_text(paris_time(start).date())}"
    return f"le {moment_text(start)}"


def period_text(start: datetime | None, end: datetime | None) -> str:
    """`du … au …`, `jusqu'au …`, `à partir du …` or `sans date` for a period."""
    if start is None and end is None:
        return "sans date d'ouverture ni de fermeture indiquée"
    if start is None:
        return until_text(end)
    if end is None:
        return from_text(start)
    opening = from_text(start).replace("à partir du ", "du ", 1)
    closing = until_text(end).replace("jusqu'au ", "au ", 1)
    return f"{opening} {closing}"


def clause(text: str) -> str:
    """The text without its final full stop, to be placed inside a sentence."""
    text = text.strip()
    while text.endswith("."):
        text = text[:-1].rstrip()
    return text


def sentence(text: str) -> str:
    """The text ending with one full stop (reasons in the data may carry their own)."""
    text = clause(text)
    if not text or text.endswith(("?", "!", "…")):
        return text
    return text + "."
