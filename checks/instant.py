"""The instant of a question, read from the command line's or the page's text."""
from __future__ import annotations

from datetime import datetime

from checks.paris_time import FIRST_YEAR, LAST_YEAR, paris_time, within_answered_years
from checks.wording import wording


def parse_instant(text: str, lang: str = "fr") -> datetime:
    """`2024-07-20T10:00` (Paris time) or `2024-07-20T10:00+00:00` (kept as given).

    A Paris time the spring's change skips is the real instant an hour later
    (02:30 is 03:30+02:00); one the autumn's change repeats is the first, in
    summer time. Raises ValueError, worded in `lang`, when the text is not such
    an instant, or not one of FIRST_YEAR to LAST_YEAR in Paris.
    """
    words = wording(lang)
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(words.unreadable_instant(text)) from None
    if not within_answered_years(moment):
        raise ValueError(words.instant_out_of_range(text, FIRST_YEAR, LAST_YEAR))
    if moment.tzinfo is None:
        return paris_time(moment)
    return moment
