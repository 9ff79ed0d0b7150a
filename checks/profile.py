"""The student's profile: its keys, their values and defaults (the contract's table).

`parse_profile` is the one door: it takes text (command line, form fields) or
values already parsed, fills in the defaults and refuses, in French, any key
or value outside the contract. Everything after it trusts the profile.
"""
from __future__ import annotations

from datetime import date

REGIMES = ("initiale", "apprentissage", "contrat_pro", "formation_continue")
INSTALMENT_COUNTS = (1, 3, 5)
FLAGS = (
    "boursier",
    "hors_ue",
    "echange",
    "refugie",
    "pupille",
    "deja_inscrit",
    "cvec_deja_acquittee",
)
# The contract's order: the widget asks its questions in this order.
PROFILE_KEYS = (
    "regime",
    "boursier",
    "hors_ue",
    "echange",
    "refugie",
    "pupille",
    "deja_inscrit",
    "date_acceptation",
    "cvec_deja_acquittee",
    "echeances",
)
DEFAULTS = {
    "regime": "initiale",
    "boursier": False,
    "hors_ue": False,
    "echange": False,
    "refugie": False,
    "pupille": False,
    "deja_inscrit": False,
    "date_acceptation": None,
    "cvec_deja_acquittee": False,
    "echeances": 1,
}


class ProfileError(ValueError):
    """An unknown profile key or an impossible value, said in French in one line."""


def parse_profile(values: dict) -> dict:
    """The complete profile (every key, defaults filled in) from text or parsed values.

    Raises ProfileError for an unknown key or an impossible value.
    """
    if not isinstance(values, dict):
        raise ProfileError("Le profil doit être un ensemble de paires clé = valeur.")
    profile = dict(DEFAULTS)
    for key, value in values.items():
        if key not in DEFAULTS:
            raise ProfileError(
                f"Donnée inconnue « {key} » : les données possibles sont {', '.join(PROFILE_KEYS)}."
            )
        profile[key] = _parse_value(key, value)
    return profile


def _parse_value(key: str, value):
    if key == "regime":
        return _parse_regime(value)
    if key == "echeances":
        return _parse_instalments(value)
    if key == "date_acceptation":
        return _parse_date(value)
    return _parse_flag(key, value)


def _parse_flag(key: str, value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() == "true":
        return True
    if isinstance(value, str) and value.strip().lower() == "false":
        return False
    raise ProfileError(f"Valeur « {value} » impossible pour {key} : true ou false attendu.")


def _parse_regime(value) -> str:
    text = value.strip() if isinstance(value, str) else value
    if text in REGIMES:
        return text
    raise ProfileError(
        f"Valeur « {value} » impossible pour regime : {', '.join(REGIMES)} attendu."
    )


def _parse_instalments(value) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value in INSTALMENT_COUNTS:
        return value
    if isinstance(value, str) and value.strip() in ("1", "3", "5"):
        return int(value.strip())
    raise ProfileError(f"Valeur « {value} » impossible pour echeances : 1, 3 ou 5 attendu.")


def _parse_date(value):
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
                return date.fromisoformat(text)
            except ValueError:
                pass
    raise ProfileError(
        f"Date « {value} » impossible pour date_acceptation : AAAA-MM-JJ attendu."
    )
