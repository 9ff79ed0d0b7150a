"""`when` conditions: to which students a rule, a window or a step applies."""
from __future__ import annotations

from datetime import date


def condition_holds(when: dict | None, profile: dict, *, without_date: bool = False) -> bool:
    """True when every key of `when` holds for the profile (no `when`: everyone).

    Booleans and single values compare equal, lists mean "one of", and
    `date_acceptation` is `{from, to}` with both bounds included. A profile
    without `date_acceptation` meets such a condition only if `without_date`
    is True (windows keep those periods, the answer says they depend on it).
    """
    if not when:
        return True
    for key, expected in when.items():
        value = profile[key]
        if key == "date_acceptation":
            if value is None:
                if not without_date:
                    return False
            elif not _date_in_bounds(value, expected):
                return False
        elif isinstance(expected, list):
            if value not in expected:
                return False
        elif value != expected or type(value) is not type(expected):
            # type check: `True == 1` must not let a flag match a count
            return False
    return True


def depends_on_date(when: dict | None) -> bool:
    """Whether the condition looks at the date the offer was accepted."""
    return bool(when) and "date_acceptation" in when


def _date_in_bounds(value: date, bounds: dict) -> bool:
    start = bounds.get("from")
    end = bounds.get("to")
    if start is not None and value < _as_date(start):
        return False
    if end is not None and value > _as_date(end):
        return False
    return True


def _as_date(text) -> date:
    return text if isinstance(text, date) else date.fromisoformat(text)
