"""Calendar files (iCalendar, RFC 5545) of the registration windows.

Standard library only, like the rest of `checks`: the site builds a
procedure's calendar with it, and the checker builds, in the browser, the
student's own calendar from the engine's answer. The compiled instants carry
their Paris offset; the files give them as Europe/Paris wall-clock times,
with a VTIMEZONE that states the EU summer-time rule (the one
`checks.paris_time` follows), so that any calendar shows the right hour.

Each boundary of a window is one event: the opening, with a reminder when it
opens, and the closing, with a reminder the day before. A boundary at
midnight is a whole day (the notice gave a date without an hour): an opening
on that day, a closing on the day before (the last day, included), whose
reminders ring at 9 h. An open-ended or unknown boundary has no event.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from checks.deadline import year_end_of
from checks.paris_time import is_midnight, paris_offset, paris_time
from checks.sources import kind_of
from checks.wording import wording
from checks.wording.sentences import clause

PRODID = "-//modop//Procédures d'inscription//FR"
TZID = "Europe/Paris"

# France has followed the EU rule since 1996: summer time from the last Sunday
# of March at 2 h (local) to the last Sunday of October at 3 h (local).
PARIS_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "X-LIC-LOCATION:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19960331T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)

# Reminders: a timed opening rings as it opens, a timed closing a day before;
# a whole-day one at 9 h on the opening day, or at 9 h the day before the last day.
_ALARM_AT_OPENING = "PT0S"
_ALARM_DAY_BEFORE = "-P1D"
_ALARM_OPENING_DAY = "PT9H"
_ALARM_DAY_BEFORE_LAST_DAY = "-PT15H"

_MAX_OCTETS = 75


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT. `start`/`end` are aware datetimes, or dates for a whole-day event;
    `end` None is an event without duration (a deadline at an instant)."""

    uid: str
    summary: str
    description: str
    start: datetime | date
    end: datetime | date | None = None
    alarm: str | None = None  # a TRIGGER relative to the start, e.g. -P1D
    alarm_text: str = ""


def procedure_calendar(procedure: dict, stamp: datetime, *, page_url: str | None = None, lang: str = "fr") -> str:
    """Every window period of the compiled procedure and every closure of its portal."""
    events = _window_events(procedure, page_url, lang) + _closure_events(procedure, page_url, lang)
    name = wording(lang).calendar_name(_title(procedure), student=False, kind=kind_of(procedure))
    return _calendar(name, events, stamp, page_url, tentative=bool(procedure.get("provisional")))


def student_calendar(
    procedure: dict, answer: dict, stamp: datetime, *, page_url: str | None = None, lang: str = "fr"
) -> str:
    """This student's windows, as the engine's `answer` gives them (`deadline.windows`); a
    closing at the end of the academic year says the notice gives no other."""
    words = wording(lang)
    deadline = answer.get("deadline") or {}
    year_end = year_end_of(procedure)
    events = []
    for window in deadline.get("windows") or ():
        start, end = _parse(window.get("start")), _parse(window.get("end"))
        context = words.student_period_line(start, end, kind_of(procedure))
        # The engine's windows never touch: an instant names one boundary.
        if start is not None:
            uid = _uid(procedure, f"etudiant-{_UID_SIDES['opening']}-{_utc_stamp(start)}")
            events.append(_boundary_event(procedure, "opening", start, context, page_url, uid, lang))
        if end is not None:
            uid = _uid(procedure, f"etudiant-{_UID_SIDES['closing']}-{_utc_stamp(end)}")
            events.append(
                _boundary_event(procedure, "closing", end, context, page_url, uid, lang, year_end=end == year_end)
            )
    name = words.calendar_name(_title(procedure), student=True, kind=kind_of(procedure))
    return _calendar(name, events, stamp, page_url, tentative=bool(procedure.get("provisional")))


# ---------------------------------------------------------------- events

# The side of a boundary, as the UIDs name it (they stay the same whatever the language).
_UID_SIDES = {"opening": "ouverture", "closing": "cloture"}


def _title(procedure: dict) -> str:
    return procedure.get("title", procedure["id"])


def _window_events(procedure: dict, page_url: str | None, lang: str) -> list[CalendarEvent]:
    """One event per distinct opening and closing: windows sharing an instant share an event."""
    words = wording(lang)
    periods_at: dict[tuple[datetime, str], list[str]] = {}
    for window in procedure.get("windows") or ():
        for period in window.get("periods") or ():
            start, end = _parse(period.get("start")), _parse(period.get("end"))
            line = words.window_period_line(window.get("label") or "", start, end, kind_of(procedure))
            if start is not None:
                periods_at.setdefault((start, "opening"), []).append(line)
            if end is not None:
                periods_at.setdefault((end, "closing"), []).append(line)
    events = []
    for number, ((moment, side), lines) in enumerate(sorted(periods_at.items()), start=1):
        context = "\n".join(dict.fromkeys(lines))
        uid = _uid(procedure, f"{_UID_SIDES[side]}-{number}")
        events.append(_boundary_event(procedure, side, moment, context, page_url, uid, lang))
    return events


