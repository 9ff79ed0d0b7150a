"""What every language's wording does alike: the full stops of a text from the data (a
reason, a label or a source is placed inside a sentence, `clause`, or ends one,
`sentence`), and the language-neutral reading of dates, hours and lists the wordings
then put in their own words."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from checks.paris_time import is_midnight, paris_time

# The days of the week as the data names them (a phone's hours), Monday first.
DATA_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# The last day of the shortest month: a later instalment's day past it falls on a shorter month's last day.
SHORTEST_MONTH = 28


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


def joined(items, conjunction: str) -> str:
    """`a, b <conjunction> c`: the items as text, the last two joined by `conjunction`."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def category_text(code: str, label: str | None) -> str:
    """`01 Etudiant non boursier`: the code with its label in the portal, when known."""
    return f"{code} {label}" if label else code


def last_day(end: datetime) -> date:
    """The last Paris day of a period ending at `end`: the day before when it ends at midnight."""
    day = paris_time(end).date()
    return day - timedelta(days=1) if is_midnight(end) else day


def as_date(value: date | str) -> date:
    """A date, or its ISO text."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def day_run(days: list[str]) -> bool:
    """Whether the data's `days` are three days or more following each other, in order."""
    if len(days) < 3 or any(d not in DATA_DAYS for d in days):
        return False
    indexes = [DATA_DAYS.index(d) for d in days]
    return indexes == list(range(indexes[0], indexes[0] + len(days)))


_TIME_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


def time_range(text: str) -> tuple[int, int, int, int] | None:
    """`08:30-12:00` as (8, 30, 12, 0); None for another text."""
    match = _TIME_RANGE.match(str(text).strip())
    return tuple(int(g) for g in match.groups()) if match else None


_ISO_MOMENT = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?\b")


def iso_moments(text: str, words) -> str:
    """Each `2024-07-09` or `2024-07-09 14:00` of a sentence replaced by `words(day, hour, minute)`
    (hour and minute None for a date alone); an impossible date or hour stays as written."""

    def replaced(match: re.Match) -> str:
        year, month, day, hour, minute = match.groups()
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            return match.group(0)
        if hour is None:
            return words(value, None, None)
        if int(hour) < 24 and int(minute) < 60:
            return words(value, int(hour), int(minute))
        return match.group(0)

    return _ISO_MOMENT.sub(replaced, text)
