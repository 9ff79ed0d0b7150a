"""Every word `checks` writes, one module per language, chosen with `wording(lang)`.

A language module (`fr`, `en`) holds the same functions as every other: formatted
figures (amounts, dates, hours), the sentences of the answer, the command
line's text, the calendars, the profile's error messages, the widget's view
and the pieces the site's pages word. The deciding modules (fee, cvec,
deadline, payment…) decide with plain values and ask it for words; a new
language is one more module here, listed in `LANGUAGES`, nothing else.
"""
from __future__ import annotations

from types import ModuleType

from checks.wording import en, fr

_MODULES = {"fr": fr, "en": en}
LANGUAGES = tuple(_MODULES)


def wording(lang: str = "fr") -> ModuleType:
    """The wording module of `lang` (`"fr"`, `"en"`); ValueError for a language it does not have."""
    try:
        return _MODULES[lang]
    except (KeyError, TypeError):
        raise ValueError(
            f"Langue « {lang} » inconnue : {', '.join(LANGUAGES)} attendu."
        ) from None


__all__ = ["LANGUAGES", "wording"]
