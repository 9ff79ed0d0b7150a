"""When the student can register: their windows, bounded by the end of the academic
year, minus the portal's closures, and the status at an instant."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from checks.conditions import UNSAID_KEYS, condition_holds, depends_on
from checks.sources import contact_of, kind_of, source_of
from checks.wording import wording

# The kind of an end that the end of the academic year replaced: the notice gave
# none (`unknown`), said « as soon as possible » (`asap`), or gave a later one.
YEAR_END = "year_end"


class Period(NamedTuple):
    """A stretch of time in which the student can register; None is open-ended.

    The kinds say where a bound comes from: `instant`, `date`, `asap`,
    `unknown` (the notice does not say), `closure` (cut by a closure) or, for
    an end, `year_end` (the end of the academic year, where the notice gives
    no end or a later one).
    """

    start: datetime | None
    end: datetime | None
    start_kind: str
    end_kind: str

    def holds(self, at: datetime) -> bool:
        return (self.start is None or self.start <= at) and (self.end is None or at < self.end)


@dataclass(frozen=True)
class DeadlineDecision:
    """The deadline part of the answer (None when the notice gives no dates) and its sentence."""

    part: dict | None
    explanation: str
    periods: tuple[Period, ...] = ()

    @property
    def closed(self) -> bool:
        """Whether the notice gives dates and none is left for this student."""
        return self.part is not None and self.part["status"] == "closed"


def decide_deadline(
    procedure: dict, profile: dict, at: datetime, lang: str = "fr", *, contact: str | None = None
) -> DeadlineDecision:
    """The student's periods (their windows bounded by the year's end, minus the
    portal's closures, joined) and where `at` falls. `contact`: whom to ask."""
    words = wording(lang)
    source = source_of(None, procedure)
    contact = contact if contact is not None else contact_of(procedure)
    windows = procedure.get("windows")
    if windows is None:
        return DeadlineDecision(None, words.no_dates_sentence(contact, source))
    chosen = [w for w in windows if condition_holds(w.get("when"), profile, keep_unsaid=True)]
    unsaid = [
        key for key in UNSAID_KEYS if profile[key] is None and any(depends_on(w.get("when"), key) for w in chosen)
    ]
    raw = [_period(p) for w in chosen for p in w.get("periods") or ()]
    year_end = year_end_of(procedure)
    bounded = [period for period in (bounded_period(p, year_end) for p in raw) if period is not None]
    closures = portal_closures(procedure)
    cut = [piece for period in bounded for piece in _without_closures(period, closures)]
    periods = tuple(_merged(cut))
    status, next_change = _status(periods, at)
    facts = _Facts(chosen, raw, periods, closures, year_end, unsaid, covered=bool(bounded))
    reason = _reason(lang, contact, facts, status, at, procedure)
    part = {
        "status": status,
        "windows": [{"start": _iso(p.start), "end": _iso(p.end)} for p in periods],
        "next_change": _iso(next_change),
        "reason": reason + ".",
    }
    return DeadlineDecision(part, words.explained(reason, "", source), periods)


def year_end_of(procedure: dict) -> datetime | None:
    """The end of the procedure's academic year (exclusive), past which no window stays open."""
    end = (procedure.get("academic_year_end") or {}).get("end")
    return None if end is None else datetime.fromisoformat(end)


def bounded_period(period: Period, year_end: datetime | None) -> Period | None:
    """The period ending at the latest at the end of the academic year (None: it starts after it)."""
    if year_end is None:
        return period
    if period.start is not None and period.start >= year_end:
        return None
    if period.end is None or period.end > year_end:
        return Period(period.start, year_end, period.start_kind, YEAR_END)
    return period


def bounded_end(period: dict, procedure: dict) -> datetime | None:
    """A compiled period's end as the engine reads it: bounded by the end of the academic year."""
    bounded = bounded_period(_period(period), year_end_of(procedure))
    return None if bounded is None else bounded.end


def portal_closures(procedure: dict) -> list[tuple[datetime, datetime, str]]:
    """The closures of the portal (registration impossible); an office's closure cuts nothing."""
    return [
        (_parse(c["start"]), _parse(c["end"]), c.get("reason") or "")
        for c in procedure.get("closures") or ()
        if c.get("kind", "portal") == "portal"
    ]


def answer_periods(deadline: dict, year_end: datetime | None = None) -> tuple[Period, ...]:
    """An answer's `deadline.windows` as periods, for the text and the widget to word them;
    an end at `year_end` (the procedure's `year_end_of`) is the end of the academic year."""
    return tuple(
        Period(_parse(w["start"]), end, "instant", YEAR_END if end is not None and end == year_end else "instant")
        for w in deadline["windows"]
        for end in (_parse(w["end"]),)
    )


