"""`<institution>/<procedure>/calendrier.ics` beside each procedure's page: every window
and closure of the procedure (RFC 5545), written by `checks.calendar` as the checker
writes a student's own calendar in the browser, in the language of the procedure's site."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from checks.calendar import procedure_calendar

CALENDAR_FILE = "calendrier.ics"


def write_calendar(record, folder: Path, stamp: datetime, page_url: str | None, lang: str = "fr") -> None:
    """The procedure's calendar into folder, worded in `lang` (the record's); `page_url`,
    when known, is linked from each event."""
    calendar = procedure_calendar(record.compiled, stamp, page_url=page_url, lang=lang)
    (folder / CALENDAR_FILE).write_bytes(calendar.encode("utf-8"))  # bytes: the CRLF stay as they are


def build_stamp() -> datetime:
    """The build's instant: SOURCE_DATE_EPOCH when set (reproducible builds), else now. The
    calendars' DTSTAMP, and the instant a year is judged over at (`model.year_end`)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)
