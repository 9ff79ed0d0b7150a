"""When the student can register: their windows, the portal's closures, the status at an instant."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from checks.conditions import condition_holds, depends_on_date
from checks.french import clause, on_text, period_text, until_text
from checks.sources import source_text, whom_to_ask


# Said when the profile has no acceptance date and some of the student's windows depend on it.
DEPENDS_ON_DATE = (
    "ces périodes dépendent de la date à laquelle vous avez accepté la proposition d'admission : "
    "indiquez-la pour connaître la vôtre"
)


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


def decide_deadline(procedure: dict, profile: dict, at: datetime) -> DeadlineDecision:
    """The student's periods (their windows minus the closures, joined) and where `at` falls."""
    windows = procedure.get("windows")
    if windows is None:
        return DeadlineDecision(None, _no_dates_sentence(procedure))
    chosen = [w for w in windows if condition_holds(w.get("when"), profile, without_date=True)]
    date_missing = profile["date_acceptation"] is None and any(depends_on_date(w.get("when")) for w in chosen)
    raw = [_period(p) for w in chosen for p in w.get("periods") or ()]
    closures = [_closure(c) for c in procedure.get("closures") or ()]
    cut = [piece for period in raw for piece in _without_closures(period, closures)]
    periods = tuple(_merged(cut))
    status, next_change = _status(periods, at)
    reason = _reason(procedure, chosen, raw, periods, closures, status, at, date_missing)
    part = {
        "status": status,
        "windows": [{"start": _iso(p.start), "end": _iso(p.end)} for p in periods],
        "next_change": _iso(next_change),
        "reason": reason + ".",
    }
    return DeadlineDecision(part, f"{reason} {source_text(None, procedure)}.", periods)


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


def _reason(procedure, chosen, raw, periods, closures, status, at, date_missing) -> str:
    if not periods:
        if chosen:
            text = "Inscription close : les périodes d'inscription sont entièrement couvertes par la fermeture du portail"
        else:
            text = "Inscription : aucune période d'inscription de la notice ne correspond à votre situation"
        return f"{text} ; {whom_to_ask(procedure)}"
    parts = [status_text(periods, status, at)]
    labels = [clause(w["label"]) for w in chosen if w.get("label")]
    if labels:
        parts.append("période" + ("s" if len(labels) > 1 else "") + " de la notice : " + ", ".join(f"« {label} »" for label in labels))
    if date_missing:
        parts.append(DEPENDS_ON_DATE)
    for closed_from, closed_to, why in closures:
        # Said when it cuts one of the student's periods or closes the portal right now.
        if closed_from <= at < closed_to or any(_overlaps(p, closed_from, closed_to) for p in raw):
            parts.append(f"portail fermé {period_text(closed_from, closed_to)}" + (f" ({clause(why)})" if clause(why) else ""))
    unknown = _unknown_bounds(periods)
    if unknown:
        parts.append(f"{unknown} : {whom_to_ask(procedure)}")
    return " ; ".join(parts)


def _overlaps(period: Period, start: datetime, end: datetime) -> bool:
    return (period.end is None or period.end > start) and (period.start is None or period.start < end)


def status_text(periods, status: str, at: datetime) -> str:
    """`Inscription ouverte jusqu'au …`: the status in one clause, for the answer and the text."""
    if status == "open":
        current = next(p for p in periods if p.holds(at))
        if current.end is None:
            return "Inscription ouverte, sans date de fermeture indiquée"
        return f"Inscription ouverte {until_text(current.end)}"
    if status == "upcoming":
        upcoming = next(p for p in periods if p.start is not None and p.start > at)
        earlier = any(p.start is None or p.start <= at for p in periods)
        if earlier:
            return f"Inscription fermée pour l'instant : elle rouvre {on_text(upcoming.start)}"
        return f"Inscription pas encore ouverte : elle ouvre {on_text(upcoming.start)}"
    return f"Inscription close : votre dernière période courait {until_text(periods[-1].end)}"


def _unknown_bounds(periods) -> str:
    if any(p.start_kind == "unknown" for p in periods) and any(p.end_kind == "unknown" for p in periods):
        return "la notice ne précise ni l'ouverture ni la fermeture de certaines périodes"
    if any(p.start_kind == "unknown" for p in periods):
        return "la notice ne précise pas la date d'ouverture"
    if any(p.end_kind == "unknown" for p in periods):
        return "la notice ne précise pas la date de fermeture"
    return ""


def _no_dates_sentence(procedure: dict) -> str:
    return (
        "Dates d'inscription : la notice n'en donne aucune ; "
        f"{whom_to_ask(procedure)} {source_text(None, procedure)}."
    )
