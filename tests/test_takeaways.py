"""What a student or a school takes away, for every real procedure: calendars, PDF notices, open data.

`add_takeaways` writes them once into a docs tree (with every network
connection refused); the tests read them back as their users would: the
calendars with `icalendar`, compared with the engine's windows; the notices
with `pypdf`, searched for the procedure's facts and their accessibility
structure; the JSON files against the JSON Schemas the site publishes.
"""
from __future__ import annotations

import html

import json
import re
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest
from icalendar import Calendar
from pypdf import PdfReader

from checks import evaluate, parse_instant
from checks.calendar import student_calendar
from checks.wording import fr as french
from checks.wording.fr import CLOSED_PORTAL
from generator.model.catalog import load_catalog
from generator.outputs.open_data import LICENCE, published_procedure
from generator.render.views import procedure_view
from generator.outputs.takeaways import add_takeaways, takeaway_links
from generator.render.page_paths import procedure_page
from tests.support.instants import in_utc
from tests.support.no_network import network_refused
from tests.support.paths import REPO
from tests.support.pdf_text import pdf_text, plain

SITE_URL = "https://inscriptions.example.fr/"
STAMP = datetime(2024, 6, 1, 8, 0, tzinfo=timezone.utc)

PROFILES = [
    {},
    {"deja_inscrit": "true"},
    {"date_acceptation": "2024-07-10"},
    {"date_acceptation": "2024-07-20", "boursier": "true"},
    {"date_acceptation": "2024-08-25", "regime": "apprentissage"},
    {"regime": "formation_continue", "cvec_deja_acquittee": "true"},
]
INSTANTS = ["2022-07-01T10:00", "2024-07-25T10:00", "2025-09-01T10:00"]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(REPO)


@pytest.fixture(scope="module")
def docs(catalog, tmp_path_factory):
    """The takeaways of the bundled procedures, written with the network refused."""
    folder = tmp_path_factory.mktemp("docs")
    with network_refused():
        started = time.perf_counter()
        add_takeaways(folder, catalog, site_url=SITE_URL, stamp=STAMP)
        print(f"add_takeaways: {time.perf_counter() - started:.1f} s for {len(catalog.latest())} procedures")
    return folder


OPENING, CLOSING = "opening", "closing"
# The summaries' words of an opening and a closing, for registrations and applications.
SIDES = {
    "Ouverture des inscriptions": OPENING,
    "Clôture des inscriptions": CLOSING,
    "Ouverture des candidatures": OPENING,
    "Clôture des candidatures": CLOSING,
}


def boundaries(text: str) -> list[tuple[str, datetime]]:
    """(side, instant) of each opening and closing event; a whole-day closing ends at its DTEND."""
    found = []
    for event in Calendar.from_ical(text).walk("VEVENT"):
        kind = SIDES.get(str(event["SUMMARY"]).split(" — ")[0])
        if kind is None:
            continue  # a closure of the portal or of an office
        start = event["DTSTART"].dt
        whole_day = not isinstance(start, datetime)
        if kind == CLOSING and whole_day:
            found.append((kind, in_utc(event["DTEND"].dt)))
        else:
            found.append((kind, in_utc(start)))
    return sorted(found)


def ids(catalog) -> list[str]:
    return [record.full_id for record in catalog.latest()]


# ---------------------------------------------------------------- calendars


def test_every_procedure_has_a_calendar_of_all_its_window_boundaries_and_closures(docs, catalog):
    for record in catalog.latest():
        path = docs / record.institution_id / record.data["id"] / "calendrier.ics"
        text = path.read_bytes().decode("utf-8")
        assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
        compiled = record.compiled
        expected = sorted(
            {("start", p["start"]) for w in compiled["windows"] or [] for p in w["periods"] if p["start"]}
            | {("end", p["end"]) for w in compiled["windows"] or [] for p in w["periods"] if p["end"]}
        )
        expected = sorted({(OPENING if side == "start" else CLOSING, in_utc(moment)) for side, moment in expected})
        assert boundaries(text) == expected, record.full_id
        events = Calendar.from_ical(text).walk("VEVENT")
        for kind, prefix in (("portal", CLOSED_PORTAL), ("office", "Fermeture : ")):
            closures = [
                (in_utc(e["DTSTART"].dt), in_utc(e["DTEND"].dt)) for e in events if str(e["SUMMARY"]).startswith(prefix)
            ]
            stated = [(in_utc(c["start"]), in_utc(c["end"])) for c in compiled["closures"] if c["kind"] == kind]
            assert sorted(closures) == sorted(stated), (record.full_id, kind)
        for event in Calendar.from_ical(text).walk("VEVENT"):
            assert str(event["URL"]) == f"{SITE_URL}{record.full_id}/"
            assert record.data["title"] in str(event["SUMMARY"])


