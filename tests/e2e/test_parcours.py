"""« Mon parcours »: the student's own procedure, printable, with boxes to tick.

A modal dialog made in the page from the checker's answer and the page's own
step sections: only the student's steps, their fee and code, their CVEC,
their deadline. Ticks stay in the browser's memory, and in localStorage only
once the student asks (« Garder mes coches dans ce navigateur »); they then
survive a reload. Once the page has loaded it all works offline.
"""
from __future__ import annotations

import json
from io import BytesIO

import pytest
from pypdf import PdfReader

from tests.support.chromium import visitor_context
from tests.support.site_audit import CSP_RECORDER, answer_of, csp_reports, fill_profile, form, shown_answer_text, wait_new_answer

DIALOG = "dialog.modop-parcours"


@pytest.fixture
def context(browser):
    context = visitor_context(browser, accept_downloads=True)
    context.add_init_script(CSP_RECORDER)
    yield context
    context.close()


def open_page(context, server, address: str, profile: dict):
    page = context.new_page()
    page.goto(server.url + address)
    procedure = page.locator("form[data-checker]").get_attribute("data-checker")
    fill_profile(page, procedure, profile)
    return page, answer_of(page)


def open_parcours(page):
    page.locator("[data-checker-parcours]").click()
    page.wait_for_selector(f"{DIALOG}[open]")
    return page.locator(DIALOG)


def shown_text(page, selector: str) -> str:
    return page.locator(selector).evaluate(
        """node => {
          const copy = node.cloneNode(true);
          copy.querySelectorAll(".headerlink, [data-checker-badge], .modop-parcours__tick").forEach((n) => n.remove());
          return copy.textContent.replace(/\\s+/g, " ").trim();
        }"""
    )


def local_storage(page) -> dict:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


def modop_keys(page) -> dict:
    return {key: value for key, value in local_storage(page).items() if key.startswith("modop")}


@pytest.mark.parametrize(
    "address, profile",
    [
        ("clermont-inp/doctorat-edspi/?at=2025-09-15T10:00", {}),
        ("orleans/but1/?at=2024-07-25T10:00", {"echange": "true", "date_acceptation": "2024-07-20"}),
    ],
)
def test_it_holds_the_students_steps_and_figures_only(context, site_server, address, profile):
    page, answer = open_page(context, site_server, address, profile)
    every_step = page.locator("section.modop-step[id^='etape-']").evaluate_all(
        "nodes => nodes.filter(n => !n.closest('dialog')).map(n => n.id.slice('etape-'.length))"
    )
    assert set(answer["steps"]) < set(every_step), "the case leaves some steps out"
    # The headline of each figure the widget shows (fee, CVEC, deadline).
    widget = page.locator("[data-result] .modop-checker__parts").evaluate(
        """list => Object.fromEntries([...list.querySelectorAll("dt")]
          .filter((term) => term.nextElementSibling.querySelector("strong"))
          .map((term) => [term.textContent, term.nextElementSibling.querySelector("strong").textContent]))"""
    )
    assert {"Frais d'inscription", "CVEC"} <= set(widget)
    dialog = open_parcours(page)
    assert dialog.get_attribute("aria-labelledby") and page.evaluate(
        "() => document.activeElement.closest('dialog') !== null"
    )
    copies = dialog.locator(".modop-parcours__step")
    assert copies.count() == len(answer["steps"])
    for index, step in enumerate(answer["steps"]):
        # The step as the page shows it: its title (one heading level down) and its body.
        assert shown_text(page, f"{DIALOG} .modop-parcours__steps > li:nth-child({index + 1}) > section") == shown_text(
            page, f"section#etape-{step}"
        )
        assert copies.nth(index).locator("h4").first.get_attribute("id") == f"modop-parcours-etape-{step}"
        assert copies.nth(index).locator("[data-parcours-step]").get_attribute("data-parcours-step") == step
    text = dialog.inner_text()
    for part, headline in widget.items():
        assert headline in text, part
    if answer["fee"]["category"]:
        assert f"Code à cocher sur le portail : {answer['fee']['category']}" in text
    assert ("Date limite" in text) == (answer["deadline"] is not None)
    assert answer["academic_year"] in text
    duplicates = page.evaluate(
        """() => {
          const ids = [...document.querySelectorAll("[id]")].map((node) => node.id);
          return ids.filter((id, index) => ids.indexOf(id) !== index);
        }"""
    )
    assert duplicates == []
    assert csp_reports(page) == []


