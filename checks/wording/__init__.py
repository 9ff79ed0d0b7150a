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

from checks.wording import en, fr, notice_en, notice_fr

_MODULES = {"fr": fr, "en": en}
LANGUAGES = tuple(_MODULES)
_NOTICE = {"fr": notice_fr.NOTICE, "en": notice_en.NOTICE}


def wording(lang: str = "fr") -> ModuleType:
    """The wording module of `lang` (`"fr"`, `"en"`); ValueError for a language it does not have."""
    try:
        return _MODULES[lang]
    except (KeyError, TypeError):
        raise ValueError(
            f"Langue « {lang} » inconnue : {', '.join(LANGUAGES)} attendu."
        ) from None


def notice(lang: str = "fr") -> dict:
    """The PDF notice's own words in `lang` (`NOTICE` of notice_<lang>.py): its
    headings and sentences around the figures (site_templates/pdf/notice.html.j2)."""
    wording(lang)  # the same languages, the same error for another
    return _NOTICE[lang]


__all__ = ["LANGUAGES", "notice", "wording"]
