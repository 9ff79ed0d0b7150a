"""When a procedure's year is over for a student, at an instant: its academic year has
ended (the compiled end: the notice's, else national.yaml's convention), or every
period of its registration windows has (each with an end the notice gives). The
pages say so above everything; the checker's answer says « close » for such periods."""
from __future__ import annotations

from datetime import datetime

from checks.deadline import bounded_end, year_end_of

YEAR_OVER = "year"  # the academic year has ended
REGISTRATION_OVER = "registration"  # every registration period has, the year goes on


def finished(record, at: datetime) -> str | None:
    """YEAR_OVER, REGISTRATION_OVER or None (not over, or the notice gives no end to say so)."""
    # Every compiled procedure has one (compile.Compiler._academic_year_end).
    if at >= year_end_of(record.compiled):
        return YEAR_OVER
    # Every end as the engine reads it: an unknown or asap end is the academic year's.
    ends = [bounded_end(p, record.compiled) for w in record.compiled["windows"] or [] for p in w["periods"]]
    if ends and all(end is not None and end <= at for end in ends):
        return REGISTRATION_OVER
    return None