def _boundary_event(
    procedure: dict,
    side: str,
    moment: datetime,
    context: str,
    page_url: str | None,
    uid: str,
    lang: str,
    *,
    year_end: bool = False,
) -> CalendarEvent:
    """The opening (`side` "opening") or the closing of a period (`year_end`: the end of
    the academic year, the notice giving no other).

    A whole-day opening is that day; a whole-day closing (at midnight) is the
    day before, the last day, included.
    """
    words = wording(lang)
    title, kind = _title(procedure), kind_of(procedure)
    whole_day = is_midnight(moment)
    day = paris_time(moment).date()
    if side == "closing":
        day -= timedelta(days=1)
    if side == "opening":
        alarm = _ALARM_OPENING_DAY if whole_day else _ALARM_AT_OPENING
    else:
        alarm = _ALARM_DAY_BEFORE_LAST_DAY if whole_day else _ALARM_DAY_BEFORE
    return CalendarEvent(
        uid=uid,
        summary=words.event_summary(side, title, kind),
        description=_description(
            procedure, words.event_first_line(side, moment, year_end=year_end, kind=kind), context, page_url, lang
        ),
        start=day if whole_day else moment,
        end=day + timedelta(days=1) if whole_day else None,
        alarm=alarm,
        alarm_text=words.alarm_text(side, title, kind),
    )


def _closure_events(procedure: dict, page_url: str | None, lang: str) -> list[CalendarEvent]:
    words = wording(lang)
    events = []
    title = _title(procedure)
    names = {contact["id"]: contact.get("name") or contact["text"] for contact in procedure.get("contacts") or ()}
    for number, closure in enumerate(procedure.get("closures") or (), start=1):
        start, end = _parse(closure["start"]), _parse(closure["end"])
        reason = clause(closure.get("reason") or "")
        whole_days = is_midnight(start) and is_midnight(end)
        office = names.get(closure.get("contact")) if closure.get("kind") == "office" else None
        if office:
            summary, first = words.office_closure_summary(office, title), words.office_closure_line(office, start, end)
        else:
            summary, first = words.event_summary("closure", title), words.closure_line(start, end, kind_of(procedure))
        events.append(
            CalendarEvent(
                uid=_uid(procedure, f"fermeture-{number}"),
                summary=summary,
                description=_description(procedure, first, f"{reason}." if reason else "", page_url, lang),
                start=paris_time(start).date() if whole_days else start,
                end=paris_time(end).date() if whole_days else end,
            )
        )
    return events


def _description(procedure: dict, first: str, context: str, page_url: str | None, lang: str) -> str:
    return wording(lang).event_description(
        first,
        context,
        _title(procedure),
        (procedure.get("institution") or {}).get("name"),
        procedure.get("academic_year"),
        bool(procedure.get("provisional")),
        page_url,
    )


def _uid(procedure: dict, part: str) -> str:
    slug = procedure["id"].replace("/", "-")
    return f"{slug}-{procedure.get('academic_year', '')}-{part}@modop"


# ---------------------------------------------------------------- writing


def _calendar(name: str, events: list[CalendarEvent], stamp: datetime, page_url: str | None, *, tentative: bool) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    if page_url:
        lines.append(f"URL:{_uri(page_url)}")
    if any(isinstance(event.start, datetime) or isinstance(event.end, datetime) for event in events):
        lines.extend(PARIS_VTIMEZONE)
    dtstamp = _utc_stamp(stamp)
    for event in events:
        lines.extend(_event_lines(event, dtstamp, page_url, tentative))
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def _event_lines(event: CalendarEvent, dtstamp: str, page_url: str | None, tentative: bool) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{dtstamp}",
        _time_property("DTSTART", event.start),
    ]
    if event.end is not None:
        lines.append(_time_property("DTEND", event.end))
    lines += [
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
        "TRANSP:TRANSPARENT",  # a deadline does not make the student busy
        f"STATUS:{'TENTATIVE' if tentative else 'CONFIRMED'}",
    ]
    if page_url:
        lines.append(f"URL:{_uri(page_url)}")
    if event.alarm:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"TRIGGER:{event.alarm}",
            f"DESCRIPTION:{escape_text(event.alarm_text or event.summary)}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def _time_property(name: str, value: datetime | date) -> str:
    if not isinstance(value, datetime):
        return f"{name};VALUE=DATE:{value.strftime('%Y%m%d')}"
    local = paris_time(value)
    wall = local.replace(tzinfo=None)
    # A wall-clock time names one instant except in October's repeated hour,
    # where a TZID time means the first one: write the second one in UTC.
    if paris_offset(wall.replace(fold=0)) != local.utcoffset():
        return f"{name}:{_utc_stamp(value)}"
    return f"{name};TZID={TZID}:{wall.strftime('%Y%m%dT%H%M%S')}"


def _utc_stamp(moment: datetime) -> str:
    aware = paris_time(moment) if moment.utcoffset() is None else moment
    return aware.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _parse(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and new lines escaped,
    other control characters dropped."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c == "\n" or c == "\t" or ord(c) >= 32 and ord(c) != 127)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _uri(url: str) -> str:
    # A URI value is not escaped; one that would break the line is not written.
    return "".join(c for c in str(url) if ord(c) > 32 and ord(c) != 127)


def fold_line(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    pieces = []
    current, size = [], 0
    limit = _MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
            limit = _MAX_OCTETS - 1  # a continuation line starts with one space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