@dataclass(frozen=True)
class _Facts:
    chosen: list  # the student's windows
    raw: list  # their periods, as the notice gives them
    periods: tuple  # the answer's periods
    closures: list  # the portal's closures
    year_end: datetime | None
    unsaid: list  # profile keys left unsaid that some of the windows depend on
    covered: bool  # some periods were there before the closures cut them

    def replaced_ends(self) -> list[str]:
        """How the notice gives the ends that the end of the academic year replaced:
        `unknown`, `asap`, or `past` (an end after it)."""
        if self.year_end is None:
            return []
        kinds = {p.end_kind if p.end is None else "past" for p in self.raw if p.end is None or p.end > self.year_end}
        return sorted(kinds)


def _parse(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _period(period: dict) -> Period:
    start, end = _parse(period.get("start")), _parse(period.get("end"))
    start_kind = period.get("start_kind") or ("instant" if start else "asap")
    end_kind = period.get("end_kind") or ("instant" if end else "unknown")
    return Period(start, end, start_kind, end_kind)


def _without_closures(period: Period, closures) -> list[Period]:
    """The period minus every closure: zero, one or two pieces per closure."""
    pieces = [period]
    for closed_from, closed_to, _ in closures:
        kept = []
        for piece in pieces:
            ends_before = piece.end is not None and piece.end <= closed_from
            starts_after = piece.start is not None and piece.start >= closed_to
            if ends_before or starts_after:
                kept.append(piece)
                continue
            # The closure overlaps the piece: keep what lies before and after it.
            if piece.start is None or piece.start < closed_from:
                kept.append(Period(piece.start, closed_from, piece.start_kind, "closure"))
            if piece.end is None or piece.end > closed_to:
                kept.append(Period(closed_to, piece.end, "closure", piece.end_kind))
        pieces = kept
    return pieces


def _start_key(period: Period):
    # Open-ended starts first; aware datetimes compare across offsets.
    return (period.start is not None, period.start or datetime.min)


def _merged(periods: list[Period]) -> list[Period]:
    """Sorted, with overlapping or touching periods joined: windows never overlap."""
    merged: list[Period] = []
    for period in sorted(periods, key=_start_key):
        if merged:
            last = merged[-1]
            if last.end is None:
                continue
            if period.start is None or period.start <= last.end:
                if period.end is None or period.end > last.end:
                    merged[-1] = Period(last.start, period.end, last.start_kind, period.end_kind)
                continue
        merged.append(period)
    return merged


def _status(periods: tuple[Period, ...], at: datetime) -> tuple[str, datetime | None]:
    for period in periods:
        if period.holds(at):
            return "open", period.end
        if period.start is not None and period.start > at:
            return "upcoming", period.start
    return "closed", None


def _reason(lang, contact, facts: _Facts, status, at, procedure: dict) -> str:
    words = wording(lang)
    year_end = procedure.get("academic_year_end") or {}
    if not facts.periods:
        return words.no_period(facts.covered, contact, kind_of(procedure))
    parts = [status_text(facts.periods, status, at, lang, kind_of(procedure))]
    labels = [w["label"] for w in facts.chosen if w.get("label")]
    if labels:
        parts.append(words.window_labels(labels))
    parts += [words.depends_on(key) for key in facts.unsaid]
    for closed_from, closed_to, why in facts.closures:
        # Said when it cuts one of the student's periods or closes the portal right now.
        if closed_from <= at < closed_to or any(_overlaps(p, closed_from, closed_to) for p in facts.raw):
            parts.append(words.portal_closed(closed_from, closed_to, why))
    start_unknown = any(p.start_kind == "unknown" for p in facts.periods)
    end_unknown = any(p.end_kind == "unknown" for p in facts.periods)  # only without a year's end
    replaced = facts.replaced_ends()
    if start_unknown or end_unknown:
        parts.append(words.unknown_bounds(start_unknown, end_unknown, contact, ask=not replaced))
    if replaced:
        parts.append(words.year_end_bound(replaced, facts.year_end, bool(year_end.get("convention")), contact))
    return words.clauses(parts)


def _overlaps(period: Period, start: datetime, end: datetime) -> bool:
    return (period.end is None or period.end > start) and (period.start is None or period.start < end)


def status_text(periods, status: str, at: datetime, lang: str = "fr", kind: str = "inscription") -> str:
    """`Inscription ouverte jusqu'au …`: the status in one clause, for the answer, the text and the widget;
    `kind` is the procedure's (`kind_of`)."""
    words = wording(lang)
    if status == "open":
        current = next(p for p in periods if p.holds(at))
        return words.deadline_status(status, current.end, year_end=current.end_kind == YEAR_END, kind=kind)
    if status == "upcoming":
        upcoming = next(p for p in periods if p.start is not None and p.start > at)
        earlier = any(p.start is None or p.start <= at for p in periods)
        return words.deadline_status(status, upcoming.start, reopening=earlier, kind=kind)
    return words.deadline_status(status, periods[-1].end, year_end=periods[-1].end_kind == YEAR_END, kind=kind)
