"""When the student can register: their windows, the portal's closures, the status at an instant."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from checks.conditions import condition_holds, depends_on_date
from checks.sources import contact_of, source_of
from checks.wording import wording


class Period(NamedTuple):
    """A stretch of time in which the student can register; None is open-ended.

    The kinds say where a bound comes from: `instant`, `date`, `asap`,
    `unknown` (the notice does not say), or `closure` (cut by a closure).
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


def decide_deadline(procedure: dict, profile: dict, at: datetime, lang: str = "fr") -> DeadlineDecision:
    """The student's periods (their windows minus the closures, joined) and where `at` falls."""
    words = wording(lang)
    source = source_of(None, procedure)
    windows = procedure.get("windows")
    if windows is None:
        return DeadlineDecision(None, words.no_dates_sentence(contact_of(procedure), source))
    chosen = [w for w in windows if condition_holds(w.get("when"), profile, without_date=True)]
    date_missing = profile["date_acceptation"] is None and any(depends_on_date(w.get("when")) for w in chosen)
    raw = [_period(p) for w in chosen for p in w.get("periods") or ()]
    closures = [_closure(c) for c in procedure.get("closures") or ()]
    cut = [piece for period in raw for piece in _without_closures(period, closures)]
    periods = tuple(_merged(cut))
    status, next_change = _status(periods, at)
    reason = _reason(lang, contact_of(procedure), chosen, raw, periods, closures, status, at, date_missing)
    part = {
        "status": status,
        "windows": [{"start": _iso(p.start), "end": _iso(p.end)} for p in periods],
        "next_change": _iso(next_change),
        "reason": reason + ".",
    }
    return DeadlineDecision(part, words.explained(reason, "", source), periods)


def answer_periods(deadline: dict) -> tuple[Period, ...]:
    """An answer's `deadline.windows` as periods, for the text and the widget to word them."""
    return tuple(Period(_parse(w["start"]), _parse(w["end"]), "instant", "instant") for w in deadline["windows"])


def _parse(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _period(period: dict) -> Period:
    start, end = _parse(period.get("start")), _parse(period.get("end"))
    start_kind = period.get("start_kind") or ("instant" if start else "asap")
    end_kind = period.get("end_kind") or ("instant" if end else "unknown")
    return Period(start, end, start_kind, end_kind)


def _closure(closure: dict) -> tuple[datetime, datetime, str]:
    return _parse(closure["start"]), _parse(closure["end"]), closure.get("reason") or ""


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


def _reason(lang, contact, chosen, raw, periods, closures, status, at, date_missing) -> str:
    words = wording(lang)
    if not periods:
        return words.no_period(bool(chosen), contact)
    parts = [status_text(periods, status, at, lang)]
    labels = [w["label"] for w in chosen if w.get("label")]
    if labels:
        parts.append(words.window_labels(labels))
    if date_missing:
        parts.append(words.DEPENDS_ON_DATE)
    for closed_from, closed_to, why in closures:
        # Said when it cuts one of the student's periods or closes the portal right now.
        if closed_from <= at < closed_to or any(_overlaps(p, closed_from, closed_to) for p in raw):
            parts.append(words.portal_closed(closed_from, closed_to, why))
    start_unknown = any(p.start_kind == "unknown" for p in periods)
    end_unknown = any(p.end_kind == "unknown" for p in periods)
    if start_unknown or end_unknown:
        parts.append(words.unknown_bounds(start_unknown, end_unknown, contact))
    return words.clauses(parts)


def _overlaps(period: Period, start: datetime, end: datetime) -> bool:
    return (period.end is None or period.end > start) and (period.start is None or period.start < end)


def status_text(periods, status: str, at: datetime, lang: str = "fr") -> str:
    """`Inscription ouverte jusqu'au …`: the status in one clause, for the answer, the text and the widget."""
    words = wording(lang)
    if status == "open":
        current = next(p for p in periods if p.holds(at))
        return words.deadline_status(status, current.end)
    if status == "upcoming":
        upcoming = next(p for p in periods if p.start is not None and p.start > at)
        earlier = any(p.start is None or p.start <= at for p in periods)
        return words.deadline_status(status, upcoming.start, reopening=earlier)
    return words.deadline_status(status, periods[-1].end)
