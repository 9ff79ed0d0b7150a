"""The instant of a question, read from the command line's or the page's text."""
from __future__ import annotations

from datetime import datetime

from checks.paris_time import paris_time
from checks.wording import wording


def parse_instant(text: str, lang: str = "fr") -> datetime:
    """`2024-07-20T10:00` (Paris time) or `2024-07-20T10:00+00:00` (kept as given).

    Raises ValueError, worded in `lang`, when the text is not such an instant.
    """
    words = wording(lang)
    cleaned = text.strip()
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(words.unreadable_instant(text)) from None
    if moment.tzinfo is None:
        return paris_time(moment)
    return moment
