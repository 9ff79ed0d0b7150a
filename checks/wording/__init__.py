"""Every word `checks` writes, one module per language, chosen with `wording(lang)`.

A language module (`fr`, `en`) holds the same functions as every other: formatted
figures (amounts, dates, hours), the sentences of the answer, the command
line's text, the calendars, the profile's error messages, the widget's view
and the pieces the site's pages word. The deciding modules (fee, cvec,
deadline, payment…) decide with plain values and ask it for words; a new
language is one more module here, listed in `LANGUAGES`, nothing else.

The site's own words around the data (headings, captions, sentences of the page
templates) are one dict per language, `PAGES` of `pages_<lang>`, with the same keys
in every language: `pages(lang)`; the checker widget's are `widget(lang)`, the PDF
notice's `notice(lang)`.
"""
from __future__ import annotations

from types import ModuleType

from checks.wording import en, fr, notice_en, notice_fr, pages_en, pages_fr, widget_en, widget_fr

_MODULES = {"fr": fr, "en": en}
LANGUAGES = tuple(_MODULES)
_PAGES = {"fr": pages_fr.PAGES, "en": pages_en.PAGES}
_WIDGET = {"fr": widget_fr.WIDGET, "en": widget_en.WIDGET}
_NOTICE = {"fr": notice_fr.NOTICE, "en": notice_en.NOTICE}


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


def widget(lang: str = "fr") -> dict:
    """The checker widget's own words in `lang` (`WIDGET` of widget_<lang>.py): what
    form.html and site_templates/checker/ write around the answer; ValueError for a
    language it does not have."""
    return _of_language(_WIDGET, lang)


def notice(lang: str = "fr") -> dict:
    """The PDF notice's own words in `lang` (`NOTICE` of notice_<lang>.py): its
    headings and sentences around the figures (site_templates/pdf/notice.html.j2);
    ValueError for a language it does not have."""
    return _of_language(_NOTICE, lang)


__all__ = ["LANGUAGES", "notice", "pages", "widget", "wording"]