def test_a_link_to_this_page_closes_it_and_goes_there(context, site_server):
    page, _ = open_page(context, site_server, "amu-iut/but1/?at=2024-07-25T10:00", {})
    dialog = open_parcours(page)
    link = dialog.locator("a[href*='#contact-']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_selector(DIALOG, state="detached")
    assert page.evaluate("() => location.hash") == f"#{target}"
    assert not page.evaluate("() => document.documentElement.classList.contains('modop-parcours-open')")


def test_ticks_are_kept_in_the_browser_only_when_asked_and_survive_a_reload(context, site_server):
    address, profile = "amu-iut/but1/?at=2024-07-25T10:00", {"boursier": "true", "date_acceptation": "2024-07-20"}
    page, answer = open_page(context, site_server, address, profile)
    first, second = answer["steps"][:2]
    key = f"modop-parcours:amu-iut/but1:{answer['academic_year']}"

    # Not asked: the tick lives as long as the page, nowhere else.
    dialog = open_parcours(page)
    assert not dialog.locator("[data-parcours-remember]").is_checked()
    assert "enregistrées sur cet appareil seulement" in dialog.inner_text()
    dialog.locator(f"[data-parcours-step='{first}']").check()
    assert modop_keys(page) == {}
    page.keyboard.press("Escape")
    dialog = open_parcours(page)
    assert dialog.locator(f"[data-parcours-step='{first}']").is_checked()
    page.reload()
    answer_of(page)
    dialog = open_parcours(page)
    assert not dialog.locator(f"[data-parcours-step='{first}']").is_checked()
    assert modop_keys(page) == {}

    # Asked: the ticked steps (their ids, nothing of the answers) in localStorage.
    dialog.locator("[data-parcours-remember]").check()
    dialog.locator(f"[data-parcours-step='{first}']").check()
    dialog.locator(f"[data-parcours-step='{second}']").check()
    assert "gardées dans ce navigateur" in dialog.locator(".modop-parcours__remember [role='status']").inner_text()
    assert modop_keys(page) == {key: json.dumps({"done": [first, second]}, separators=(",", ":"))}
    page.keyboard.press("Escape")

    # A reload (online), the same answers again: the ticks are back.
    page.reload()
    for name, value in profile.items():
        field = page.locator(f"{form('amu-iut/but1')} [name='{name}']")
        field.check() if value == "true" else field.fill(value)
    answer_of(page)
    dialog = open_parcours(page)
    assert dialog.locator("[data-parcours-remember]").is_checked()
    assert dialog.locator(f"[data-parcours-step='{first}']").is_checked()
    assert dialog.locator(f"[data-parcours-step='{second}']").is_checked()

    # Unticking « Garder » forgets them.
    dialog.locator("[data-parcours-remember]").uncheck()
    assert modop_keys(page) == {}
    assert csp_reports(page) == []


def test_it_works_offline_once_the_page_has_loaded(context, site_server):
    page, answer = open_page(context, site_server, "orleans/but1/?at=2024-07-25T10:00", {})
    shown = shown_answer_text(page)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    context.set_offline(True)
    try:
        # A new answer (Python and the procedure are already in the tab), then « Mon parcours ».
        page.locator(f"{form('orleans/but1')} [name='boursier']").check()
        changed = wait_new_answer(page, shown)
        assert changed["fee"]["amount_eur"] == 0
        dialog = open_parcours(page)
        assert dialog.locator(".modop-parcours__step").count() == len(changed["steps"])
        dialog.locator("[data-parcours-remember]").check()
        dialog.locator(f"[data-parcours-step='{changed['steps'][0]}']").check()
        assert modop_keys(page), "ticks kept offline"
        page.keyboard.press("Escape")
        with page.expect_download() as download:
            page.locator("[data-checker-agenda]").click()
        assert download.value.path().read_bytes().startswith(b"BEGIN:VCALENDAR")
        assert [url for url in requests if not url.startswith("blob:")] == [], "nothing fetched offline"
    finally:
        context.set_offline(False)
    assert csp_reports(page) == []


def test_printing_it_prints_it_alone(context, site_server):
    page, answer = open_page(context, site_server, "amu-iut/but1/?at=2024-07-25T10:00", {"boursier": "true"})
    dialog = open_parcours(page)
    dialog.locator(f"[data-parcours-step='{answer['steps'][0]}']").check()
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-container", ".md-footer", ".modop-parcours__bar", ".modop-parcours__remember"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert dialog.is_visible()
    assert dialog.locator(".modop-parcours__step").first.is_visible()

    pdf = PdfReader(BytesIO(page.pdf(format="A4")))
    text = " ".join(page_.extract_text() for page_ in pdf.pages)
    assert "Mon parcours" in text
    for step in answer["steps"]:
        title = page.locator(f"#etape-{step} h3").first.evaluate(
            "node => { const c = node.cloneNode(true); c.querySelectorAll('.headerlink').forEach(n => n.remove());"
            " return c.textContent.trim(); }"
        )
        assert " ".join(title.split()) in " ".join(text.split()), title
    assert "Calculer" not in text and "Imprimer" not in text and "Garder mes coches" not in text
