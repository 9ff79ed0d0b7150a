"""The English pages (en/) in Chromium: axe-core (WCAG 2.1 A and AA) finds no violation on
the English home, an institution's page and two procedure pages (their checker answered),
in both colour schemes; the keyboard alone reaches the language switch and follows it to
the page's French twin. The widget's own states in English: test_english_checker.py."""
from __future__ import annotations

import pytest

from tests.support.chromium import visitor_context
from tests.support.site_audit import answer_of, axe_violations, describe_violations

PAGES = ["en/", "en/amu-iut/", "en/amu-iut/but1/", "en/uga/doctorat-inscription/"]
AT = "2024-07-25T10:00"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violation_on_english_pages(browser, site_server, scheme):
    context = visitor_context(browser, color_scheme=scheme)
    found = {}
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(site_server.url + path + f"?at={AT}")
            assert page.locator("html").get_attribute("lang") == "en"
            if page.locator("[data-result]").count():
                answer_of(page)  # judged as a student reads it: answered
            found[path] = axe_violations(page)
    finally:
        context.close()
    assert not any(found.values()), describe_violations(found)


FOCUSED = """() => {
  const node = document.activeElement;
  return node && node !== document.body
    ? { inSwitch: Boolean(node.closest(".md-select")), lang: node.getAttribute("hreflang"), tag: node.tagName.toLowerCase() }
    : null;
}"""


def test_the_keyboard_reaches_the_switch_and_follows_it(browser, site_server):
    context = visitor_context(browser)
    try:
        page = context.new_page()
        page.goto(site_server.url + "en/amu-iut/but1/")
        reached = []
        for _ in range(40):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            reached.append(focused)
            if focused and focused["lang"] == "fr" and focused["inSwitch"]:
                break
        else:
            raise AssertionError(f"Tab never reached the switch's « Français »: {reached}")
        assert any(f and f["inSwitch"] and f["tag"] == "button" for f in reached), "the switch's button comes first"
        assert page.locator(".md-select__link[hreflang='fr']").is_visible()  # the list opens for the keyboard
        page.keyboard.press("Enter")
        page.wait_for_url(site_server.url + "amu-iut/but1/")
        assert page.locator("html").get_attribute("lang") == "fr"
    finally:
        context.close()
