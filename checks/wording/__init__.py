"""Every word `checks` writes, one module per language, chosen with `wording(lang)`.

A language module (`fr`, `en`) holds the same functions as every other: formatted
figures (amounts, dates, hours), the sentences of the answer, the command
line's text, the calendars, the profile's error messages, the widget's view
and the pieces the site's pages word. The deciding modules (fee, cvec,
deadline, payment…) decide with plain values and ask it for words; a new
language is one more module here, listed in `LANGUAGES`, nothing else.

The site's own words around the data (headings, captions, sentences of the page
templates) are one dict per language, `PAGES` of `pages_<lang>`, with the same keys
in every language: `pages(lang)`.
"""
from __future__ import annotations

from types import ModuleType

from checks.wording import en, fr, pages_en, pages_fr

_MODULES = {"fr": fr, "en": en}
LANGUAGES = tuple(_MODULES)
_PAGES = {"fr": pages_fr.PAGES, "en": pages_en.PAGES}


def wording(lang: str = "fr") -> ModuleType:
    """The wording module of `lang` (`"fr"`, `"en"`); ValueError for a language it does not have."""
    return _of_language(_MODULES, lang)


def pages(lang: str = "fr") -> dict:
    """The site's own words of `lang` (`PAGES`); ValueError for a language it does not have."""
    return _of_language(_PAGES, lang)


def _of_language(choices: dict, lang: str):
    try:
        return choices[lang]
    except (KeyError, TypeError):
        raise ValueError(
            f"Langue « {lang} » inconnue : {', '.join(choices)} attendu."
        ) from None


__all__ = ["LANGUAGES", "pages", "wording"]
