"""What a student or a school takes away from the English site: notices, calendars, open data.

`add_takeaways` writes the takeaways of the English catalog
(`catalog.in_language("en")`) and of the French one into two docs trees, with
every network connection refused; the tests read them back as their users
would (`pypdf`, `icalendar`, `json`): the English ones say the same dates and
amounts as the French ones, in English words, and the French ones stay French.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from checks.wording import en as en_words
from checks.wording import fr as fr_words
from checks.wording import notice, pages
from generator.model.catalog import load_catalog
from generator.outputs.calendars import CALENDAR_FILE
from generator.outputs.open_data import FOLDER, PAGE, procedure_json_path
from generator.outputs.takeaways import add_takeaways
from generator.paths import TEMPLATES_DIR
from generator.render.environment import template_environment
from generator.render.pdf_notice import NOTICE_FILE, french_spacing, markdown_html, notice_html
from generator.source.translations import FrenchText, Words, in_language
from tests.support.no_network import network_refused
from tests.support.paths import REPO
from tests.support.pdf_text import pdf_text, plain

SITE_URL = "https://inscriptions.example.fr/"
STAMP = datetime(2024, 6, 1, 8, 0, tzinfo=timezone.utc)

# Words of the site itself that no English calendar or notice may hold (the data's
# texts left in French are looked for elsewhere: they are the school's, not ours).
FRENCH_CALENDAR_WORDS = ("Ouverture", "Clôture", "Fermeture", "Inscription —", "Candidature —", "inscriptions")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(REPO)


@pytest.fixture(scope="module")
def english(catalog):
    return catalog.in_language("en")


@pytest.fixture(scope="module")
def docs(catalog, english, tmp_path_factory):
    """The takeaways of the bundled procedures, French and English, written with the network refused."""
    written = {}
    for lang, source, site_url in (("fr", catalog, SITE_URL), ("en", english, f"{SITE_URL}en/")):
        folder = tmp_path_factory.mktemp(f"docs-{lang}")
        with network_refused():
            add_takeaways(folder, source, site_url=site_url, stamp=STAMP)
        written[lang] = folder
    return written


def notice_text(docs, lang: str, full_id: str) -> str:
    return pdf_text(PdfReader(docs[lang] / full_id / NOTICE_FILE))


def events(docs, lang: str, full_id: str) -> list:
    text = (docs[lang] / full_id / CALENDAR_FILE).read_bytes().decode("utf-8")
    return Calendar.from_ical(text).walk("VEVENT")


def boundaries(compiled: dict):
    """(iso, kind, side) of every boundary of the procedure's windows."""
    for window in compiled["windows"] or []:
        for period in window["periods"]:
            for side in ("start", "end"):
                yield period[side], period[f"{side}_kind"], side


def figures(compiled: dict) -> dict:
    """What the compiled procedure says in figures, whatever the language of its texts."""
    fee = compiled["fee"] or {}
    return {
        "windows": [(p["start"], p["end"], p["start_kind"], p["end_kind"]) for w in compiled["windows"] or [] for p in w["periods"]],
        "closures": [(c["start"], c["end"], c["kind"]) for c in compiled["closures"]],
        "fees": [r["amount"] for r in fee.get("rules", [])] + [(fee.get("default") or {}).get("amount")],
        "codes": [c["code"] for c in fee.get("categories", [])],
        "cvec": (compiled["cvec"] or {}).get("amount"),
        "end": (compiled["academic_year_end"]["end"], compiled["academic_year_end"]["last_day"]),
    }


# ---------------------------------------------------------------- the notices


def test_english_notices_are_tagged_english_and_titled_with_the_english_title(docs, english):
    for record in english.latest():
        reader = PdfReader(docs["en"] / record.full_id / NOTICE_FILE)
        assert reader.trailer["/Root"]["/Lang"] == "en", record.full_id
        title = plain(reader.metadata.title)
        assert plain(record.data["title"]) in title and record.academic_year in title
        pages = len(reader.pages)
        last = plain(reader.pages[-1].extract_text())
        assert f"Page {pages} of {pages}" in last, record.full_id
        if pages > 1:
            assert f"Academic year {record.academic_year}" in plain(reader.pages[1].extract_text())


