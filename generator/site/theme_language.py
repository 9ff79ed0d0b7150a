"""The theme's copies of a French-only text on the English site, marked `lang="fr"`.

The pages' templates mark each text the data gives only in French (`render.environment`),
but the theme copies some of them where no template of ours writes: a page's title in
the header and the navigation, a heading in the table of contents, the previous and
next pages in the footer. Both engines write each of those inside an `md-ellipsis`
element; after the engine, each French-only text found in one of an English page's is
put inside `<span lang="fr">` (RGAA 8.7). The page's `<title>`, which can hold no
element, stays as it is.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from generator.source.translations import french_texts

_ELLIPSIS = re.compile(r'(<(span|div) class="md-ellipsis">)([^<]*)(</\2>)')
_SHORTEST = 3  # shorter texts (a code, an initial) are no heading of their own


def french_headings(catalog) -> list[str]:
    """The one-line texts an English catalog shows in French (titles, names), longest
    first: where one holds another, the longer is marked."""
    texts = {
        str(text)
        for text in french_texts([catalog.institutions, [record.data for record in catalog.latest()]])
        if "\n" not in text.strip() and len(text.strip()) >= _SHORTEST
    }
    return sorted((text.strip() for text in texts), key=lambda text: (-len(text), text))


def mark_theme_french(site_dir: Path, texts: list[str]) -> None:
    """Mark `texts` (`french_headings`) inside the theme's `md-ellipsis` elements of
    every page of `site_dir`, the English site."""
    if not texts:
        return
    for page in site_dir.rglob("*.html"):
        original = page.read_text(encoding="utf-8")
        marked = _ELLIPSIS.sub(lambda found: _marked(found, texts), original)
        if marked != original:
            page.write_text(marked, encoding="utf-8")


def _marked(found: re.Match, texts: list[str]) -> str:
    opening, _, inner, closing = found.groups()
    shown = html.unescape(inner)
    for text in texts:
        start = shown.find(text)
        if start >= 0:
            end = start + len(text)
            return (
                opening
                + html.escape(shown[:start], quote=False)
                + '<span lang="fr">' + html.escape(text, quote=False) + "</span>"
                + html.escape(shown[end:], quote=False)
                + closing
            )
    return found.group(0)
