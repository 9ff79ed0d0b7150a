"""The student's profile: its keys, their values and defaults (the contract's table).

`parse_profile` is the one door: it takes text (command line, form fields) or
values already parsed, fills in the defaults and refuses, in the wording's
language (French by default), any key or value outside the contract.
Everything after it trusts the profile.
"""
from __future__ import annotations

from datetime import date

from checks.paris_time import FIRST_YEAR, LAST_YEAR
from checks.wording import wording

REGIMES = ("initiale", "apprentissage", "contrat_pro", "formation_continue")
INSTALMENT_COUNTS = (1, 3, 5)
# The platform the student was admitted through; unset (None) until the student says.
PLATFORMS = ("parcoursup", "ecandidat", "monmaster", "etudes_en_france", "aucune")
# Every key with its default, in the contract's order: the widget asks its questions in this order.
DEFAULTS = {
    "regime": "initiale",
    "boursier": False,
    "hors_ue": False,
    "echange": False,
    "refugie": False,
    "pupille": False,
    "deja_inscrit": False,
    "plateforme": None,
    "date_acceptation": None,
    "cvec_deja_acquittee": False,
    "echeances": 1,
}
PROFILE_KEYS = tuple(DEFAULTS)
FLAGS = tuple(key for key, default in DEFAULTS.items() if isinstance(default, bool))


class ProfileError(ValueError):
    """An unknown profile key or an impossible value, said in one line (French by default)."""


def parse_profile(values: dict, lang: str = "fr") -> dict:
    """The complete profile (every key, defaults filled in) from text or parsed values.

    Raises ProfileError, worded in `lang`, for an unknown key or an impossible value.
    """
    words = wording(lang)
    if not isinstance(values, dict):
        raise ProfileError(words.profile_not_a_mapping())
    profile = dict(DEFAULTS)
    for key, value in values.items():
        if key not in DEFAULTS:
            raise ProfileError(words.unknown_profile_key(key, PROFILE_KEYS))
        profile[key] = _parse_value(key, value, words)
    return profile


def _parse_value(key: str, value, words):
    if key == "regime":
        return _parse_regime(value, words)
    if key == "echeances":
        return _parse_instalments(value, words)
    if key == "date_acceptation":
        return _parse_date(value, words)
    if key == "plateforme":
        return _parse_platform(value, words)
    return _parse_flag(key, value, words)


def _parse_flag(key: str, value, words) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() == "true":
        return True
    if isinstance(value, str) and value.strip().lower() == "false":
        return False
    raise ProfileError(words.impossible_flag(key, value))


def _parse_regime(value, words) -> str:
    text = value.strip() if isinstance(value, str) else value
    if text in REGIMES:
        return text
    raise ProfileError(words.impossible_regime(value, REGIMES))


def _parse_platform(value, words) -> str | None:
    text = value.strip() if isinstance(value, str) else value
    if text is None or text == "":
        return None  # an empty choice: the student did not say
    if text in PLATFORMS:
        return text
    raise ProfileError(words.impossible_platform(value, PLATFORMS))


def _parse_instalments(value, words) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value in INSTALMENT_COUNTS:
        return value
    if isinstance(value, str) and value.strip() in {str(count) for count in INSTALMENT_COUNTS}:
        return int(value.strip())
    raise ProfileError(words.impossible_instalments(value, INSTALMENT_COUNTS))


def _parse_date(value, words):
    if value is None:
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None  # an empty date field: the student did not say
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                day = date.fromisoformat(text)
            except ValueError:
                pass
            else:
                if FIRST_YEAR <= day.year <= LAST_YEAR:  # the years the engine answers for
                    return day
    raise ProfileError(words.impossible_date(value, FIRST_YEAR, LAST_YEAR))