def test_a_students_calendar_holds_exactly_the_engines_windows(catalog):
    checked = 0
    for record in catalog.latest():
        for profile in PROFILES:
            for at in INSTANTS:
                answer = evaluate(record.compiled, profile, parse_instant(at))
                text = student_calendar(record.compiled, answer, STAMP)
                windows = (answer["deadline"] or {}).get("windows") or []
                expected = sorted(
                    [(OPENING, in_utc(w["start"])) for w in windows if w["start"]]
                    + [(CLOSING, in_utc(w["end"])) for w in windows if w["end"]]
                )
                assert boundaries(text) == expected, (record.full_id, profile, at)
                checked += len(expected)
    assert checked > 100


# ---------------------------------------------------------------- notices


def expected_facts(record, institution) -> list[str]:
    """What a student must find in the notice: windows, closures, fees, CVEC, contacts."""
    page = procedure_view(record, institution)
    facts = [page["title"], page["institution"]["name"], page["year"]]
    for window in page["windows"] or []:
        facts.append(window["label"])
        for period in window["periods"]:
            facts += [period["start"]["text"], period["end"]["text"]]
    for closure in page["closures"]:
        facts += [closure["start"]["text"], closure["end"]["text"], closure["reason"]]
    if page["fee"]:
        for row in page["fee"]["rows"]:
            facts.append(french.amount(row["amount"]) if row["amount"] is not None else "non précisé par la notice")
        facts += [c["code"] for c in page["fee"]["categories"]]
    if page["cvec"] and page["cvec"]["amount"] is not None:
        facts.append(french.amount(page["cvec"]["amount"]))
    for contact in page["contacts"]:
        facts.append(contact["name"])
        facts += contact["emails"]
        facts += [phone["number"] for phone in contact["phones"]]
    for number, step in enumerate(page["steps"], start=1):
        facts.append(f"Étape {number} : {step['title']}")
    return [plain(fact) for fact in facts if fact]


def test_every_notice_holds_the_procedures_windows_fees_and_contacts(docs, catalog):
    for record in catalog.latest():
        reader = PdfReader(docs / record.institution_id / record.data["id"] / "notice.pdf")
        text = pdf_text(reader)
        for fact in expected_facts(record, catalog.institutions[record.institution_id]):
            assert fact in text, f"{record.full_id}: « {fact} » absent de la notice"


def test_seed_facts_are_in_the_notices(docs):
    facts = {
        "amu-iut/but1": ["mardi 9 juillet 2024 à 14 h", "vendredi 19 juillet 2024 à 12 h", "175 €", "103 €"],
        "clermont-inp/doctorat-edspi": ["397 €", "105 €", "edspi.dred@uca.fr", "D1"],
        "clermont-inp/isima-apprentissage": ["Fermeture estivale"],
    }
    for full_id, wanted in facts.items():
        text = pdf_text(PdfReader(docs / full_id / "notice.pdf"))
        for fact in wanted:
            assert fact in text, f"{full_id}: « {fact} »"


def _fonts(reader: PdfReader):
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            yield font
            for descendant in font.get("/DescendantFonts", []):
                yield descendant.get_object()


def test_every_notice_is_tagged_titled_in_french_a4_with_embedded_fonts_and_links(docs, catalog):
    for record in catalog.latest():
        reader = PdfReader(docs / record.institution_id / record.data["id"] / "notice.pdf")
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "fr"
        assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
        assert "/StructTreeRoot" in root and root["/StructTreeRoot"].get_object().get("/K") is not None
        assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
        title = plain(reader.metadata.title)
        assert plain(record.data["title"]) in title and record.academic_year in title
        assert b"pdfuaid:part=\"1\"" in reader.xmp_metadata.stream.get_data()
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1  # A4 in points
        described = [font.get("/FontDescriptor") for font in _fonts(reader) if font.get("/Subtype") != "/Type0"]
        assert described
        for descriptor in described:
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), descriptor.get("/FontName")
        uris = {
            annotation.get_object()["/A"].get("/URI")
            for page in reader.pages
            for annotation in page.get("/Annots", []) or []
            if "/A" in annotation.get_object()
        }
        assert f"{SITE_URL}{record.full_id}/" in uris
        page = procedure_view(record, catalog.institutions[record.institution_id])
        for step in page["steps"]:
            for portal in step["portals"]:
                if portal["url"]:
                    assert portal["url"] in uris, (record.full_id, portal["url"])
        for contact in page["contacts"]:
            for email in contact["emails"]:
                assert f"mailto:{email}" in uris
            for phone in contact["phones"]:
                assert phone["uri"] in uris


def test_notices_number_their_pages_and_carry_the_institution_and_year_in_the_header(docs):
    reader = PdfReader(docs / "clermont-inp" / "doctorat-edspi" / "notice.pdf")
    assert len(reader.pages) > 1
    last = plain(reader.pages[-1].extract_text())
    assert f"Page {len(reader.pages)} sur {len(reader.pages)}" in last
    second = plain(reader.pages[1].extract_text())
    assert "Clermont Auvergne INP" in second and "Année universitaire 2025-2026" in second


