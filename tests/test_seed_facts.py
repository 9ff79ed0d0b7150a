"""Every fact of the seed notices that a student needs is on the built site.

The facts live in tests/fixtures/seed_facts.yaml (data a reviewer can read and extend);
this module only knows how to look for them in a procedure's page: in the
visible text of the page's article (or as a link target, for an address), and
for dates in the `datetime` of its `<time>` elements.
"""
from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.support.contract import SEED_PROCEDURES
from tests.support.html_parsing import parse_file
from tests.support.paths import SEED_FACTS

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
# Spaces a renderer may use between a number and its unit, and apostrophes a
# typographer may curl: compared as a plain space and a straight apostrophe.
LOOSE = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'"})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(LOOSE)).strip()


def _pages() -> list[dict]:
    return yaml.safe_load(SEED_FACTS.read_text(encoding="utf-8"))["pages"]


def _cases(key: str) -> list:
    return [
        pytest.param(page["procedure"], str(item), id=f"{page['seed']}-{page['procedure']}-{item}")
        for page in _pages()
        for item in page.get(key) or []
    ]


class _PageReader(HTMLParser):
    """Collects, from the page's <article> (the whole page if it has none),
    the visible text, the link targets and the <time> elements."""

    SKIPPED = {"script", "style", "template"}
    # Where a reader sees a break between words; inline tags (strong, a,
    # code, time...) are read straight through.
    BLOCKS = {
        "address", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "li", "nav",
        "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all_text: list[str] = []
        self.article_text: list[str] = []
        self.links: set[str] = set()
        self.times: list[tuple[str, list[str]]] = []
        self._article_depth = 0
        self._skip_depth = 0
        self._open_time: list[str] | None = None

    def _break(self) -> None:
        self.all_text.append(" ")
        if self._article_depth:
            self.article_text.append(" ")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.BLOCKS:
            self._break()
        if tag == "article":
            self._article_depth += 1
        elif tag in self.SKIPPED:
            self._skip_depth += 1
        elif tag == "a" and attributes.get("href"):
            self.links.add(attributes["href"])
        elif tag == "time" and attributes.get("datetime"):
            self._open_time = []
            self.times.append((attributes["datetime"], self._open_time))

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._break()
        if tag == "article":
            self._article_depth = max(0, self._article_depth - 1)
        elif tag in self.SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "time":
            self._open_time = None

    def handle_data(self, data):
        if self._skip_depth:
            return
        self.all_text.append(data)
        if self._article_depth:
            self.article_text.append(data)
        if self._open_time is not None:
            self._open_time.append(data)


class Page:
    def __init__(self, path: Path):
        reader = parse_file(_PageReader(), path)
        self.text = normalise("".join(reader.article_text or reader.all_text))
        self.links = reader.links
        self.times = [(when, normalise("".join(text))) for when, text in reader.times]

    def has_fact(self, fact: str) -> bool:
        wanted = normalise(fact)
        if wanted in self.text:
            return True
        if wanted.startswith(("http://", "https://")):
            return wanted in self.links or wanted.rstrip("/") in {link.rstrip("/") for link in self.links}
        return False

    def has_instant(self, instant: str) -> bool:
        if "T" in instant:
            return any(when.startswith(instant) for when, _ in self.times)
        day = dt.date.fromisoformat(instant)
        if any(when.startswith(instant) for when, _ in self.times):
            return True
        # A period that runs to the end of `day` closes at the next midnight;
        # its text must still name `day` itself.
        next_midnight = f"{day + dt.timedelta(days=1)}T00:00"
        day_number = "1er" if day.day == 1 else str(day.day)
        spoken = f"{day_number} {MONTHS[day.month - 1]} {day.year}"
        return any(when.startswith(next_midnight) and spoken in text for when, text in self.times)


_loaded: dict[Path, Page] = {}


def page_of(site: Path, procedure: str) -> Page:
    path = site.joinpath(*procedure.split("/"), "index.html")
    if path not in _loaded:
        assert path.is_file(), f"no page for {procedure} at {path}"
        _loaded[path] = Page(path)
    return _loaded[path]


def test_every_seed_procedure_has_facts():
    listed = {page["procedure"] for page in _pages()}
    assert set(SEED_PROCEDURES) <= listed, f"no facts for {sorted(set(SEED_PROCEDURES) - listed)}"
    assert {page["seed"] for page in _pages()} == {"000", "001", "002", "003", "004", "005", "006", "007"}
    for page in _pages():
        assert page.get("facts"), f"{page['procedure']}: no facts listed"
        for fact in page["facts"]:
            assert isinstance(fact, str), f"{page['procedure']}: quote the fact {fact!r} (YAML read it as {type(fact).__name__})"
        for instant in page.get("instants") or []:
            text = str(instant)
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", text), f"{page['procedure']}: bad instant {text!r}"


@pytest.mark.parametrize(("procedure", "fact"), _cases("facts"))
def test_fact_is_on_the_page(built_site, procedure, fact):
    page = page_of(built_site, procedure)
    assert page.has_fact(fact), f"{procedure}: « {fact} » is not on the page"


@pytest.mark.parametrize(("procedure", "instant"), _cases("instants"))
def test_instant_is_on_the_page(built_site, procedure, instant):
    page = page_of(built_site, procedure)
    found = sorted({when for when, _ in page.times})
    assert page.has_instant(instant), f"{procedure}: no <time datetime> for {instant}; the page has {found}"
