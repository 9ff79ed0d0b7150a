"""generator/render/pdf_notice.py: French typography, links and what the notice may fetch.

The notices of the real procedures are read back in tests/test_takeaways.py;
here, the fixture procedure (tests/fixtures/site), which holds a screenshot
and hostile text, and the rules of the HTML the notice is made from.
"""
from __future__ import annotations

import pytest
from pypdf import PdfReader
from weasyprint.urls import FatalURLFetchingError

from checks.wording.fr import NBSP, NNBSP
from generator.model.catalog import load_catalog
from generator.render import pdf_notice
from generator.render.pdf_notice import LocalFilesOnly, french_spacing, markdown_html, notice_html, write_notice
from tests.support.data_root import copy_procedures, edit
from tests.support.no_network import network_refused
from tests.support.paths import SITE_FIXTURE
from tests.support.pdf_text import pdf_text

# The file of ecole-demo/licence, which some tests below change.
LICENCE_FILE = "procedures/ecole-demo/2024-2025/licence.yaml"


@pytest.fixture
def no_network():
    """Any connection attempt fails the test: the notice is made from local files only."""
    with network_refused():
        yield


def test_french_spacing_puts_no_break_spaces_in_text_only():
    source = '<p title="a : b">Pour qui ? Date : lundi ; voilà ! « Dossier complet » <a href="https://x.fr/a?b=1">https://x.fr</a></p><code>a : b</code>'
    result = french_spacing(source)
    assert f"Pour qui{NNBSP}?" in result
    assert f"Date{NBSP}:" in result
    assert f"lundi{NNBSP};" in result
    assert f"voilà{NNBSP}!" in result
    assert f"«{NBSP}Dossier complet{NBSP}»" in result
    assert 'title="a : b"' in result  # attributes untouched
    assert 'href="https://x.fr/a?b=1"' in result
    assert "<code>a : b</code>" in result
    assert french_spacing("«mot»") == f"«{NBSP}mot{NBSP}»"


def test_markdown_links_keep_safe_targets_and_drop_the_others():
    body = "[a](https://x.fr) [b](mailto:s@x.fr) [c](javascript:alert(1)) [d](autre.md) [e](#etape-cvec) [f](http://x.fr)"
    with_site = str(markdown_html(body, "https://site.fr/ecole/licence/"))
    assert 'href="https://x.fr"' in with_site and 'href="mailto:s@x.fr"' in with_site
    assert "javascript" not in with_site.split(">c<")[0].rsplit("<a", 1)[-1]
    assert 'href="https://site.fr/ecole/licence/autre.md"' in with_site
    assert 'href="#etape-cvec"' in with_site
    assert 'href="http://x.fr"' not in with_site
    without_site = str(markdown_html(body, None))
    assert "autre.md" not in without_site and "javascript:" not in without_site


def test_fixture_notice_escapes_text_shows_the_screenshot_with_its_alt_and_fetches_nothing(tmp_path, no_network):
    catalog = load_catalog(SITE_FIXTURE)
    record = catalog.get("ecole-demo/licence")
    html = notice_html(record, catalog.institutions["ecole-demo"])
    assert "<script>" not in html and "&lt;script&gt;" in html
    target = tmp_path / "notice.pdf"
    write_notice(record, catalog.institutions["ecole-demo"], target)
    reader = PdfReader(target)
    text = pdf_text(reader)
    assert "<script>alert(1)</script>" in text  # shown as text, never run
    assert "année non précisée par la notice" in text
    images = [name for page in reader.pages for name in (page.get("/Resources", {}).get("/XObject", {}) or {})]
    assert images, "the screenshot is in the PDF"
    alts = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt")))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert "Formulaire de connexion avec les champs identifiant et mot de passe." in alts


def test_an_image_from_another_origin_never_reaches_the_notice(tmp_path, no_network):
    edit(copy_procedures(SITE_FIXTURE, tmp_path), LICENCE_FILE, "Complétez votre dossier.", "Complétez votre dossier. ![logo](https://example.org/logo.png)")
    catalog = load_catalog(tmp_path)
    record = catalog.get("ecole-demo/licence")
    # The safe Markdown subset drops images from other origins before WeasyPrint
    # sees them (and its URL fetcher would refuse them anyway: next test).
    write_notice(record, catalog.institutions["ecole-demo"], tmp_path / "notice.pdf")
    assert b"example.org" not in (tmp_path / "notice.pdf").read_bytes()


def test_the_notice_fetcher_refuses_every_other_origin(tmp_path):
    fetcher = LocalFilesOnly([tmp_path])
    for url in ("https://example.org/logo.png", "http://127.0.0.1/x.css", "file:///etc/passwd"):
        with pytest.raises(FatalURLFetchingError):
            fetcher.fetch(url)


def test_a_notice_is_laid_out_again_only_when_what_it_shows_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("MODOP_CACHE", str(tmp_path / "cache"))
    copy_procedures(SITE_FIXTURE, tmp_path)
    catalog = load_catalog(tmp_path)
    record, institution = catalog.get("ecole-demo/licence"), catalog.institutions["ecole-demo"]
    laid_out, real = [], pdf_notice._lay_out

    def counting(*args):
        laid_out.append(args[1].full_id)
        return real(*args)

    monkeypatch.setattr(pdf_notice, "_lay_out", counting)
    write_notice(record, institution, tmp_path / "first.pdf")
    write_notice(record, institution, tmp_path / "again.pdf")
    assert len(laid_out) == 1
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "first.pdf").read_bytes()

    edit(tmp_path, LICENCE_FILE, "Complétez votre dossier.", "Complétez votre dossier avant vendredi.")
    catalog = load_catalog(tmp_path)
    write_notice(catalog.get("ecole-demo/licence"), institution, tmp_path / "changed.pdf")
    assert len(laid_out) == 2
    text = pdf_text(PdfReader(tmp_path / "changed.pdf"))
    assert "Complétez votre dossier avant vendredi." in text
