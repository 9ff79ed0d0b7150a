"""The checker widget's accessibility in each of its states, and with the keyboard alone.

axe-core (WCAG 2.1 A and AA) over the widget and the steps it marks, in each
state a student can meet: idle (its script still on the way), loading
(Python starting), ready (light and dark schemes, with `?at=`, « Pourquoi ? »
open, « Mon parcours » open), opened from a link whose answers the form could
not all take, the link copied, the link shown to copy by hand (no clipboard),
error (an unreadable `?at=`) and unavailable (WebAssembly refused). Every page as a whole is checked by test_site_crawl.py.
"""
from __future__ import annotations

import pytest

from tests.support.chromium import visitor_context
from tests.support.site_audit import (
    CSP_RECORDER,
    answer_of,
    axe_violations,
    csp_reports,
    describe_violations,
    form,
)

PROCEDURE = "amu-iut/but1"
AT = "2024-07-25T10:00"
WIDGET = [".modop-checker", "[data-checker-badge]"]  # the widget and the badges it puts on the steps


def new_page(browser, **options):
    context = visitor_context(browser, **options)
    context.add_init_script(CSP_RECORDER)
    return context, context.new_page()


def held(context, pattern: str) -> list:
    """Requests for `pattern` are kept waiting until the test lets them go."""
    waiting = []
    context.route(pattern, lambda route: waiting.append(route))
    return waiting


def idle(browser, server):
    context, page = new_page(browser)
    waiting = held(context, "**/assets/checker/checker.mjs")
    page.goto(server.url + f"{PROCEDURE}/", wait_until="domcontentloaded")
    while not waiting:  # the widget's script is asked for, and kept waiting
        page.wait_for_timeout(20)
    assert page.locator("[data-result]").get_attribute("data-state") == "idle"
    assert page.locator(f"{form(PROCEDURE)} [name='boursier']").is_disabled()
    return context, page, waiting


def loading(browser, server):
    context, page = new_page(browser)
    waiting = held(context, "**/assets/checker/worker.mjs")
    page.goto(server.url + f"{PROCEDURE}/")
    page.wait_for_selector("[data-result][data-state='loading']")
    assert "Démarrage du calculateur" in page.locator("[data-checker-live]").inner_text()
    return context, page, waiting


def ready(scheme: str, address: str):
    def open_ready(browser, server):
        context, page = new_page(browser, color_scheme=scheme)
        page.goto(server.url + address)
        page.locator(f"{form(PROCEDURE)} [name='boursier']").check()
        page.locator(f"{form(PROCEDURE)} [name='date_acceptation']").fill("2024-07-20")
        answer_of(page)
        return context, page, []

    return open_ready


def why_open(browser, server):
    context, page, waiting = ready("light", f"{PROCEDURE}/?at={AT}")(browser, server)
    page.locator(".modop-checker__why > summary").click()
    return context, page, waiting


def link_refused(browser, server):
    context, page = new_page(browser)
    page.goto(server.url + f"{PROCEDURE}/?at={AT}#boursier=true&date_acceptation=2024-02-30&pupille=oui")
    answer_of(page)
    assert page.locator("[data-checker-link-notice]").inner_text()
    return context, page, []


def link_copied(browser, server):
    context, page = new_page(browser, permissions=["clipboard-read", "clipboard-write"])
    page.goto(server.url + f"{PROCEDURE}/?at={AT}#boursier=true")
    answer_of(page)
    page.locator("[data-checker-share]").click()
    page.locator("[data-checker-action-status]", has_text="Lien copié").wait_for()
    return context, page, []


def link_by_hand(browser, server):
    context, page = new_page(browser)
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })")
    page.goto(server.url + f"{PROCEDURE}/?at={AT}#boursier=true")
    answer_of(page)
    page.locator("[data-checker-share]").click()
    page.locator("[data-checker-link-field]").wait_for()
    return context, page, []


def error(browser, server):
    context, page = new_page(browser)
    page.goto(server.url + f"{PROCEDURE}/?at=demain")
    page.wait_for_selector("[data-result][data-state='error']")
    return context, page, []


def unavailable(browser, server):
    context, page = new_page(browser)
    context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(server.url + f"{PROCEDURE}/")
    page.wait_for_selector("[data-result][data-state='error']")
    assert "Calculateur indisponible" in page.locator("[data-checker-live]").inner_text()
    return context, page, []


STATES = {
    "idle": idle,
    "loading": loading,
    "ready": ready("light", f"{PROCEDURE}/"),
    "ready-at": ready("light", f"{PROCEDURE}/?at={AT}"),
    "ready-dark-at": ready("dark", f"{PROCEDURE}/?at={AT}"),
    "why-open": why_open,
    "link-refused": link_refused,
    "link-copied": link_copied,
    "link-by-hand": link_by_hand,
    "error": error,
    "unavailable": unavailable,
}