def test_notices_use_french_typography(docs):
    text = " ".join(page.extract_text() for page in PdfReader(docs / "amu-iut" / "but1" / "notice.pdf").pages)
    assert f"175{french.NBSP}€" in text
    assert re.search(r"\S :", text) is None, "an ordinary space before a colon"
    assert f"Pour qui{french.NNBSP}?" in text


# ---------------------------------------------------------------- open data


def published_schemas(docs: Path) -> dict:
    folder = docs / "donnees" / "schema"
    schemas = {path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8")) for path in folder.glob("*.json")}
    assert set(schemas) == {"index", "national", "institution", "procedure"}
    for schema in schemas.values():
        jsonschema.Draft7Validator.check_schema(schema)
    return schemas


def test_every_json_file_validates_against_the_published_schema(docs):
    schemas = published_schemas(docs)
    folder = docs / "donnees"
    files = [path for path in folder.rglob("*.json") if "schema" not in path.relative_to(folder).parts]
    kinds = {}
    for path in files:
        relative = path.relative_to(folder)
        if relative.name == "index.json" and len(relative.parts) == 1:
            kind = "index"
        elif relative.name == "national.json" and len(relative.parts) == 1:
            kind = "national"
        elif len(relative.parts) == 1:
            kind = "institution"
        else:
            kind = "procedure"
        jsonschema.Draft7Validator(schemas[kind]).validate(json.loads(path.read_text(encoding="utf-8")))
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds["index"] == 1 and kinds["national"] == 1 and kinds["institution"] == 7
    assert kinds["procedure"] >= 24  # the 12 procedures, latest and by year


def test_procedure_files_are_the_validated_yaml_with_full_id_and_institution(docs, catalog):
    folder = docs / "donnees"
    for record in catalog.procedures:
        by_year = json.loads((folder / record.institution_id / record.academic_year / f"{record.data['id']}.json").read_text(encoding="utf-8"))
        assert by_year == json.loads(json.dumps(published_procedure(record)))
        assert by_year["full_id"] == record.full_id and by_year["institution"] == record.institution_id
        assert {k: v for k, v in by_year.items() if k not in ("full_id", "institution")} == json.loads(json.dumps(record.data))
    for record in catalog.latest():
        latest = json.loads((folder / record.institution_id / f"{record.data['id']}.json").read_text(encoding="utf-8"))
        assert latest["academic_year"] == record.academic_year
    # Dates stay text, as in the YAML.
    isima = json.loads((folder / "clermont-inp" / "isima-apprentissage.json").read_text(encoding="utf-8"))
    assert isinstance(isima["closures"][0]["from"], str)


def test_the_index_lists_every_procedure_with_urls_that_exist_and_the_licence(docs, catalog):
    index_path = docs / "donnees" / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    assert index["licence"] == LICENCE and index["licence"]["spdx"] == "etalab-2.0"
    assert "Licence Ouverte" in index["licence"]["name"] and "2.0" in index["licence"]["name"]
    assert [entry["full_id"] for entry in index["procedures"]] == ids(catalog)
    base = "https://site.example/donnees/index.json"

    def in_docs(url: str) -> Path:
        path = urlsplit(urljoin(base, url)).path.lstrip("/")
        if path.endswith("/"):  # a page: its Markdown source
            return docs / (path.rstrip("/") + ".md") if path.count("/") > 1 else docs / path / "index.md"
        return docs / path

    for entry in index["procedures"]:
        record = catalog.get(entry["full_id"])
        assert (entry["title"], entry["academic_year"]) == (record.data["title"], record.academic_year)
        for kind in ("json", "pdf", "ics"):
            assert in_docs(entry["urls"][kind]).is_file(), entry["urls"][kind]
        assert urljoin(base, entry["urls"]["page"]) == f"https://site.example/{entry['full_id']}/"
        assert [y["academic_year"] for y in entry["years"]] == catalog.years(entry["full_id"])
        for year in entry["years"]:
            assert in_docs(year["json"]).is_file()
    for institution in index["institutions"]:
        assert in_docs(institution["json"]).is_file()
    for url in [index["national"], *index["schemas"].values()]:
        assert in_docs(url).is_file()


def test_the_open_data_page_documents_urls_licence_and_an_example(docs, catalog):
    text = (docs / "donnees.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Données ouvertes\n---")
    assert "# Données ouvertes" in text
    assert "Licence Ouverte / Open Licence version 2.0" in text and LICENCE["url"] in text
    for pattern in ("donnees/<établissement>/<procédure>.json", "donnees/<établissement>/<année>/<procédure>.json", "notice.pdf", "calendrier.ics"):
        assert pattern in html.unescape(text)  # the table of addresses is HTML
    assert "```json" in text and "```python" in text and "&#34;" not in text
    for target in re.findall(r"\]\(([^)]+)\)", text):
        if not urlsplit(target).scheme:
            assert (docs / target).is_file(), target


def test_links_from_a_procedure_page_reach_its_takeaways(docs, catalog):
    for record in catalog.latest():
        page_folder = (docs / procedure_page(record.institution_id, record.data["id"])).parent
        for target in takeaway_links(record).values():
            assert (page_folder / target).resolve().is_file(), target