def test_english_notices_say_the_french_notices_dates_and_amounts_in_english(docs, catalog, english):
    for record in english.latest():
        french_record = catalog.get(record.full_id)
        assert figures(record.compiled) == figures(french_record.compiled), record.full_id
        text, french_text = notice_text(docs, "en", record.full_id), notice_text(docs, "fr", record.full_id)
        for iso, kind, side in boundaries(record.compiled):
            assert plain(en_words.boundary_text(iso, kind, side)) in text, (record.full_id, iso)
            assert plain(fr_words.boundary_text(iso, kind, side)) in french_text, (record.full_id, iso)
        compiled = record.compiled
        amounts = [r["amount"] for r in (compiled["fee"] or {}).get("rules", []) if r["amount"] is not None]
        if compiled["cvec"] and compiled["cvec"]["amount"] is not None:
            amounts.append(compiled["cvec"]["amount"])
        for amount in amounts:
            assert plain(en_words.amount(amount)) in text, (record.full_id, amount)
            assert plain(fr_words.amount(amount)) in french_text, (record.full_id, amount)


def test_seed_facts_read_in_english(docs):
    wanted = {
        "amu-iut/but1": ["Tuesday 9 July 2024 at 2 pm", "Friday 19 July 2024 at noon", "€175", "€103", "Step 1: "],
        "clermont-inp/doctorat-edspi": ["€397", "€105", "edspi.dred@uca.fr", "D1"],
    }
    for full_id, facts in wanted.items():
        text = notice_text(docs, "en", full_id)
        for fact in facts:
            assert fact in text, f"{full_id}: « {fact} »"


def french_pieces(lang_words: dict, other_words: dict) -> set[str]:
    """The pieces of the notice's own French sentences (around their `{values}`) that its
    English ones do not share, long enough not to be met in a school's text by chance."""
    pieces = set()
    for key, sentence in lang_words.items():
        for piece in re.split(r"\{\w+\}", sentence):
            piece = plain(piece).strip(" :,.()")
            if len(piece) >= 12 and piece not in plain(other_words[key]):
                pieces.add(piece)
    return pieces


