"""The whole built site in Chromium, as its visitors use it: accessibility
(axe-core, WCAG 2.1 A and AA), privacy (every request, the browser's storage)
and the Content Security Policy (every report), gathered in one crawl.

Two passes share this module's browser:

- every HTML page loaded in full, in the light colour scheme: axe over the
  whole page once its checker, where it has one, has answered;
- one tab in the dark colour scheme walks every page of the sitemap by
  instant navigation, as a student clicking links does (one window, one
  Python for the whole visit), and on each procedure page answers every
  question of the checker, copies the link of that situation, opens
  « Pourquoi ? », downloads the .ics and opens « Mon parcours »: axe over
  each page and each « Mon parcours »; on the home page and each
  institution's, it answers « Quelle procédure pour moi ? » (the first answer
  of each question) to its result: axe over the page then.

The crawl runs on the site of each engine, MkDocs and Zensical.
Every request of both passes is recorded (none may leave the origin), a
script added to every document keeps its CSP reports (none allowed), and
the storage is read at the end (nothing the student typed may be there).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from generator.render.checker_view import has_checker
from tests.support.chromium import visitor_context
from tests.support.site_audit import (
    CSP_RECORDER,
    READY,
    axe_violations,
    csp_reports,
    describe_violations,
    fill_every_field,
    html_pages,
    instant_go,
    poll,
    procedure_data,
    site_procedures,
    storage,
)

# Material keeps the colour scheme it chose under "<site path>.__palette":
# no answer of the student, and the same for every visitor.
MATERIAL_KEYS = re.compile(r"^/.*\.__palette$")


@dataclass
class Crawl:
    loaded: list[str] = field(default_factory=list)  # pass 1: full loads
    toured: list[str] = field(default_factory=list)  # pass 2: instant navigation
    checkers_used: list[str] = field(default_factory=list)
    profiles: dict[str, dict] = field(default_factory=dict)
    calendars: dict[str, str] = field(default_factory=dict)
    parcours_opened: list[str] = field(default_factory=list)
    finders_used: list[str] = field(default_factory=list)
    links_copied: list[str] = field(default_factory=list)
    axe: dict[str, list] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    csp: list[dict] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    storage: dict[str, dict] = field(default_factory=dict)
    cookies: list = field(default_factory=list)
    same_window: bool = False


def settled(page) -> None:
    """The checker has answered the last change (no question waits in the worker)."""
    poll(
        page,
        """() => window.modopChecker && window.modopChecker.waiting.size === 0
          && document.querySelector("[data-result]").dataset.state === "ready" """,
    )


def sitemap_pages(site_dir) -> list[str]:
    text = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return sorted(re.sub(r"^https?://[^/]+/", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", text))


def watch(crawl: Crawl, context, page) -> None:
    context.add_init_script(CSP_RECORDER)
    context.on("request", lambda request: crawl.requests.append(request.url))
    page.on("pageerror", lambda error: crawl.errors.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda message: crawl.console.append(message.text) if message.type in ("error", "warning") else None,
    )


def load_every_page(crawl: Crawl, browser, server, site_dir) -> None:
    context = visitor_context(browser, color_scheme="light")
    page = context.new_page()
    watch(crawl, context, page)
    try:
        for path in html_pages(site_dir):
            page.goto(server.url + path)
            if page.locator("form[data-checker]").count():
                page.wait_for_selector(READY)
            crawl.axe[f"/{path} (page, light)"] = axe_violations(page)
            crawl.csp += csp_reports(page)
            crawl.loaded.append(path)
        crawl.storage["full loads"] = storage(page)
        crawl.cookies += context.cookies()
    finally:
        context.close()


def tour_with_the_checker(crawl: Crawl, browser, server, site_dir) -> None:
    context = visitor_context(browser, color_scheme="dark", accept_downloads=True)
    page = context.new_page()
    watch(crawl, context, page)
    try:
        page.goto(server.url)
        page.evaluate("window.__modopTour = true")
        for path in sitemap_pages(site_dir):
            if page.url != server.url + path:
                instant_go(page, server.url + path)
            crawl.toured.append(path)
            if page.locator("form[data-checker]").count():
                use_the_checker(crawl, page, site_dir, path)
            elif page.locator("[data-finder]").count():
                use_the_finder(crawl, page, path)
            else:
                crawl.axe[f"/{path} (page, dark)"] = axe_violations(page)
        crawl.same_window = page.evaluate("window.__modopTour === true")
        crawl.csp += csp_reports(page)
        crawl.storage["instant tour"] = storage(page)
        crawl.cookies += context.cookies()
    finally:
        context.close()


def use_the_checker(crawl: Crawl, page, site_dir, path: str) -> None:
    procedure = page.locator("form[data-checker]").get_attribute("data-checker")
    page.wait_for_selector(READY)
    profile = fill_every_field(page, procedure, procedure_data(site_dir, procedure)["academic_year"])
    settled(page)
    crawl.checkers_used.append(procedure)
    crawl.profiles[procedure] = profile
    # No clipboard granted to this context: copied, or shown to copy by hand; either is said.
    page.locator("[data-checker-share]").click()
    poll(page, "() => document.querySelector('[data-checker-action-status]').textContent !== ''")
    crawl.links_copied.append(procedure)
    page.locator(".modop-checker__why > summary").click()
    crawl.axe[f"/{path} (page, dark, checker answered, « Pourquoi ? » open)"] = axe_violations(page)
    agenda = page.locator("[data-checker-agenda]")
    if agenda.count():
        with page.expect_download() as download:
            agenda.click()
        crawl.calendars[procedure] = download.value.path().read_bytes().decode("utf-8")
    page.locator("[data-checker-parcours]").click()
    page.wait_for_selector("dialog.modop-parcours[open]")
    crawl.parcours_opened.append(procedure)
    crawl.axe[f"/{path} (« Mon parcours », dark)"] = axe_violations(page, ["dialog.modop-parcours"])
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.modop-parcours", state="detached")


def use_the_finder(crawl: Crawl, page, path: str) -> None:
    """The first answer of each question, to the result (its state: data-state)."""
    state = "() => document.querySelector('[data-finder]').dataset.state"
    poll(page, f"() => ({state})() !== 'plain'")
    depth = 0
    while page.evaluate(state) == "asking":
        page.locator(f"[data-finder] fieldset[data-depth='{depth}'] input").first.check()
        depth += 1
    assert page.locator("[data-finder] [data-finder-result] a").count()
    crawl.finders_used.append(path)
    crawl.axe[f"/{path} (page, dark, « Quelle procédure pour moi ? » answered)"] = axe_violations(page)


@pytest.fixture(scope="module")
def crawl(browser, engine_server, engine_site_dir) -> Crawl:
    """The crawl of each engine's site (every test of this module runs on both)."""
    found = Crawl()
    load_every_page(found, browser, engine_server, engine_site_dir)
    tour_with_the_checker(found, browser, engine_server, engine_site_dir)
    return found


