"""Procedure pages on paper (print.css for the site, checker.css for the widget):
no navigation, header or footer, no questions nor buttons of the checker but its
answer once computed, every step and table whole where it fits, and each link
that leaves the page followed by its address."""
from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.support.chromium import visitor_context
from tests.support.site_audit import READY, answer_of, procedure_data, site_procedures

PRINT_CSS = "assets/checker/print.css"
CHROME = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-top", ".md-search")


@pytest.fixture(scope="module")
def tab(browser):
    context = visitor_context(browser)
    page = context.new_page()
    yield page
    context.close()


def after_content(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all(
        "links => links.map((link) => getComputedStyle(link, '::after').content)"
    )


def test_every_page_has_the_print_stylesheet(site_dir):
    missing = [
        str(page.relative_to(site_dir)) for page in sorted(site_dir.rglob("*.html"))
        if PRINT_CSS not in page.read_text(encoding="utf-8")
    ]
    assert missing == [], f"add `- {PRINT_CSS}` to extra_css in mkdocs.yml; missing from: {missing}"


def test_each_procedure_page_prints_its_steps_without_the_chrome(tab, site_server, site_dir):
    checked = 0
    for procedure in site_procedures(site_dir):
        tab.emulate_media(media="screen")
        tab.goto(f"{site_server.url}{procedure}/")
        tab.emulate_media(media="print")
        for chrome in CHROME:
            assert tab.locator(chrome).first.is_hidden(), (procedure, chrome)
        steps = tab.locator(".modop-step")
        assert steps.count() == len(procedure_data(site_dir, procedure)["steps"]), procedure
        for index in range(steps.count()):
            step = steps.nth(index)
            assert step.is_visible(), (procedure, index)
            assert step.evaluate("node => getComputedStyle(node).breakInside") == "avoid"
        assert all(
            table.evaluate("node => getComputedStyle(node).breakInside") == "avoid"
            for table in tab.locator("article table").all()
        ), procedure
        # Links that leave the site, then one to a place of this very page.
        outside = tab.locator("article a[href^='https://']:not([href*='#'])")
        hrefs = outside.evaluate_all("links => links.map((link) => link.getAttribute('href'))")
        assert after_content(tab, "article a[href^='https://']:not([href*='#'])") == [f'" ({href})"' for href in hrefs]
        assert set(after_content(tab, "article a[href*='#contact-']")) <= {"none"}, procedure
        assert tab.locator("form[data-checker]").count() == 0 or tab.locator("form[data-checker]").is_hidden()
        checked += 1
    assert checked == len(site_procedures(site_dir))


def test_the_answer_is_printed_without_the_questions(tab, site_server):
    tab.emulate_media(media="screen")
    tab.goto(f"{site_server.url}amu-iut/but1/?at=2024-07-25T10:00")
    tab.locator("form[data-checker] [name='boursier']").check()
    answer_of(tab)
    tab.emulate_media(media="print")
    assert tab.locator("form[data-checker]").is_hidden()
    assert tab.locator(".modop-checker__takeaways").is_hidden()
    assert tab.locator("[data-result] .modop-checker__parts").is_visible()
    assert tab.locator("[data-checker-badge]").first.is_visible()

    text = " ".join(
        page.extract_text() for page in PdfReader(BytesIO(tab.pdf(format="A4"))).pages
    )
    flat = " ".join(text.split())
    assert "rien à payer à l'établissement" in flat
    assert "Étape 1" in flat and "La CVEC" in flat
    assert "(https://" in flat, "addresses of the links that leave the site"
    for absent in ("Calculer", "Ajouter à mon agenda", "Rechercher", "Passer en mode"):
        assert absent not in flat, absent


def test_the_answer_of_a_link_is_printed(tab, site_server):
    """A page opened from « Copier le lien de ma situation »: its answer on paper, not
    the link's button, nor what the form could not take (the questions are not printed)."""
    tab.emulate_media(media="screen")
    tab.goto(f"{site_server.url}amu-iut/but1/?at=2024-07-25T10:00#boursier=true&pupille=oui")
    assert answer_of(tab)["fee"]["amount_eur"] == 0
    assert tab.locator("[data-checker-link-notice]").inner_text()
    tab.emulate_media(media="print")
    assert tab.locator("[data-result] .modop-checker__parts").is_visible()
    assert tab.locator("[data-checker-link-notice]").is_hidden()
    flat = " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(tab.pdf(format="A4"))).pages).split())
    assert "rien à payer à l'établissement" in flat
    for absent in ("Copier le lien", "n'ont pas été reprises", "Calculer"):
        assert absent not in flat, absent


def test_a_widget_without_an_answer_is_not_printed(tab, site_server):
    tab.emulate_media(media="screen")
    tab.goto(f"{site_server.url}amu-iut/but1/?at=demain")
    tab.wait_for_selector("[data-result][data-state='error']")
    tab.emulate_media(media="print")
    assert tab.locator(".modop-checker").is_hidden()
    assert tab.locator(READY).count() == 0
