"""Instants of the compiled data and of calendar files, compared in UTC.

In UTC: Python never finds two aware datetimes equal across zones in a
repeated hour (October's second 2:30 in Paris)."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def in_utc(value: str | date | datetime) -> datetime:
    """A compiled ISO instant, or a calendar's DTSTART or DTEND value (a date
    is Paris's midnight of that day), as a UTC instant."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time(), PARIS)
    assert value.tzinfo is not None, "a floating time"
    return value.astimezone(timezone.utc)