@pytest.mark.parametrize("state", list(STATES))
def test_the_widget_has_no_violation_in_any_state(browser, site_server, state):
    context, page, waiting = STATES[state](browser, site_server)
    try:
        violations = axe_violations(page, WIDGET)
        assert not violations, describe_violations({state: violations})
        assert csp_reports(page) == []
    finally:
        for route in waiting:
            route.continue_()
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_mon_parcours_has_no_violation(browser, site_server, scheme):
    context, page, _ = ready(scheme, f"{PROCEDURE}/?at={AT}")(browser, site_server)
    try:
        page.locator("[data-checker-parcours]").click()
        page.locator("dialog.modop-parcours [data-parcours-step]").first.check()
        violations = axe_violations(page, ["dialog.modop-parcours"])
        assert not violations, describe_violations({f"Mon parcours ({scheme})": violations})
    finally:
        context.close()


# ---------------------------------------------------------------- keyboard

FOCUSED = """() => {
  const node = document.activeElement;
  if (!node || node === document.body) return null;
  node.dataset.kbd ??= String(document.querySelectorAll("[data-kbd]").length);
  const style = getComputedStyle(node);
  const box = node.getBoundingClientRect();
  return {
    key: node.dataset.kbd,
    tag: node.tagName.toLowerCase(),
    name: node.getAttribute("name"),
    text: node.textContent.trim().slice(0, 60),
    inWidget: Boolean(node.closest(".modop-checker")),
    inDialog: Boolean(node.closest("dialog.modop-parcours")),
    step: node.dataset.parcoursStep || null,
    visible: node.matches(":focus-visible"),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
    top: box.top + scrollY,
    left: box.left + scrollX,
  };
}"""


def tab_through(page, stop, limit: int = 60) -> list[dict]:
    """Presses Tab until `stop(focused)` holds; every element focused on the way, once each."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused and (not stops or stops[-1]["key"] != focused["key"]):  # a date input has 3 stops
            stops.append(focused)
        if focused and stop(focused):
            return stops
    raise AssertionError(f"Tab never reached the expected element; focused: {[s['text'] or s['name'] for s in stops]}")


def test_keyboard_alone_reaches_every_field_then_the_answer_and_leaves(browser, site_server, site_dir):
    context, page = new_page(browser, accept_downloads=True, permissions=["clipboard-read", "clipboard-write"])
    try:
        page.goto(site_server.url + f"{PROCEDURE}/?at={AT}")
        answer_of(page)
        # Start from the anchor link of the heading just above the widget.
        page.locator("#votre-situation .headerlink").focus()
        stops = tab_through(page, lambda focused: not focused["inWidget"])
        inside, after = stops[:-1], stops[-1]
        assert after["top"] > inside[-1]["top"], "after the widget, focus goes on down the page"

        fields = [stop["name"] for stop in inside if stop["name"]]
        expected = page.locator(f"{form(PROCEDURE)} [name]").evaluate_all("nodes => nodes.map(n => n.name)")
        assert fields == expected, "every field, in the order of the form"
        texts = [stop["text"] for stop in inside]
        for reached in (
            "Calculer", "Pourquoi ?", "Ajouter à mon agenda (.ics)", "Mon parcours (à imprimer, à cocher)", "Copier le lien de ma situation",
        ):
            assert reached in texts
        positions = [(round(stop["top"]), round(stop["left"])) for stop in inside]
        assert positions == sorted(positions), "tab order follows the visual order (top to bottom, left to right)"
        unringed = [stop["text"] or stop["name"] for stop in inside if not (stop["visible"] and stop["ring"])]
        assert unringed == [], "each focused element shows a focus ring"

        # « Pourquoi ? »: Enter and Space open and close it.
        page.locator(".modop-checker__why > summary").focus()
        why = page.locator(".modop-checker__why")
        page.keyboard.press("Enter")
        assert why.evaluate("node => node.open")
        explanation = answer_of(page)["explanation"][0]
        assert page.get_by_text(explanation).first.is_visible()
        page.keyboard.press("Space")
        assert not why.evaluate("node => node.open")
        page.keyboard.press("Space")
        assert why.evaluate("node => node.open")

        # « Ajouter à mon agenda » with Enter.
        page.locator("[data-checker-agenda]").focus()
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        assert download.value.suggested_filename == "inscription-amu-iut-but1.ics"

        # « Copier le lien de ma situation » with Enter.
        page.locator("[data-checker-share]").focus()
        page.keyboard.press("Enter")
        page.locator("[data-checker-action-status]", has_text="Lien copié").wait_for()
        assert page.evaluate("navigator.clipboard.readText()").endswith(f"{PROCEDURE}/?at={AT.replace(':', '%3A')}")

        # « Mon parcours »: Enter opens it with the focus inside; Tab stays in it;
        # Space ticks a step; Escape closes it and gives the focus back.
        opener = page.locator("[data-checker-parcours]")
        opener.focus()
        page.keyboard.press("Enter")
        page.wait_for_selector("dialog.modop-parcours[open]")
        assert page.evaluate(FOCUSED)["inDialog"]
        in_dialog = tab_through(page, lambda focused: focused["step"] is not None)
        assert all(stop["inDialog"] for stop in in_dialog), "the page behind « Mon parcours » is out of reach"
        assert all(stop["visible"] and stop["ring"] for stop in in_dialog)
        page.keyboard.press("Space")
        assert page.evaluate("() => document.activeElement.checked") is True
        page.keyboard.press("Escape")
        page.wait_for_selector("dialog.modop-parcours", state="detached")
        assert opener.evaluate("node => node === document.activeElement")
        assert csp_reports(page) == []
    finally:
        context.close()