class TextOutsideFrench(HTMLParser):
    """The text of an HTML document but its head and every element marked `lang="fr"`."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.hidden: list[bool] = []  # for each open element: is its text left out?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            inside = bool(self.hidden and self.hidden[-1])
            self.hidden.append(inside or tag == "head" or dict(attrs).get("lang") == "fr")

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.hidden:
            self.hidden.pop()

    def handle_data(self, data):
        if not (self.hidden and self.hidden[-1]):
            self.parts.append(data)


def text_outside_french(document: str) -> str:
    parser = TextOutsideFrench()
    parser.feed(document)
    parser.close()
    return plain(" ".join(parser.parts))


def test_english_notices_hold_none_of_the_notices_french_words_and_french_ones_none_of_the_english(docs, english):
    # The notice's words: the headings it shares with the page, and its own.
    french_words, english_words = (
        {key: words for key, words in {**pages(lang), **notice(lang)}.items() if isinstance(words, str)} for lang in ("fr", "en")
    )
    assert set(french_words) == set(english_words)
    french_only = french_pieces(french_words, english_words)
    english_only = french_pieces(english_words, french_words)
    assert any(piece.startswith("Lisez le tableau de haut en bas") for piece in french_only)
    assert "The steps" not in english_only  # too short to tell a school's text from ours
    for record in english.latest():
        # What is not marked French in the English notice: our words, and the school's English.
        ours = text_outside_french(notice_html(record, english.institutions[record.institution_id], lang="en"))
        for piece in french_only:
            assert piece not in ours, (record.full_id, piece)
        text, french_text = notice_text(docs, "en", record.full_id), notice_text(docs, "fr", record.full_id)
        for piece in english_only:
            assert piece not in french_text, (record.full_id, piece)
        assert "Page 1 sur" not in text and "Page 1 of" not in french_text
        assert english_words["steps_title"] in text or english_words["windows_title"] in text


def test_a_text_without_english_is_marked_french_in_the_notice_and_the_notice_says_so(catalog, english):
    record = next(r for r in english.latest() if any(isinstance(s["body"], FrenchText) for s in r.data["steps"]))
    institution = english.institutions[record.institution_id]
    html = notice_html(record, institution, lang="en")
    assert '<html lang="en">' in html
    assert notice("en")["french_parts"] in html
    body = next(s["body"] for s in record.data["steps"] if isinstance(s["body"], FrenchText))
    block = french_spacing(str(markdown_html(body, None)), "en")  # French typography inside it
    assert block.startswith('<div lang="fr">') and block in html
    # The same procedure with an English version of every text: no French part, no notice of one.
    translated = replace(catalog.get(record.full_id), data=_all_in_english(catalog.get(record.full_id).data))
    html = notice_html(translated, _all_in_english(catalog.institutions[record.institution_id]), lang="en")
    assert notice("en")["french_parts"] not in html and 'lang="fr"' not in html


def _all_in_english(value):
    """The checked data resolved for English as if staff had given every text in English."""
    def given(item):
        if isinstance(item, Words):
            return Words(item, f"In English: {item}")
        if isinstance(item, dict):
            return {key: given(v) for key, v in item.items()}
        if isinstance(item, list):
            return [given(v) for v in item]
        return item

    return in_language(given(value), "en")


def test_french_passages_keep_french_typography_in_an_english_notice(english):
    record = english.get("amu-iut/but1")
    institution = english.institutions[record.institution_id]
    html = notice_html(record, institution, lang="en")
    assert f"{en_words.amount(175)}" in html and f"Who is it for?" in html  # no French space before « ? »
    for passage in re.findall(r'<div lang="fr">(.*?)</div>', html, re.S):
        assert re.search(r"\w [:;!?]", re.sub(r"<[^>]*>", "", passage)) is None, passage


def test_french_notices_stay_french(docs, catalog):
    for record in catalog.latest():
        reader = PdfReader(docs["fr"] / record.full_id / NOTICE_FILE)
        assert reader.trailer["/Root"]["/Lang"] == "fr"
        html = notice_html(record, catalog.institutions[record.institution_id])
        assert '<html lang="fr">' in html and 'lang="en"' not in html
        assert notice("en")["french_parts"] not in html


# ---------------------------------------------------------------- the calendars


def test_english_calendars_hold_the_french_calendars_events_in_english(docs, english):
    for record in english.latest():
        english_events, french_events = events(docs, "en", record.full_id), events(docs, "fr", record.full_id)

        def moments(found):
            return sorted((str(e["UID"]), e["DTSTART"].to_ical(), e["DTEND"].to_ical() if "DTEND" in e else None) for e in found)

        assert moments(english_events) == moments(french_events), record.full_id
        for event in english_events:
            summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
            assert str(event["URL"]) == f"{SITE_URL}en/{record.full_id}/"
            assert plain(record.data["title"]) in plain(summary)
            for word in FRENCH_CALENDAR_WORDS:
                assert word not in summary.replace(str(record.data["title"]), ""), (record.full_id, summary)
            assert f"{SITE_URL}en/{record.full_id}/" in description
        for event in french_events:
            assert str(event["URL"]) == f"{SITE_URL}{record.full_id}/"
        names = [
            str(Calendar.from_ical((docs[lang] / record.full_id / CALENDAR_FILE).read_bytes())["X-WR-CALNAME"])
            for lang in ("en", "fr")
        ]
        assert names[1].startswith(("Inscription", "Candidature")), names
        assert not names[0].startswith(("Inscription", "Candidature")) and names[0] != names[1], names


def test_an_english_calendar_reads_in_english(docs):
    found = {(str(e["SUMMARY"]).split(" — ")[0], e["DTSTART"].dt) for e in events(docs, "en", "amu-iut/but1")}
    opening = datetime(2024, 7, 9, 14, 0)
    assert any(when.replace(tzinfo=None) == opening and "open" in summary.lower() for summary, when in found), found


# ---------------------------------------------------------------- open data


def test_english_open_data_is_the_french_data_with_the_english_texts(docs, catalog, english):
    def same(french_value, english_value, where):
        if isinstance(french_value, Words):
            expected = french_value.en if french_value.en is not None else str(french_value)
            assert english_value == expected, where
        elif isinstance(french_value, dict):
            assert set(french_value) == set(english_value), where
            for key in french_value:
                same(french_value[key], english_value[key], f"{where}.{key}")
        elif isinstance(french_value, list):
            assert len(french_value) == len(english_value), where
            for i, (a, b) in enumerate(zip(french_value, english_value)):
                same(a, b, f"{where}[{i}]")
        else:
            assert english_value == json.loads(json.dumps(french_value)), where

    folder = docs["en"] / FOLDER
    for record in catalog.procedures:
        path = folder / procedure_json_path(record.institution_id, record.data["id"], record.academic_year)
        published = json.loads(path.read_text(encoding="utf-8"))
        same(record.data, {k: v for k, v in published.items() if k not in ("full_id", "institution")}, record.full_id)
    for key in catalog.institutions:
        published = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        same(catalog.declared(key), published, key)
    same(catalog.national, json.loads((folder / "national.json").read_text(encoding="utf-8")), "national")
    # The French files hold the French texts.
    but1 = json.loads((docs["fr"] / FOLDER / "amu-iut" / "but1.json").read_text(encoding="utf-8"))
    assert but1["title"] == str(catalog.get("amu-iut/but1").data["title"])


def test_the_english_index_speaks_english_and_leads_to_the_english_takeaways(docs, english):
    index = json.loads((docs["en"] / FOLDER / "index.json").read_text(encoding="utf-8"))
    french_index = json.loads((docs["fr"] / FOLDER / "index.json").read_text(encoding="utf-8"))
    assert index["licence"] == french_index["licence"] and index["schemas"] == french_index["schemas"]
    assert "open data" in index["title"] and "données" not in index["title"].lower()
    assert "authoritative" in index["attribution"]
    french_entries = {entry["full_id"]: entry for entry in french_index["procedures"]}
    assert sorted(french_entries) == sorted(entry["full_id"] for entry in index["procedures"])
    for entry in index["procedures"]:  # in the order of their English titles
        french_entry = french_entries[entry["full_id"]]
        assert entry["urls"] == french_entry["urls"]  # relative: the English index's lead to the English files
        assert entry["title"] == english.get(entry["full_id"]).data["title"]
        for kind in ("json", "pdf", "ics"):
            target = (docs["en"] / FOLDER / entry["urls"][kind]).resolve()
            assert target.is_file() and docs["en"] in target.parents, entry["urls"][kind]
    for kind in index["schemas"].values():
        assert (docs["en"] / FOLDER / kind).is_file()


def test_the_english_open_data_page_is_in_english_and_its_links_lead_to_its_files(docs):
    text = (docs["en"] / PAGE).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Open data\n---")
    assert "# Open data" in text and "## Languages" in text
    for french in ("Données ouvertes", "Les champs", "Adresses", "Exemple", "la notice imprimable"):
        assert french not in text
    assert "```json" in text and "```python" in text and "/en/donnees/index.json" in text
    for target in re.findall(r"\]\(([^)]+)\)", text):
        if not re.match(r"[a-z]+:", target):
            assert (docs["en"] / target).is_file(), target
    assert '<span lang="fr">« à confirmer »</span>' in text


# ---------------------------------------------------------------- the accessibility statement


def test_the_english_accessibility_statement_follows_the_rgaa_model_in_english():
    statement = {
        "status": "partially compliant",
        "publisher": "The University of Example",
        "contact_email": "access@example.org",
        "contact_url": None,
        "audit": None,
        "date": "23 November 2026",
        "site_url": SITE_URL,
    }
    text = template_environment(TEMPLATES_DIR, lang="en").get_template("accessibilite.md.j2").render(statement=statement)
    assert text.startswith("---\ntitle: Accessibility\n---")
    headings = re.findall(r"^#+ (.+)$", text, re.M)
    for heading in ("Accessibility statement", "Compliance status", "Test results", "Non-accessible content",
                    "Preparation of this accessibility statement", "Feedback and contact", "Means of redress"):
        assert heading in headings
    assert "**partially compliant**" in text and "23 November 2026" in text and "mailto:access@example.org" in text
    assert "Déclaration" not in text and "Voies de recours" not in text
    # Every French phrase (the standard's name, the postal address) is marked French.
    for phrase in ("référentiel général", "Libre réponse 71120", "service de"):
        line = next(line for line in text.splitlines() if phrase in line)
        assert '<span lang="fr">' in line.split(phrase)[0], phrase
