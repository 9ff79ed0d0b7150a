"""Every amount of the built site keeps its « € » on its line: a no-break space
(U+00A0) before the sign, whether the amount was worded by checks.wording or typed
in a text of the YAML (« Payer la CVEC (103 €) »). Read as a student reads it: the
text of the pages (their tables of contents included), of the PDF notices, of the
calendars, and the checker's answers to the procedures' questions."""
from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser

from pypdf import PdfReader

from checks import answer_text, evaluate, parse_instant
from checks.calendar import student_calendar
from checks.profile import FLAGS, INSTALMENT_COUNTS, REGIMES
from checks.worker_bridge import view

BREAKING = re.compile(r"\d[ \t\r\n]+€")
KEPT_WHOLE = re.compile(r"\d\u00a0€")


class VisibleText(HTMLParser):
    """The text of a page as shown (scripts and styles left out), entities resolved."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def offenders(texts: dict[str, str]) -> list[str]:
    """Each amount written with a breaking space before « € », in its context."""
    return [
        f"{where}: {text[max(0, match.start() - 40):match.end() + 10]!r}"
        for where, text in texts.items()
        for match in BREAKING.finditer(text)
    ]


def test_the_pattern_finds_a_breaking_space_before_the_euro_sign():
    assert len(offenders({"p": "la CVEC (103 €), puis 12\n€"})) == 2
    assert offenders({"p": "la CVEC (103\u00a0€), 3\u202f770,50\u00a0€, 1 000\u00a0€"}) == []
    assert page_text("<p>103&nbsp;€<script>var a = '1 €'</script></p>") == "103\u00a0€"


def test_the_pages_write_every_amount_with_a_no_break_space(built_site):
    texts = {str(path.relative_to(built_site)): page_text(path.read_text(encoding="utf-8")) for path in sorted(built_site.rglob("*.html"))}
    assert len(texts) > 15
    assert offenders(texts) == []
    assert sum(len(KEPT_WHOLE.findall(text)) for text in texts.values()) > 100, "the pages say almost no amount: is the parser broken?"


def test_the_notices_write_every_amount_with_a_no_break_space(built_site):
    texts = {
        str(path.relative_to(built_site)): "\n".join(page.extract_text() for page in PdfReader(path).pages)
        for path in sorted(built_site.rglob("notice.pdf"))
    }
    assert len(texts) > 10
    assert offenders(texts) == []
    assert sum(len(KEPT_WHOLE.findall(text)) for text in texts.values()) > 100


def test_the_calendars_write_every_amount_with_a_no_break_space(built_site):
    texts = {}
    for path in sorted(built_site.rglob("*.ics")):
        folded = path.read_bytes().decode("utf-8")
        texts[str(path.relative_to(built_site))] = folded.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")
    assert len(texts) > 10
    assert offenders(texts) == []


def profiles(procedure: dict) -> list[dict]:
    """One student per answer of each question this procedure asks, and one per pair of flags."""
    questions = procedure["questions"]
    flags = [key for key in questions if key in FLAGS]
    found = [{}] + [{key: True} for key in flags] + [dict.fromkeys(pair, True) for pair in itertools.combinations(flags, 2)]
    if "regime" in questions:
        found += [{"regime": regime} for regime in REGIMES]
    if "echeances" in questions:
        found += [{"echeances": count} for count in INSTALMENT_COUNTS]
    if "date_acceptation" in questions:
        year = int(procedure["academic_year"][:4])
        found += [{"date_acceptation": f"{year}-{month:02d}-15"} for month in (6, 7, 8)]
    return found


def test_the_checkers_answers_write_every_amount_with_a_no_break_space(built_site):
    texts = {}
    for path in sorted((built_site / "data").rglob("*.json")):
        procedure = json.loads(path.read_text(encoding="utf-8"))
        year = int(procedure["academic_year"][:4])
        for number, profile in enumerate(profiles(procedure)):
            for at in (f"{year}-06-01T10:00", f"{year}-07-20T10:00", f"{year}-09-01T10:00"):
                answer = evaluate(procedure, profile, parse_instant(at))
                where = f"{path.relative_to(built_site)} #{number} {at}"
                texts[where] = "\n".join(
                    [
                        answer_text(answer, procedure),
                        json.dumps(view(answer, procedure), ensure_ascii=False),
                        student_calendar(procedure, answer, parse_instant(at)).replace("\r\n ", ""),
                    ]
                )
    assert len(texts) > 100
    assert offenders(texts) == []
    assert sum(len(KEPT_WHOLE.findall(text)) for text in texts.values()) > 1000