def procedures_with_a_checker(site_dir) -> list[str]:
    return [procedure for procedure in site_procedures(site_dir) if has_checker(procedure_data(site_dir, procedure))]


def test_the_crawl_covered_every_page_and_every_checker(crawl, engine_site_dir):
    assert crawl.loaded == html_pages(engine_site_dir)
    assert crawl.toured == sitemap_pages(engine_site_dir)
    assert crawl.same_window, "the tour went by instant navigation, in one window"
    expected = procedures_with_a_checker(engine_site_dir)
    assert expected, "the bundled site has checkers"
    assert sorted(crawl.checkers_used) == expected
    assert sorted(crawl.parcours_opened) == expected
    assert sorted(crawl.links_copied) == expected
    institutions = sorted({procedure.split("/")[0] for procedure in site_procedures(engine_site_dir)})
    assert crawl.finders_used == ["", *(f"{institution}/" for institution in institutions)]
    for procedure, text in crawl.calendars.items():
        assert text.startswith("BEGIN:VCALENDAR\r\n"), procedure


def test_no_accessibility_violation_on_any_page_nor_state(crawl):
    found = {where: violations for where, violations in crawl.axe.items() if violations}
    assert not found, "axe-core (WCAG 2.1 A and AA):\n" + describe_violations(found)


def test_no_request_leaves_the_origin(crawl, engine_server):
    assert len(crawl.requests) > len(crawl.loaded), "requests were recorded"
    # blob: is the .ics the page makes itself; data: an image written in the stylesheet.
    outside = [
        url for url in crawl.requests
        if not url.startswith(engine_server.url) and not url.startswith(("blob:", "data:"))
    ]
    assert outside == []


def test_no_content_security_policy_report(crawl):
    assert crawl.csp == []
    refused = [text for text in crawl.console if "Content Security Policy" in text or "Refused to" in text]
    assert refused == []


def test_no_script_error(crawl):
    assert crawl.errors == []


def test_nothing_the_student_entered_is_stored(crawl):
    """Without « Garder mes coches », nothing: no cookie, no session storage,
    no database, no cache, and in localStorage only Material's colour scheme."""
    assert crawl.cookies == []
    # The answers that can be told apart in a text: dates, regimes (not true, 3, 5).
    entered = {value for profile in crawl.profiles.values() for value in profile.values() if len(value) > 3}
    assert entered
    for visit, kept in crawl.storage.items():
        assert kept["session"] == {}, visit
        assert kept["cookies"] == "", visit
        assert kept["indexedDB"] == [], visit
        assert kept["caches"] == [], visit
        assert all(MATERIAL_KEYS.match(key) for key in kept["local"]), (visit, kept["local"])
        for key, value in kept["local"].items():
            assert not any(answer in value for answer in entered), (visit, key, value)
