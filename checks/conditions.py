"""`when` conditions: to which students a rule, a window, a step or a document applies."""
from __future__ import annotations

from datetime import date

# Profile keys a student may leave unsaid (None): a condition on one of them is not
# met, except by the windows, which keep what depends on it and say so.
UNSAID_KEYS = ("plateforme", "date_acceptation")


def condition_holds(when: dict | None, profile: dict, *, keep_unsaid: bool = False) -> bool:
    """True when every key of `when` holds for the profile (no `when`: everyone).

    Booleans and single values compare equal, lists mean "one of", and
    `date_acceptation` is `{from, to}` with both bounds included. A profile
    that leaves a key of UNSAID_KEYS unsaid meets a condition on it only if
    `keep_unsaid` is True (windows keep those periods, the answer says they
    depend on it).
    """
    if not when:
        return True
    for key, expected in when.items():
        value = profile[key]
        if key in UNSAID_KEYS and value is None:
            if not keep_unsaid:
                return False
        elif key == "date_acceptation":
            if not _date_in_bounds(value, expected):
                return False
        elif isinstance(expected, list):
            if value not in expected:
                return False
        elif value != expected or type(value) is not type(expected):
            # type check: `True == 1` must not let a flag match a count
            return False
    return True


def depends_on(when: dict | None, key: str) -> bool:
    """Whether the condition looks at this profile key."""
    return bool(when) and key in when


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
