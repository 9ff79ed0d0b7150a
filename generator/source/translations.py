"""The data's prose in two languages: French always, English when staff give it.

A prose field of the YAML is written `title: Inscription` or `title: {fr: Inscription,
en: Enrolment}`; either way it checks to a `Words`, which is the French text (every
consumer of the French site sees exactly that) and carries its English text, or None.
`in_language` turns the checked data into one language's: for English, each `Words`
becomes its English text, or a `FrenchText` where none was given, which the English
pages mark `lang="fr"`."""
from __future__ import annotations

import re

LANGUAGES = ("fr", "en")  # the languages a prose field may be written in, French first and required


class Words(str):
    """A prose text of the data: the French text itself, with `.en`, its English text or None."""

    en: str | None

    def __new__(cls, french: str, english: str | None = None):
        words = super().__new__(cls, french)
        words.en = english
        return words

    def __reduce__(self):  # copied or pickled with its English
        return Words, (str(self), self.en)

    def __repr__(self) -> str:
        return f"Words({str(self)!r}, en={self.en!r})"


class FrenchText(str):
    """A French text placed on a page of another language, no translation being given."""

    def __reduce__(self):
        return FrenchText, (str(self),)

    def __repr__(self) -> str:
        return f"FrenchText({str(self)!r})"


def in_language(value, lang: str):
    """`value` (the checked data: dicts, lists, texts) as the site of `lang` shows it: for
    "fr", the value itself; for "en", a copy where each `Words` is its English text, or
    its French one as a `FrenchText` when it has none."""
    if lang == "fr":
        return value
    if isinstance(value, Words):
        return str(value.en) if value.en is not None else FrenchText(value)
    if isinstance(value, dict):
        return {key: in_language(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, lang) for item in value]
    return value


def untranslated(value) -> int:
    """How many prose texts of `value` (checked data) have no English."""
    if isinstance(value, Words):
        return int(value.en is None)
    if isinstance(value, dict):
        return sum(untranslated(item) for item in value.values())
    if isinstance(value, list):
        return sum(untranslated(item) for item in value)
    return 0


def french_texts(value) -> list[FrenchText]:
    """Every `FrenchText` of `value` (data resolved by `in_language`), in order of appearance."""
    if isinstance(value, FrenchText):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in french_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in french_texts(item)]
    return []


def split_french(text: str, french: list[str]) -> list[str]:
    """`text` (a sentence of the site's own, on a page of another language) cut around
    each of `french` it quotes (texts the data gives only in French), those parts as
    `FrenchText`: `["period ‘", FrenchText("Cas n°1"), "’ renamed"]`. Longest first."""
    wanted = sorted({str(t) for t in french if str(t).strip()}, key=len, reverse=True)
    if not wanted:
        return [text]
    pattern = re.compile("|".join(re.escape(t) for t in wanted))
    parts: list[str] = []
    start = 0
    for found in pattern.finditer(text):
        if found.start() > start:
            parts.append(text[start:found.start()])
        parts.append(FrenchText(found.group(0)))
        start = found.end()
    if start < len(text):
        parts.append(text[start:])
    return parts
